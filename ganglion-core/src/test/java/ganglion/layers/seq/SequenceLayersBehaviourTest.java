package ganglion.layers.seq;

import ganglion.Tensor;
import ganglion.layers.Attention;
import ganglion.layers.AveragePooling1D;
import ganglion.layers.Conv1D;
import ganglion.layers.GlobalAveragePooling1D;
import ganglion.layers.GlobalMaxPooling1D;
import ganglion.layers.LayerNormalization;
import ganglion.layers.MaxPooling1D;
import ganglion.layers.MultiHeadAttention;
import ganglion.layers.NameScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, configs, masks and error messages of the 1-D, attention and normalisation layers. */
class SequenceLayersBehaviourTest {

    @BeforeEach
    void names() {
        NameScope.clear();
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void conv1dShapesForEveryPadding() {
        assertArrayEquals(new int[]{96, 64}, new Conv1D(64, 5).computeOutputShape(new int[]{100, 8}));
        assertArrayEquals(new int[]{50, 4}, new Conv1D(4, 3).strides(2).padding("same")
                .computeOutputShape(new int[]{100, 8}));
        assertArrayEquals(new int[]{100, 4}, new Conv1D(4, 3).dilationRate(4).padding("causal")
                .computeOutputShape(new int[]{100, 8}));
        assertArrayEquals(new int[]{-1, 4}, new Conv1D(4, 3).computeOutputShape(new int[]{-1, 8}));
        Conv1D c = new Conv1D(6, 3);
        Tensor y = c.apply(Tensor.ones(2, 10, 5));
        assertArrayEquals(new int[]{2, 8, 6}, y.shape());
        assertArrayEquals(new int[]{3, 5, 6}, c.kernel().shape());
        assertEquals(3 * 5 * 6 + 6, c.countParams());
    }

    @Test
    void conv1dCausalOutputSeesOnlyThePast() {
        Conv1D c = new Conv1D(1, 3).padding("causal").useBias(false).kernelInitializer("ones");
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4, 5}, 1, 5, 1);
        assertArrayEquals(new float[]{1, 3, 6, 9, 12}, c.apply(x).toFloatArray());
    }

    @Test
    void conv1dConfigUsesKerasKeys() {
        Map<String, Object> cfg = new Conv1D(64, 5).padding("causal").activation("relu").getConfig();
        assertEquals(List.of(5), cfg.get("kernel_size"));
        assertEquals("causal", cfg.get("padding"));
        assertEquals("relu", cfg.get("activation"));
        assertEquals(64, cfg.get("filters"));
    }

    @Test
    void conv1dErrorsNameLayerAndShapes() {
        Conv1D c = new Conv1D(4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.apply(Tensor.ones(2, 10)));
        assertMessage(e, "conv1d", "Conv1D", "(None, 10)", "3-D");
        Conv1D built = new Conv1D(4, 3);
        built.apply(Tensor.ones(2, 10, 5));
        e = assertThrows(IllegalArgumentException.class, () -> built.apply(Tensor.ones(2, 10, 6)));
        assertMessage(e, "Conv1D", "(None, 10, 5)", "(None, 10, 6)");
        e = assertThrows(IllegalArgumentException.class, () -> new Conv1D(4, 3).apply(Tensor.ones(2, 2, 5)));
        assertMessage(e, "2 steps", "needs 3");
        assertThrows(IllegalArgumentException.class, () -> new Conv1D(4, 3).padding("full"));
        assertThrows(IllegalArgumentException.class, () -> new Conv1D(4, 3).strides(2).dilationRate(2));
        assertThrows(IllegalArgumentException.class, () -> new Conv1D(0, 3));
    }

    @Test
    void pooling1d() {
        Tensor x = Tensor.of(new float[]{1, 5, 2, 4, 3}, 1, 5, 1);
        assertArrayEquals(new float[]{5, 4}, new MaxPooling1D(2).apply(x).toFloatArray());
        assertArrayEquals(new float[]{5, 4, 3}, new MaxPooling1D(2).padding("same").apply(x).toFloatArray());
        assertArrayEquals(new float[]{3, 3, 3}, new AveragePooling1D(2).padding("same").apply(x).toFloatArray());
        assertArrayEquals(new float[]{5}, new GlobalMaxPooling1D().apply(x).toFloatArray());
        assertArrayEquals(new float[]{3}, new GlobalAveragePooling1D().apply(x).toFloatArray());
        assertArrayEquals(new int[]{1, 1}, new GlobalMaxPooling1D().keepdims(true).computeOutputShape(new int[]{5, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MaxPooling1D(2).apply(Tensor.ones(2, 3, 4, 5)));
        assertMessage(e, "MaxPooling1D", "(None, 3, 4, 5)");
        e = assertThrows(IllegalArgumentException.class, () -> new GlobalAveragePooling1D().apply(Tensor.ones(4, 7)));
        assertMessage(e, "GlobalAveragePooling1D", "(None, 7)");
    }

    @Test
    void globalAverageOverUnmaskedStepsOnly() {
        Tensor x = Tensor.of(new float[]{1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60}, 2, 3, 2);
        Tensor mask = Tensor.of(new float[]{1, 1, 0, 0, 1, 1}, 2, 3);
        GlobalAveragePooling1D g = new GlobalAveragePooling1D();
        assertArrayEquals(new float[]{1.5f, 15, 5.5f, 55}, g.apply(x, mask, false).toFloatArray());
        assertNull(g.computeMask(x, mask));
        // the global max ignores the mask, as Keras 3's does
        assertArrayEquals(new float[]{3, 30, 6, 60}, new GlobalMaxPooling1D().apply(x, mask, false).toFloatArray());
    }

    @Test
    void layerNormalizationNormalisesEachSample() {
        LayerNormalization ln = new LayerNormalization().epsilon(0f);
        Tensor y = ln.apply(Tensor.of(new float[]{1, 2, 3, 10, 10, 10 + 3e-3f}, 2, 3));
        float[] v = y.toFloatArray();
        assertEquals(-1.2247449f, v[0], 1e-5f);
        assertEquals(0f, v[1], 1e-5f);
        assertEquals(2, ln.getWeights().size());
        assertEquals("gamma", ln.variables().get(0).name());
        assertEquals(0.001, new LayerNormalization().getConfig().get("epsilon"));
        assertSame(null, new LayerNormalization().scale(false).gamma());
        assertThrows(IllegalArgumentException.class, () -> new LayerNormalization().axis(0).apply(Tensor.ones(2, 3)));
    }

    @Test
    void attentionMatchesHandComputedDotProduct() {
        // query [1, 0], keys [1, 0] and [0, 1]: weights softmax([1, 0]) on values 10 and 20
        Tensor q = Tensor.of(new float[]{1, 0}, 1, 1, 2);
        Tensor v = Tensor.of(new float[]{10, 0, 20, 0}, 1, 2, 2);
        Tensor k = Tensor.of(new float[]{1, 0, 0, 1}, 1, 2, 2);
        Attention a = new Attention();
        float w0 = (float) (Math.E / (Math.E + 1));
        float[] out = a.applyAll(List.of(q, v, k), null, false).get(0).toFloatArray();
        assertEquals(10 * w0 + 20 * (1 - w0), out[0], 1e-4f);
        // a value mask removes the second value step entirely
        Tensor vm = Tensor.of(new float[]{1, 0}, 1, 2);
        out = a.applyAll(List.of(q, v, k), Arrays.asList(null, vm, null), false).get(0).toFloatArray();
        assertEquals(10f, out[0], 1e-4f);
        // the output mask is the query mask
        Tensor qm = Tensor.of(new float[]{1}, 1, 1);
        assertSame(qm, a.computeMasks(List.of(q, v, k), Arrays.asList(qm, vm, null)).get(0));
    }

    @Test
    void attentionCausalMaskAndScores() {
        Attention a = new Attention().useCausalMask(true).returnAttentionScores(true);
        Tensor x = Tensor.randomUniform(-1, 1, 2, 3, 4);
        List<Tensor> out = a.applyAll(List.of(x, x), null, false);
        assertEquals(2, out.size());
        float[] w = out.get(1).toFloatArray();
        assertEquals(1f, w[0], 1e-6f);            // step 0 sees only itself
        assertEquals(0f, w[1], 1e-6f);
        assertEquals(0f, w[2], 1e-6f);
        assertEquals(0f, w[5], 1e-6f);            // step 1 does not see step 2
    }

    @Test
    void attentionErrorsNameTheLayer() {
        Attention a = new Attention();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.apply(Tensor.ones(2, 3, 4)));
        assertMessage(e, "attention", "[query, value]", "1 input");
        e = assertThrows(IllegalArgumentException.class,
                () -> new Attention().applyAll(List.of(Tensor.ones(2, 3, 4), Tensor.ones(2, 5, 6)), null, false));
        assertMessage(e, "same last dimension", "(None, 3, 4)", "(None, 5, 6)");
        e = assertThrows(IllegalArgumentException.class,
                () -> new Attention().applyAll(List.of(Tensor.ones(2, 4), Tensor.ones(2, 4)), null, false));
        assertMessage(e, "query must be 3-D", "(None, 4)");
    }

    @Test
    void multiHeadAttentionWeightsHaveKerasShapesAndOrder() {
        MultiHeadAttention m = new MultiHeadAttention(4, 8).valueDim(6);
        Tensor q = Tensor.ones(2, 5, 16), v = Tensor.ones(2, 7, 12);
        Tensor y = m.applyAll(List.of(q, v), null, false).get(0);
        assertArrayEquals(new int[]{2, 5, 16}, y.shape());
        int[][] shapes = {{16, 4, 8}, {4, 8}, {12, 4, 8}, {4, 8}, {12, 4, 6}, {4, 6}, {4, 6, 16}, {16}};
        assertEquals(shapes.length, m.variables().size());
        for (int i = 0; i < shapes.length; i++) {
            assertArrayEquals(shapes[i], m.variables().get(i).shape(), "weight " + i);
        }
        MultiHeadAttention o = new MultiHeadAttention(2, 3).outputShape(5).useBias(false);
        assertArrayEquals(new int[]{2, 5, 5}, o.applyAll(List.of(q, q), null, false).get(0).shape());
        assertEquals(4, o.variables().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadAttention(2, 3).apply(Tensor.ones(2, 5, 16)));
        assertMessage(e, "multi_head_attention", "[query, value]", "apply(x, x)");
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadAttention(2, 3).applyAll(List.of(Tensor.ones(2, 5), Tensor.ones(2, 5)), null,
                        false));
        assertMessage(e, "query must be 3-D", "(None, 5)");
    }
}
