package ganglion.layers.rnn;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Activation;
import ganglion.layers.Bidirectional;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Embedding;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Masking;
import ganglion.layers.SimpleRNN;
import ganglion.layers.TimeDistributed;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, weights, initializers, masks and error messages of the recurrent-family layers. */
class RecurrentLayersTest {

    @Test
    void kerasWeightShapesAndInitializers() {
        Ganglion.setRandomSeed(1);
        LSTM lstm = new LSTM(5);
        lstm.ensureBuilt(new int[]{7, 3});
        List<Tensor> w = lstm.getWeights();
        assertArrayEquals(new int[]{3, 20}, w.get(0).shape());
        assertArrayEquals(new int[]{5, 20}, w.get(1).shape());
        assertArrayEquals(new int[]{20}, w.get(2).shape());
        float[] b = w.get(2).buffer();
        for (int i = 0; i < 20; i++) {
            assertEquals(i >= 5 && i < 10 ? 1f : 0f, b[i], "unit forget bias at " + i);
        }
        // orthogonal recurrent kernel (5 x 20): its rows are orthonormal
        Tensor u = w.get(1);
        Tensor uut = u.matmul(u, false, true);
        assertTrue(uut.allClose(Tensor.eye(5), 1e-4f, 1e-4f), "U U^T = I");
        assertEquals(3 * 20 + 5 * 20 + 20, lstm.countParams());

        GRU gru = new GRU(4);
        gru.ensureBuilt(new int[]{-1, 6});
        assertArrayEquals(new int[]{2, 12}, gru.getWeights().get(2).shape());
        GRU gru2 = new GRU(4).resetAfter(false);
        gru2.ensureBuilt(new int[]{-1, 6});
        assertArrayEquals(new int[]{12}, gru2.getWeights().get(2).shape());
        SimpleRNN rnn = new SimpleRNN(3);
        rnn.ensureBuilt(new int[]{2, 2});
        assertArrayEquals(new int[]{3, 3}, rnn.getWeights().get(1).shape());

        Embedding e = new Embedding(50, 4);
        e.ensureBuilt(new int[]{3});
        for (float v : e.getWeights().get(0).buffer()) {
            assertTrue(v >= -0.05f && v < 0.05f);
        }
    }

    @Test
    void outputShapesAndStates() {
        Tensor x = Tensor.randomUniform(-1, 1, 2, 6, 3);
        assertArrayEquals(new int[]{2, 4}, new LSTM(4).apply(x).shape());
        assertArrayEquals(new int[]{2, 6, 4}, new GRU(4).returnSequences(true).apply(x).shape());
        LSTM s = new LSTM(4).returnState(true);
        List<Tensor> outs = s.applyAll(List.of(x), null, false);
        assertEquals(3, outs.size());
        assertTrue(outs.get(0).allClose(outs.get(1)), "last output = final h");
        assertEquals(3, s.computeOutputShapes(List.of(new int[]{6, 3})).size());
        // initial state as extra inputs
        GRU g = new GRU(4);
        Tensor h0 = Tensor.randomUniform(-1, 1, 2, 4);
        Tensor withState = g.applyAll(List.of(x, h0), null, false).get(0);
        Tensor without = g.apply(x);
        assertTrue(!withState.allClose(without), "initial state changes the result");
        Bidirectional bi = new Bidirectional(new LSTM(4).returnSequences(true));
        assertArrayEquals(new int[]{2, 6, 8}, bi.apply(x).shape());
        assertEquals(6, bi.getWeights().size());
        assertEquals("forward_" , bi.forwardLayer().name().substring(0, 8));
        assertArrayEquals(new int[]{2, 6, 4}, new Bidirectional(new GRU(4).returnSequences(true), "sum").apply(x).shape());
        assertArrayEquals(new int[]{2, 6, 7}, new Dense(7).apply(x).shape(), "Dense on sequences");
        TimeDistributed td = new TimeDistributed(new Dense(5));
        assertArrayEquals(new int[]{2, 6, 5}, td.apply(x).shape());
        assertEquals(3 * 5 + 5, td.countParams());
    }

    @Test
    void bidirectionalTakesForwardThenBackwardInitialStates() {
        Tensor x = Tensor.randomUniform(-1, 1, 2, 5, 3);
        Bidirectional bi = new Bidirectional(new LSTM(4));
        Tensor plain = bi.apply(x);
        Tensor zeros = Tensor.zeros(2, 4);
        assertTrue(plain.allClose(bi.applyAll(List.of(x, zeros, zeros, zeros, zeros), null, false).get(0)),
                "zero initial states are the default");
        List<Tensor> states = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            states.add(Tensor.randomUniform(-1, 1, 2, 4));
        }
        List<Tensor> in = new java.util.ArrayList<>(List.of(x));
        in.addAll(states);
        Tensor y = bi.applyAll(in, null, false).get(0);
        Tensor f = bi.forwardLayer().applyAll(List.of(x, states.get(0), states.get(1)), null, false).get(0);
        Tensor b = bi.backwardLayer().applyAll(List.of(x, states.get(2), states.get(3)), null, false).get(0);
        assertTrue(Tensor.concat(-1, f, b).allClose(y), "forward states go to the forward layer, then the backward");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bi.applyAll(List.of(x, zeros), null, false));
        assertTrue(e.getMessage().contains("4 initial states"), e.getMessage());
    }

    @Test
    void goBackwardsReversesTheSequence() {
        Tensor x = Tensor.randomUniform(-1, 1, 2, 5, 3);
        SimpleRNN f = new SimpleRNN(3).returnSequences(true);
        f.ensureBuilt(new int[]{5, 3});
        SimpleRNN b = new SimpleRNN(3).returnSequences(true).goBackwards(true);
        b.ensureBuilt(new int[]{5, 3});
        b.setWeights(f.getWeights());
        float[] idx = {4, 3, 2, 1, 0};
        Tensor reversed = x.take(Tensor.wrap(idx, 5), 1);
        assertTrue(b.apply(x).allClose(f.apply(reversed), 1e-6f, 1e-6f));
    }

    @Test
    void maskedStepsCarryStateThroughInASequential() {
        Ganglion.setRandomSeed(3);
        Sequential padded = new Sequential(new Embedding(10, 4).maskZero(true).inputShape(5), new LSTM(3),
                new Dense(2, "softmax"));
        Sequential plain = new Sequential(new Embedding(10, 4).inputShape(2), new LSTM(3), new Dense(2, "softmax"));
        plain.setWeights(padded.getWeights());
        Tensor a = padded.predict(Tensor.of(new float[]{0, 0, 0, 7, 3}, 1, 5));
        Tensor b = plain.predict(Tensor.of(new float[]{7, 3}, 1, 2));
        assertTrue(a.allClose(b, 1e-5f, 1e-6f), a + " vs " + b);
        Tensor post = padded.predict(Tensor.of(new float[]{7, 3, 0, 0, 0}, 1, 5));
        assertTrue(post.allClose(b, 1e-5f, 1e-6f), "post-padding carries the last state: " + post + " vs " + b);
    }

    @Test
    void masksFromEmbeddingAndMasking() {
        Embedding e = new Embedding(10, 2).maskZero(true);
        Tensor ids = Tensor.of(new float[]{0, 3, 4, 0}, 2, 2);
        assertArrayEquals(new float[]{0, 1, 1, 0}, e.computeMask(ids, null).toFloatArray());
        assertNull(new Embedding(10, 2).computeMask(ids, null));
        Masking m = new Masking(-1f);
        Tensor x = Tensor.of(new float[]{-1, -1, 2, -1, 0, 0}, 1, 3, 2);
        assertArrayEquals(new float[]{0, 1, 1}, m.computeMask(x, null).toFloatArray());
        assertTrue(m.apply(x).allClose(Tensor.of(new float[]{0, 0, 2, -1, 0, 0}, 1, 3, 2)));
        assertTrue(new Dense(2).supportsMasking());
        assertTrue(new Dropout(0.1).supportsMasking());
        assertTrue(new Activation("relu").supportsMasking());
        Tensor mask = Tensor.of(new float[]{1, 0}, 1, 2);
        assertEquals(mask, new LSTM(2).returnSequences(true).computeMask(x, mask));
        assertNull(new LSTM(2).computeMask(x, mask));
    }

    @Test
    void clearErrors() {
        Embedding e = new Embedding(10, 2).name("emb");
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> e.apply(Tensor.of(new float[]{1, 10}, 1, 2)));
        assertTrue(big.getMessage().contains("'emb'") && big.getMessage().contains("10"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.apply(Tensor.of(new float[]{-1, 2}, 1, 2)));
        LSTM l = new LSTM(4).name("my_lstm");
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> l.apply(Tensor.zeros(2, 5)));
        assertTrue(rank.getMessage().contains("my_lstm") && rank.getMessage().contains("(None, 5)"),
                rank.getMessage());
        GRU g = new GRU(3).name("g");
        g.apply(Tensor.zeros(2, 5, 3));
        IllegalArgumentException feat = assertThrows(IllegalArgumentException.class,
                () -> g.apply(Tensor.zeros(2, 5, 4)));
        assertTrue(feat.getMessage().contains("'g'"), feat.getMessage());
        assertArrayEquals(new int[]{2, 3}, g.apply(Tensor.zeros(2, 9, 3)).shape(), "other lengths are fine");
        assertThrows(IllegalArgumentException.class, () -> new LSTM(4).activation("softmax"));
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2), "max"));
    }

    @Test
    void configUsesKerasKeys() {
        var c = new GRU(8).resetAfter(false).returnSequences(true).getConfig();
        assertEquals(8, c.get("units"));
        assertEquals(false, c.get("reset_after"));
        assertEquals(true, c.get("return_sequences"));
        assertEquals("sigmoid", c.get("recurrent_activation"));
        assertEquals(true, new LSTM(2).getConfig().get("unit_forget_bias"));
        assertEquals(false, new Embedding(3, 2).getConfig().get("mask_zero"));
    }
}
