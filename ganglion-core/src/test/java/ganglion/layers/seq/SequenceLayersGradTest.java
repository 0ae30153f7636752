package ganglion.layers.seq;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Attention;
import ganglion.layers.AveragePooling1D;
import ganglion.layers.Conv1D;
import ganglion.layers.GlobalAveragePooling1D;
import ganglion.layers.GlobalMaxPooling1D;
import ganglion.layers.LayerNormalization;
import ganglion.layers.MaxPooling1D;
import ganglion.layers.MultiHeadAttention;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Finite-difference gradient checks for the 1-D, attention and normalisation layers (inputs and weights). */
class SequenceLayersGradTest {

    @BeforeEach
    void seed() {
        Ganglion.setRandomSeed(5);
    }

    private static Tensor rand(int... shape) {
        return Tensor.randomUniform(-1f, 1f, shape);
    }

    @Test
    void conv1dAllPaddings() {
        for (String p : new String[]{"valid", "same", "causal"}) {
            Conv1D c = new Conv1D(3, 3).padding(p).dilationRate(p.equals("causal") ? 2 : 1).activation("tanh");
            Tensor x = rand(2, 7, 2);
            c.apply(x);
            GradCheck.check(in -> c.apply(in.get(0), true), 1e-3, 2e-2, 1e-3,
                    x, c.kernel().value(), c.bias().value());
        }
        Conv1D s = new Conv1D(2, 2).strides(2).padding("same");
        Tensor x = rand(1, 5, 3);
        s.apply(x);
        GradCheck.check(in -> s.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x, s.kernel().value());
    }

    @Test
    void pooling1d() {
        Tensor x = rand(2, 7, 3);
        MaxPooling1D mp = new MaxPooling1D(2).padding("same");
        GradCheck.check(in -> mp.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x);
        AveragePooling1D ap = new AveragePooling1D(3).strides(2).padding("same");
        GradCheck.check(in -> ap.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x);
        GlobalMaxPooling1D gm = new GlobalMaxPooling1D();
        GradCheck.check(in -> gm.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x);
        GlobalAveragePooling1D ga = new GlobalAveragePooling1D();
        Tensor mask = Tensor.of(new float[]{1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0}, 2, 7);
        GradCheck.check(in -> ga.apply(in.get(0), mask, true), 1e-3, 2e-2, 1e-3, x);
    }

    @Test
    void layerNormalization() {
        LayerNormalization ln = new LayerNormalization();
        Tensor x = rand(3, 4, 5);
        ln.apply(x);
        ln.setWeights(List.of(rand(5), rand(5)));
        GradCheck.check(in -> ln.apply(in.get(0), true), 1e-3, 2e-2, 1e-3,
                x, ln.gamma().value(), ln.beta().value());
        LayerNormalization ln2 = new LayerNormalization().axis(1, 2);
        Tensor x2 = rand(2, 3, 4);
        ln2.apply(x2);
        GradCheck.check(in -> ln2.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x2, ln2.gamma().value());
    }

    @Test
    void attentionDotWithScaleMasksAndCausal() {
        Attention a = new Attention().useScale(true).useCausalMask(true);
        Tensor q = rand(2, 4, 3), v = rand(2, 5, 3), k = rand(2, 5, 3);
        Tensor qm = Tensor.of(new float[]{1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
        Tensor vm = Tensor.of(new float[]{1, 1, 1, 1, 0, 1, 1, 0, 0, 0}, 2, 5);
        List<Tensor> masks = java.util.Arrays.asList(qm, vm, null);
        a.applyAll(List.of(q, v, k), masks, false);
        GradCheck.check(in -> a.applyAll(in.subList(0, 3), masks, true).get(0), 1e-3, 2e-2, 1e-3,
                q, v, k, a.variables().get(0).value());
    }

    @Test
    void attentionConcat() {
        Attention a = new Attention().scoreMode("concat").useScale(true);
        Tensor q = rand(2, 3, 2), v = rand(2, 4, 2);
        a.applyAll(List.of(q, v), null, false);
        GradCheck.check(in -> a.applyAll(in.subList(0, 2), null, true).get(0), 1e-3, 2e-2, 1e-3,
                q, v, a.variables().get(0).value(), a.variables().get(1).value());
    }

    @Test
    void multiHeadAttention() {
        MultiHeadAttention m = new MultiHeadAttention(2, 2).valueDim(3).useCausalMask(true);
        Tensor q = rand(2, 3, 4), v = rand(2, 3, 5);
        m.applyAll(List.of(q, v), null, false);
        Tensor[] all = new Tensor[2 + m.variables().size()];
        all[0] = q;
        all[1] = v;
        for (int i = 0; i < m.variables().size(); i++) {
            all[2 + i] = m.variables().get(i).value();
        }
        GradCheck.check(in -> m.applyAll(in.subList(0, 2), null, true).get(0), 1e-3, 2e-2, 1e-3, all);
    }
}
