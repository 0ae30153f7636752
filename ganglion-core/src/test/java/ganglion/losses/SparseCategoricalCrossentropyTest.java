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

class SparseCategoricalCrossentropyTest {

    private static final Tensor P = t(new float[][]{{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

    @Test
    void probabilitiesFollowTensorFlowsKeras() {
        // log(sum(clip(p))) - log(clip(p[label])) (Keras docstring: [0.0513, 2.303])
        SparseCategoricalCrossentropy scce = new SparseCategoricalCrossentropy();
        assertEquals("sparse_categorical_crossentropy", scce.name());
        assertClose(new float[]{0.051293396f, 2.3025851f}, scce.call(Tensor.of(1, 2), P));
        assertScalar(1.1769392f, scce.compute(Tensor.of(1, 2), P));
    }

    @Test
    void labelsMayHaveATrailingAxisOfOne() {
        Tensor labels = Tensor.of(new float[]{1, 2}, 2, 1);
        assertClose(new float[]{0.051293396f, 2.3025851f}, new SparseCategoricalCrossentropy().call(labels, P));
    }

    @Test
    void fromLogits() {
        Tensor z = t(new float[][]{{1, 2, 3}, {-1, 0, 4}});
        SparseCategoricalCrossentropy scce = new SparseCategoricalCrossentropy().fromLogits(true);
        assertClose(new float[]{0.40760596f, 5.0247449f}, scce.call(Tensor.of(2, 0), z));
        assertTrue(scce.fromLogits());
    }

    @Test
    void softmaxOutputUsesItsLogits() {
        Tensor z = t(new float[][]{{1, 2, 3}, {-1, 0, 4}}).requiresGrad(true);
        Tensor probs = z.softmax();
        Tensor loss = new SparseCategoricalCrossentropy().compute(Tensor.of(2, 0), probs);
        assertScalar(2.7161754f, loss);
        loss.backward();
        // (softmax - onehot) / batch
        float[] s = probs.toFloatArray();
        float[] expected = {s[0] / 2, s[1] / 2, (s[2] - 1) / 2, (s[3] - 1) / 2, s[4] / 2, s[5] / 2};
        assertArrayEquals(expected, z.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void logitsAndClippedPathsAgreeOnModerateInputs() {
        Tensor z = t(new float[][]{{0.3f, -1.2f, 2f, 0.1f}, {1.5f, 0.2f, -0.7f, 0.9f}});
        Tensor labels = Tensor.of(2, 3);
        Tensor viaLogits = new SparseCategoricalCrossentropy().call(labels, z.softmax());
        Tensor viaClip = new SparseCategoricalCrossentropy().call(labels, z.softmax().detach());
        assertClose(viaClip.toFloatArray(), viaLogits, 1e-5f);
    }

    @Test
    void extremeLogitsGiveFiniteLossAndGradient() {
        Tensor z = t(new float[][]{{1e4f, -1e4f, 0}, {-1e4f, 1e4f, 0}}).requiresGrad(true);
        Tensor loss = new SparseCategoricalCrossentropy().compute(Tensor.of(1, 1), z.softmax());
        assertScalar(10000f, loss);
        loss.backward();
        assertFinite(z.grad());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor labels = Tensor.of(1, 0);
        GradCheck.check(in -> new SparseCategoricalCrossentropy().call(labels, in.get(0)), 1e-3, 2e-2, 1e-3,
                t(new float[][]{{0.2f, 0.5f, 0.4f}, {0.3f, 0.25f, 0.35f}}));
        GradCheck.check(in -> new SparseCategoricalCrossentropy().compute(labels, in.get(0).softmax()),
                1e-3, 2e-2, 1e-3, t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
        GradCheck.check(in -> new SparseCategoricalCrossentropy().fromLogits(true).call(labels, in.get(0)),
                1e-3, 2e-2, 1e-3, t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}}));
    }

    @Test
    void labelsAreValidated() {
        SparseCategoricalCrossentropy scce = new SparseCategoricalCrossentropy();
        var e = assertThrows(IllegalArgumentException.class, () -> scce.call(Tensor.of(1, 3), P));
        assertTrue(e.getMessage().contains("found label 3") && e.getMessage().contains("[0, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scce.call(Tensor.of(-1, 0), P));
        assertTrue(e.getMessage().contains("found label -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scce.call(Tensor.of(0.5f, 1), P));
        assertTrue(e.getMessage().contains("integer class indices"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scce.call(t(new float[][]{{0, 1, 0}, {0, 0, 1}}), P));
        assertTrue(e.getMessage().contains("one-hot") && e.getMessage().contains("\"categorical_crossentropy\""),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> scce.call(Tensor.of(1, 2, 0), P));
        assertTrue(e.getMessage().contains("(2,) or (2, 1)"), e.getMessage());
    }

    @Test
    void config() {
        var c = new SparseCategoricalCrossentropy().fromLogits(true).getConfig();
        assertEquals(true, c.get("from_logits"));
        assertTrue(c.containsKey("ignore_class"));
    }
}
