package ganglion.layers.rnn;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Bidirectional;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Recurrent;
import ganglion.layers.SimpleRNN;
import ganglion.testing.ReferenceCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Forward outputs and gradients of SimpleRNN, LSTM, GRU (both variants) and Bidirectional against PyTorch on the
 * same weights, from the files of tools/pytorch_reference/rnn_reference.py.
 */
class RnnReferenceTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() throws IOException, URISyntaxException {
        return ReferenceCase.files("/reference/rnn").stream().map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> run(ReferenceCase.read(f))));
    }

    static Recurrent<?> layer(String kind, int units) {
        return switch (kind) {
            case "simple_rnn" -> new SimpleRNN(units);
            case "lstm" -> new LSTM(units);
            case "gru" -> new GRU(units);
            case "gru_reset_before" -> new GRU(units).resetAfter(false);
            default -> throw new AssertionError(kind);
        };
    }

    private static void run(ReferenceCase c) {
        if (c.op.startsWith("bidirectional_")) {
            bidirectional(c);
            return;
        }
        int units = c.intParam("units");
        Tensor x = c.tensor("x").requiresGrad(true);
        Recurrent<?> l = layer(c.op, units).returnSequences(true).returnState(true)
                .goBackwards(c.intParam("go_backwards") == 1);
        int[] xs = x.shape();
        l.ensureBuilt(new int[]{xs[1], xs[2]});
        l.setWeights(List.of(c.tensor("kernel"), c.tensor("recurrent_kernel"), c.tensor("bias")));
        List<Tensor> masks = c.has("mask") ? Collections.singletonList(c.tensor("mask")) : null;
        List<Tensor> outs = l.applyAll(List.of(x), masks, false);
        c.assertClose("y", outs.get(0));
        c.assertClose("h", outs.get(1));
        Tensor loss = outs.get(0).mul(c.tensor("grad_y")).sum().add(outs.get(1).mul(c.tensor("grad_h")).sum());
        if (c.has("c")) {
            c.assertClose("c", outs.get(2));
            loss = loss.add(outs.get(2).mul(c.tensor("grad_c")).sum());
        }
        loss.backward();
        c.assertClose("grad_x", x.grad());
        List<Variable> vs = l.variables();
        c.assertClose("grad_kernel", vs.get(0).value().grad());
        c.assertClose("grad_recurrent_kernel", vs.get(1).value().grad());
        c.assertClose("grad_bias", vs.get(2).value().grad());
    }

    private static void bidirectional(ReferenceCase c) {
        int units = c.intParam("units");
        String kind = c.op.substring("bidirectional_".length());
        Tensor x = c.tensor("x").requiresGrad(true);
        Bidirectional b = new Bidirectional(layer(kind, units).returnSequences(true));
        int[] xs = x.shape();
        b.ensureBuilt(new int[]{xs[1], xs[2]});
        b.setWeights(List.of(c.tensor("forward_kernel"), c.tensor("forward_recurrent_kernel"),
                c.tensor("forward_bias"), c.tensor("backward_kernel"), c.tensor("backward_recurrent_kernel"),
                c.tensor("backward_bias")));
        Tensor y = b.apply(x, false);
        c.assertClose("y", y);
        y.mul(c.tensor("grad_y")).sum().backward();
        c.assertClose("grad_x", x.grad());
        List<Variable> vs = b.variables();
        String[] names = {"kernel", "recurrent_kernel", "bias"};
        for (int i = 0; i < 6; i++) {
            String key = "grad_" + (i < 3 ? "forward_" : "backward_") + names[i % 3];
            c.assertClose(key, vs.get(i).value().grad());
        }
    }
}
