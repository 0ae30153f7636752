package ganglion.layers.seq;

import ganglion.Tensor;
import ganglion.layers.Conv1D;
import ganglion.layers.MultiHeadAttention;
import ganglion.testing.ReferenceCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward and backward of Conv1D and MultiHeadAttention against PyTorch (float64) on the same weights, within
 * 1e-4 relative; reference files from tools/pytorch_reference/seq_reference.py.
 */
class SeqReferenceTest {

    private static final double RTOL = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"conv1d_valid", "conv1d_same_stride2", "conv1d_causal_dilation2", "conv1d_same_dilation3"})
    void conv1dMatchesPyTorch(String name) throws IOException {
        ReferenceCase c = ReferenceCase.load("/reference/seq/" + name + ".txt");
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor kernel = c.tensor("kernel");
        int[] ks = kernel.shape();
        Conv1D layer = new Conv1D(c.intParam("filters"), c.intParam("kernel_size"))
                .strides(c.intParam("strides")).dilationRate(c.intParam("dilation_rate"))
                .padding(c.word("padding")).activation(c.word("activation"));
        layer.ensureBuilt(new int[]{x.shape(1), ks[1]});
        layer.setWeights(List.of(kernel, c.tensor("bias")));
        Tensor y = layer.apply(x, true);
        c.assertClose("y", y, RTOL);
        y.mul(c.tensor("grad_y")).sum().backward();
        c.assertClose("grad_x", x.grad(), RTOL);
        c.assertClose("grad_kernel", layer.kernel().value().grad(), RTOL);
        c.assertClose("grad_bias", layer.bias().value().grad(), RTOL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mha_cross", "mha_cross_masked", "mha_self_causal_masked"})
    void multiHeadAttentionMatchesPyTorch(String name) throws IOException {
        ReferenceCase c = ReferenceCase.load("/reference/seq/" + name + ".txt");
        boolean self = c.intParam("self") == 1;
        Tensor q = c.tensor("query").requiresGrad(true);
        Tensor v = self ? q : c.tensor("value").requiresGrad(true);
        Tensor k = self ? q : c.tensor("key").requiresGrad(true);
        MultiHeadAttention mha = new MultiHeadAttention(c.intParam("num_heads"), c.intParam("key_dim"))
                .valueDim(c.intParam("value_dim")).useCausalMask(c.intParam("causal") == 1);
        List<Tensor> inputs = self ? List.of(q, q) : List.of(q, v, k);
        List<Tensor> masks = null;
        Tensor qm = c.tensor("query_mask");
        if (qm != null) {
            masks = new ArrayList<>(List.of(qm, c.tensor("value_mask")));
            if (!self) {
                masks.add(null);
            }
        }
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            shapes.add(new int[]{t.shape(1), t.shape(2)});
        }
        mha.ensureBuiltAll(shapes);
        String[] w = {"wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo"};
        List<Tensor> weights = new ArrayList<>();
        for (String n : w) {
            weights.add(c.tensor(n));
        }
        mha.setWeights(weights);
        Tensor y = mha.applyAll(inputs, masks, true).get(0);
        c.assertClose("y", y, RTOL);
        y.mul(c.tensor("grad_y")).sum().backward();
        c.assertClose("grad_query", q.grad(), RTOL);
        if (!self) {
            c.assertClose("grad_value", v.grad(), RTOL);
            c.assertClose("grad_key", k.grad(), RTOL);
        }
        for (int i = 0; i < w.length; i++) {
            c.assertClose("grad_" + w[i], mha.variables().get(i).value().grad(), RTOL);
        }
    }
}
