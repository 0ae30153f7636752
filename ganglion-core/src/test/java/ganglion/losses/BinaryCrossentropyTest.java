package ganglion.losses;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static ganglion.losses.LossTesting.assertClose;
import static ganglion.losses.LossTesting.assertFinite;
import static ganglion.losses.LossTesting.assertScalar;
import static ganglion.losses.LossTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryCrossentropyTest {

    private static final Tensor Y = t(new float[][]{{0, 1}, {0, 0}});
    private static final Tensor P = t(new float[][]{{0.6f, 0.4f}, {0.4f, 0.6f}});

    @Test
    void probabilitiesAveragedOverTheLastAxis() {
        // mean(-(y log p + (1 - y) log(1 - p)), axis=-1) (Keras docstring: [0.916, 0.714])
        BinaryCrossentropy bce = new BinaryCrossentropy();
        assertEquals("binary_crossentropy", bce.name());
        assertClose(new float[]{0.91629075f, 0.71355819f}, bce.call(Y, P));
        assertScalar(0.81492447f, bce.compute(Y, P));
    }

    @Test
    void clippingMatchesKerasFloat32() {
        // clip to [1e-7, 1 - 1e-7] in float32: -log(1 - 0.99999988) = 15.942385 and -log(1e-7) = 16.118096
        Tensor y = Tensor.of(new float[]{0, 1}, 2, 1);
        Tensor p = Tensor.of(new float[]{1, 0}, 2, 1);
        assertClose(new float[]{15.942385f, 16.118096f}, new BinaryCrossentropy().call(y, p));
    }

    @Test
    void labelSmoothing() {
        // y' = y * 0.8 + 0.1
        BinaryCrossentropy bce = new BinaryCrossentropy().labelSmoothing(0.2f);
        assertClose(new float[]{0.87574423f, 0.71355817f}, bce.call(Y, P));
        assertEquals(0.2f, bce.labelSmoothing());
        assertThrows(IllegalArgumentException.class, () -> bce.labelSmoothing(-0.1f));
    }

    @Test
    void fromLogits() {
        // max(z, 0) - z y + log(1 + exp(-|z|)), averaged
        Tensor z = t(new float[][]{{2, -1}, {0.5f, -3}});
        Tensor y = t(new float[][]{{1, 0}, {0, 1}});
        BinaryCrossentropy bce = new BinaryCrossentropy().fromLogits(true);
        assertTrue(bce.fromLogits());
        assertClose(new float[]{0.22009485f, 2.0113322f}, bce.call(y, z));
        assertScalar(1.1157135f, bce.compute(y, z));
    }

    @Test
    void sigmoidOutputUsesItsLogits() {
        Tensor z = t(new float[][]{{2, -1}, {0.5f, -3}}).requiresGrad(true);
        Tensor y = t(new float[][]{{1, 0}, {0, 1}});
        Tensor s = z.sigmoid();
        Tensor loss = new BinaryCrossentropy().compute(y, s);
        assertScalar(1.1157135f, loss);
        assertEquals("sigmoid_crossentropy", loss.gradFn().name());
        loss.backward();
        // (sigmoid(z) - y) / number of elements
        float[] sd = s.toFloatArray(), yd = y.toFloatArray(), expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (sd[i] - yd[i]) / 4;
        }
        assertArrayEquals(expected, z.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void logitsAndClippedPathsAgreeOnModerateInputs() {
        Tensor z = t(new float[][]{{0.3f, -1.2f, 2f}, {1.5f, 0.2f, -0.7f}});
        Tensor y = t(new float[][]{{1, 0, 1}, {0, 0.5f, 1}});
        assertClose(new BinaryCrossentropy().call(y, z.sigmoid().detach()).toFloatArray(),
                new BinaryCrossentropy().call(y, z.sigmoid()), 1e-5f);
    }

    @Test
    void extremeLogitsGiveFiniteLossAndGradient() {
        Tensor z = Tensor.of(new float[]{1e4f, 1e4f, -1e4f}, 3, 1).requiresGrad(true);
        Tensor y = Tensor.of(new float[]{1, 0, 0}, 3, 1);
        Tensor loss = new BinaryCrossentropy().call(y, z.sigmoid());
        assertClose(new float[]{0f, 10000f, 0f}, loss);
        loss.sum().backward();
        assertFinite(z.grad());
        assertArrayEquals(new float[]{0, 1, 0}, z.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void vectorLabelsAlignWithOneColumnPredictions() {
        Tensor p = Tensor.of(new float[]{0.6f, 0.4f, 0.9f}, 3, 1);
        Tensor y = Tensor.of(1, 0, 1);
        Tensor expected = new BinaryCrossentropy().call(Tensor.of(new float[]{1, 0, 1}, 3, 1), p);
        assertArrayEquals(new int[]{3}, expected.shape());
        assertClose(expected.toFloatArray(), new BinaryCrossentropy().call(y, p));
        assertClose(expected.toFloatArray(), new BinaryCrossentropy().call(y.reshape(3, 1), p.reshape(3)));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor y = t(new float[][]{{1, 0, 0.3f}, {0, 1, 1}});
        GradCheck.check(in -> new BinaryCrossentropy().call(y, in.get(0)), 1e-3, 2e-2, 1e-3,
                t(new float[][]{{0.7f, 0.2f, 0.5f}, {0.4f, 0.6f, 0.9f}}));
        GradCheck.check(in -> new BinaryCrossentropy().compute(y, in.get(0).sigmoid()), 1e-3, 2e-2, 1e-3,
                t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
        GradCheck.check(in -> new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1f).call(y, in.get(0)),
                1e-3, 2e-2, 1e-3, t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
    }

    @Test
    void labelsOutsideUnitIntervalAreRejected() {
        BinaryCrossentropy bce = new BinaryCrossentropy();
        var e = assertThrows(IllegalArgumentException.class, () -> bce.call(t(new float[][]{{0, 2}, {0, 1}}), P));
        assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("found 2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bce.call(t(new float[][]{{-1, 1}, {0, 1}}), P));
        assertThrows(IllegalArgumentException.class, () -> bce.call(t(new float[][]{{Float.NaN, 1}, {0, 1}}), P));
    }

    @Test
    void mismatchedShapesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossentropy().call(Tensor.of(0, 1, 0, 1), Tensor.full(0.5f, 4, 3)));
        assertTrue(e.getMessage().contains("sparse_categorical_crossentropy"), e.getMessage());
    }

    @Test
    void axisOption() {
        BinaryCrossentropy bce = new BinaryCrossentropy().axis(0);
        assertEquals(0, bce.axis());
        assertClose(new float[]{0.91629075f, 0.71355819f}, bce.call(Y.transpose(), P.transpose()));
    }

    @Test
    void config() {
        var c = new BinaryCrossentropy().labelSmoothing(0.2f).getConfig();
        assertEquals(0.2, c.get("label_smoothing"));
        assertEquals(false, c.get("from_logits"));
        assertEquals(-1, c.get("axis"));
    }
}
