package ganglion.losses;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static ganglion.losses.LossTesting.assertClose;
import static ganglion.losses.LossTesting.assertFinite;
import static ganglion.losses.LossTesting.assertScalar;
import static ganglion.losses.LossTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoricalCrossentropyTest {

    private static final Tensor Y = t(new float[][]{{0, 1, 0}, {0, 0, 1}});
    private static final Tensor P = t(new float[][]{{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

    @Test
    void probabilitiesAreClippedAsKeras() {
        // -sum(y * log(clip(p / sum(p), 1e-7, 1 - 1e-7))): -log(0.95), -log(0.1) (Keras docstring: [0.0513, 2.303])
        CategoricalCrossentropy cce = new CategoricalCrossentropy();
        assertClose(new float[]{0.051293306f, 2.3025851f}, cce.call(Y, P));
        assertScalar(1.1769392f, cce.compute(Y, P));
        assertEquals("categorical_crossentropy", cce.name());
    }

    @Test
    void rowsAreRenormalisedFirst() {
        // [0.2, 0.6, 0.4] / 1.2 -> -log(0.5); [1, 1, 2] / 4 -> -log(0.25)
        Tensor y = t(new float[][]{{0, 1, 0}, {1, 0, 0}});
        Tensor p = t(new float[][]{{0.2f, 0.6f, 0.4f}, {1, 1, 2}});
        assertClose(new float[]{0.69314718f, 1.3862944f}, new CategoricalCrossentropy().call(y, p));
    }

    @Test
    void labelSmoothing() {
        // y' = y * 0.9 + 0.1 / 3
        CategoricalCrossentropy cce = new CategoricalCrossentropy().labelSmoothing(0.1f);
        assertClose(new float[]{0.68500137f, 2.2332704f}, cce.call(Y, P));
        assertEquals(0.1f, cce.labelSmoothing());
        assertThrows(IllegalArgumentException.class, () -> cce.labelSmoothing(1.5f));
    }

    @Test
    void fromLogits() {
        // logsumexp(z) - z[label]
        Tensor z = t(new float[][]{{1, 2, 3}, {-1, 0, 4}});
        Tensor y = t(new float[][]{{0, 0, 1}, {1, 0, 0}});
        CategoricalCrossentropy cce = new CategoricalCrossentropy().fromLogits(true);
        assertTrue(cce.fromLogits());
        assertClose(new float[]{0.40760596f, 5.0247449f}, cce.call(y, z));
        assertScalar(2.7161754f, cce.compute(y, z));
    }

    @Test
    void softmaxOutputUsesItsLogitsWithTheFusedGradient() {
        Tensor z = t(new float[][]{{1, 2, 3}, {-1, 0, 4}}).requiresGrad(true);
        Tensor y = t(new float[][]{{0, 0, 1}, {1, 0, 0}});
        Tensor probs = z.softmax();
        Tensor loss = new CategoricalCrossentropy().compute(y, probs);
        assertScalar(2.7161754f, loss);
        assertEquals("softmax_crossentropy", loss.gradFn().name());
        loss.backward();
        // d mean / dz = (softmax(z) - y) / batch
        float[] s = probs.toFloatArray();
        float[] expected = new float[6];
        float[] yd = y.toFloatArray();
        for (int i = 0; i < 6; i++) {
            expected[i] = (s[i] - yd[i]) / 2;
        }
        assertArrayEquals(expected, z.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void logitsAndClippedPathsAgreeOnModerateInputs() {
        Tensor z = t(new float[][]{{0.3f, -1.2f, 2f, 0.1f}, {1.5f, 0.2f, -0.7f, 0.9f}, {0f, 0f, 0f, 0f}});
        Tensor y = t(new float[][]{{0, 0, 1, 0}, {0, 1, 0, 0}, {0.25f, 0.25f, 0.25f, 0.25f}});
        Tensor viaLogits = new CategoricalCrossentropy().call(y, z.softmax());
        Tensor viaClip = new CategoricalCrossentropy().call(y, z.softmax().detach());
        assertClose(viaClip.toFloatArray(), viaLogits, 1e-5f);
    }

    @Test
    void extremeLogitsGiveFiniteLossAndGradient() {
        Tensor z = t(new float[][]{{1e4f, -1e4f, 0}, {-1e4f, 1e4f, 0}}).requiresGrad(true);
        Tensor y = t(new float[][]{{0, 1, 0}, {0, 1, 0}});
        Tensor loss = new CategoricalCrossentropy().call(y, z.softmax());
        assertClose(new float[]{20000f, 0f}, loss);
        loss.sum().backward();
        assertFinite(z.grad());
        assertArrayEquals(new float[]{1, -1, 0, 0, 0, 0}, z.grad().toFloatArray(), 1e-6f);
        // the clipped path on the same saturated probabilities is finite too: -log(1e-7) at most
        Tensor clipped = new CategoricalCrossentropy().call(y, z.softmax().detach());
        assertClose(new float[]{16.118095f, 1.1920929e-7f}, clipped, 1e-4f);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor y = t(new float[][]{{0, 1, 0}, {0.2f, 0.3f, 0.5f}});
        // probabilities (unnormalised, so the renormalisation's gradient is checked too)
        Tensor p = t(new float[][]{{0.2f, 0.5f, 0.4f}, {0.3f, 0.25f, 0.35f}});
        GradCheck.check(in -> new CategoricalCrossentropy().call(y, in.get(0)), 1e-3, 2e-2, 1e-3, p);
        GradCheck.check(in -> new CategoricalCrossentropy().compute(y, in.get(0)), 1e-3, 2e-2, 1e-3,
                t(new float[][]{{0.2f, 0.5f, 0.4f}, {0.3f, 0.25f, 0.35f}}));
        // logits, through a softmax and directly
        Tensor z = t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}});
        GradCheck.check(in -> new CategoricalCrossentropy().compute(y, in.get(0).softmax()), 1e-3, 2e-2, 1e-3, z);
        GradCheck.check(in -> new CategoricalCrossentropy().fromLogits(true).call(y, in.get(0)), 1e-3, 2e-2, 1e-3,
                t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
        GradCheck.check(in -> new CategoricalCrossentropy().labelSmoothing(0.2f).compute(y, in.get(0).softmax()),
                1e-3, 2e-2, 1e-3, t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
    }

    @Test
    void integerLabelsPointToTheSparseLoss() {
        Tensor p = Tensor.full(0.1f, 4, 10);
        for (Tensor labels : new Tensor[]{Tensor.of(3, 1, 0, 9), Tensor.of(new float[]{3, 1, 0, 9}, 4, 1)}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new CategoricalCrossentropy().compute(labels, p));
            assertTrue(e.getMessage().contains("sparse_categorical_crossentropy"), e.getMessage());
            assertTrue(e.getMessage().contains("Utils.toCategorical(labels, 10)"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalCrossentropy().compute(Tensor.zeros(4, 3), p));
        assertTrue(e.getMessage().contains("(4, 3)") && e.getMessage().contains("(4, 10)"), e.getMessage());
    }

    @Test
    void classAxisOption() {
        // the same batch with classes on axis 0
        CategoricalCrossentropy cce = new CategoricalCrossentropy().axis(0);
        assertEquals(0, cce.axis());
        assertClose(new float[]{0.051293306f, 2.3025851f}, cce.call(Y.transpose(), P.transpose()));
    }

    @Test
    void reductionsAndSampleWeights() {
        CategoricalCrossentropy cce = new CategoricalCrossentropy();
        cce.reduction(Reduction.SUM);
        assertScalar(2.3538784f, cce.compute(Y, P));
        cce.reduction("none");
        assertArrayEquals(new int[]{2}, cce.compute(Y, P).shape());
        cce.reduction(Reduction.SUM_OVER_BATCH_SIZE);
        // weights [2, 0]: (2 * 0.0513) / 2
        assertScalar(0.051293306f, cce.compute(Y, P, Tensor.of(2f, 0f)));
    }

    @Test
    void labelsThatNeedAGradientTakeTheComposedPath() {
        Tensor y = t(new float[][]{{0.1f, 0.9f, 0f}}).requiresGrad(true);
        Tensor p = t(new float[][]{{0.2f, 0.5f, 0.3f}});
        Tensor loss = new CategoricalCrossentropy().compute(y, p);
        assertFalse(loss.gradFn().name().contains("crossentropy"));
        loss.backward();
        // d/dy = -log(p)
        assertArrayEquals(new float[]{(float) -Math.log(0.2), (float) -Math.log(0.5), (float) -Math.log(0.3)},
                y.grad().toFloatArray(), 1e-5f);
    }

    @Test
    void config() {
        Map<String, Object> c = new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1f).getConfig();
        assertEquals("categorical_crossentropy", c.get("name"));
        assertEquals("sum_over_batch_size", c.get("reduction"));
        assertEquals(true, c.get("from_logits"));
        assertEquals(0.1, c.get("label_smoothing"));
        assertEquals(-1, c.get("axis"));
    }
}
