package ganglion.layers.rnn;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.internal.ops.rnn.RecurrentOps;
import ganglion.internal.ops.rnn.RnnActivation;
import ganglion.layers.Bidirectional;
import ganglion.layers.Embedding;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Layer;
import ganglion.layers.Masking;
import ganglion.layers.Recurrent;
import ganglion.layers.SimpleRNN;
import ganglion.layers.TimeDistributed;
import ganglion.layers.Dense;
import ganglion.testing.GradCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finite-difference gradient checks of the fused recurrence and of every recurrent-family layer. */
class RecurrentGradTest {

    private static final int B = 3, T = 4, F = 3, U = 4;

    private static float[] mask() {
        float[] m = new float[B * T];
        java.util.Arrays.fill(m, 1f);
        m[0] = 0f;                 // row 0 pre-padded
        m[T + T - 1] = 0f;         // row 1 post-padded
        m[2 * T + 1] = 0f;         // row 2 hole
        return m;
    }

    private static float[] recDrop() {
        float[] d = new float[B * U];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % 3 == 0 ? 0f : 1.5f;
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(RecurrentOps.Cell.class)
    void fusedRecurrenceAllInputs(RecurrentOps.Cell cell) {
        int w = cell.gates() * U;
        for (int variant = 0; variant < 4; variant++) {
            boolean back = variant % 2 == 1;
            boolean masked = variant >= 2;
            RecurrentOps.Spec spec = new RecurrentOps.Spec(cell, U, RnnActivation.TANH, RnnActivation.SIGMOID,
                    back, masked && back);
            Tensor xp = GradCheck.uniform(1 + variant, B, T, w);
            Tensor rk = GradCheck.uniform(2, -0.7f, 0.7f, U, w);
            Tensor h0 = GradCheck.uniform(3, B, U);
            List<Tensor> in = new ArrayList<>(List.of(xp, rk, h0));
            Tensor rb = cell == RecurrentOps.Cell.GRU ? GradCheck.uniform(4, -0.5f, 0.5f, w) : null;
            if (rb != null) {
                in.add(rb);
            }
            Tensor c0 = cell == RecurrentOps.Cell.LSTM ? GradCheck.uniform(5, B, U) : null;
            if (c0 != null) {
                in.add(c0);
            }
            float[] m = masked ? mask() : null;
            float[] d = masked ? recDrop() : null;
            GradCheck.check(ts -> RecurrentOps.run(spec, ts.get(0), ts.get(1),
                    rb == null ? null : ts.get(3), ts.get(2), c0 == null ? null : ts.get(ts.size() - 1), m, d),
                    1e-2, 2e-2, 2e-3, in.toArray(new Tensor[0]));
        }
    }

    @Test
    void fusedRecurrenceOtherActivations() {
        RecurrentOps.Spec spec = new RecurrentOps.Spec(RecurrentOps.Cell.LSTM, U, RnnActivation.LINEAR,
                RnnActivation.SIGMOID, false, false);
        GradCheck.check(ts -> RecurrentOps.run(spec, ts.get(0), ts.get(1), null, null, null, null, null),
                GradCheck.uniform(8, B, T, 4 * U), GradCheck.uniform(9, -0.5f, 0.5f, U, 4 * U));
    }

    private static List<Tensor> weightsOf(Layer l) {
        List<Tensor> r = new ArrayList<>();
        for (Variable v : l.variables()) {
            r.add(v.value());
        }
        return r;
    }

    /** Checks d(outputs)/d(input, weights) of a layer through its public API. */
    private static void checkLayer(Layer l, Tensor x, Tensor mask) {
        int[] s = x.shape();
        l.ensureBuilt(java.util.Arrays.copyOfRange(s, 1, s.length));
        List<Tensor> in = new ArrayList<>();
        in.add(x);
        in.addAll(weightsOf(l));
        GradCheck.check(ts -> {
            List<Tensor> outs = l.applyAll(List.of(ts.get(0)), mask == null ? null
                    : Collections.singletonList(mask), false);
            List<Tensor> flat = new ArrayList<>();
            for (Tensor o : outs) {
                flat.add(o.reshape(-1));
            }
            return Tensor.concat(0, flat.toArray(new Tensor[0]));
        }, 1e-2, 2e-2, 2e-3, in.toArray(new Tensor[0]));
    }

    private static Tensor seqMask() {
        return Tensor.wrap(mask(), B, T);
    }

    @Test
    void simpleRnnLayer() {
        checkLayer(new SimpleRNN(U).returnSequences(true).returnState(true), GradCheck.uniform(11, B, T, F), null);
        checkLayer(new SimpleRNN(U).goBackwards(true), GradCheck.uniform(12, B, T, F), seqMask());
    }

    @Test
    void lstmLayer() {
        checkLayer(new LSTM(U).returnSequences(true).returnState(true), GradCheck.uniform(13, B, T, F), null);
        checkLayer(new LSTM(U).goBackwards(true).returnState(true), GradCheck.uniform(14, B, T, F), seqMask());
    }

    @Test
    void gruLayers() {
        checkLayer(new GRU(U).returnSequences(true).returnState(true), GradCheck.uniform(15, B, T, F), null);
        checkLayer(new GRU(U).resetAfter(false).returnSequences(true), GradCheck.uniform(16, B, T, F), seqMask());
        checkLayer(new GRU(U).resetAfter(false).goBackwards(true).returnState(true),
                GradCheck.uniform(17, B, T, F), null);
    }

    @Test
    void bidirectionalLayer() {
        for (String mode : List.of("concat", "sum", "mul", "ave")) {
            checkLayer(new Bidirectional(new LSTM(U).returnSequences(true), mode), GradCheck.uniform(18, B, T, F),
                    seqMask());
        }
        checkLayer(new Bidirectional(new GRU(U).returnState(true)), GradCheck.uniform(19, B, T, F), null);
    }

    @Test
    void timeDistributedAndMasking() {
        checkLayer(new TimeDistributed(new Dense(2, "tanh")), GradCheck.uniform(20, B, T, F), null);
        Tensor x = GradCheck.uniform(21, B, T, F);
        x.buffer()[3] = 0f;
        x.buffer()[4] = 0f;
        x.buffer()[5] = 0f;   // step (0, 1) is all zeros: masked
        Masking m = new Masking(0f);
        m.ensureBuilt(new int[]{T, F});
        // The mask jumps where a value crosses maskValue, so the gradient is checked directly: it is the mask.
        x.requiresGrad(true);
        m.apply(x, false).sum().backward();
        float[] g = x.grad().buffer();
        for (int i = 0; i < g.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(i >= 3 && i < 6 ? 0f : 1f, g[i], "element " + i);
        }
    }

    @Test
    void embeddingLayer() {
        Embedding e = new Embedding(5, 3);
        e.ensureBuilt(new int[]{4});
        Tensor ids = Tensor.of(new float[]{1, 4, 4, 0, 2, 1, 3, 3}, 2, 4);
        GradCheck.check(ts -> e.apply(ids, false), e.embeddings().value());
    }

    @Test
    void recurrentWithDropoutMasksIsDifferentiable() {
        Recurrent<?> l = new LSTM(U).dropout(0.3).recurrentDropout(0.3).seed(3);
        Tensor x = GradCheck.uniform(22, B, T, F);
        l.ensureBuilt(new int[]{T, F});
        Tensor y = l.apply(x.requiresGrad(true), true);
        y.sum().backward();
        org.junit.jupiter.api.Assertions.assertNotNull(x.grad());
        org.junit.jupiter.api.Assertions.assertFalse(x.grad().hasNonFinite());
    }
}
