package ganglion.reliability;

import ganglion.Tensor;
import ganglion.losses.BinaryCrossentropy;
import ganglion.losses.CategoricalCrossentropy;
import ganglion.losses.SparseCategoricalCrossentropy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss path stays finite with logits of +-1e4, where Keras gives finite numbers: log-softmax and
 * softplus forms for logits, Keras's epsilon clipping for probabilities. Gradients stay finite too.
 */
class ExtremeLogitsTest {

    private static void assertFinite(Tensor t, String what) {
        for (float v : t.toFloatArray()) {
            assertTrue(Float.isFinite(v), what + " has a non-finite value: " + t);
        }
    }

    @Test
    void categoricalFromLogits() {
        Tensor logits = Tensor.of(new float[]{1e4f, -1e4f, 0f, -1e4f, 1e4f, 1e4f}, 2, 3).requiresGrad(true);
        Tensor y = Tensor.of(new float[]{0, 1, 0, 1, 0, 0}, 2, 3);
        Tensor loss = new CategoricalCrossentropy().fromLogits(true).call(y, logits).mean();
        assertFinite(loss, "loss");
        // row 0: the true class is 2e4 below the max; row 1: 2e4 below a tie of two (plus log 2)
        assertEquals(2e4 + Math.log(2) / 2, loss.get(), 1.0);
        loss.backward();
        assertFinite(logits.grad(), "gradient");
    }

    @Test
    void sparseFromLogits() {
        Tensor logits = Tensor.of(new float[]{1e4f, -1e4f, -1e4f, 1e4f}, 2, 2).requiresGrad(true);
        Tensor y = Tensor.of(new float[]{0, 0}, 2);
        Tensor loss = new SparseCategoricalCrossentropy().fromLogits(true).call(y, logits).mean();
        assertFinite(loss, "loss");
        assertEquals(1e4, loss.get(), 1.0);
        loss.backward();
        assertFinite(logits.grad(), "gradient");
    }

    @Test
    void binaryFromLogits() {
        Tensor logits = Tensor.of(new float[]{1e4f, -1e4f, 1e4f, -1e4f}, 4, 1).requiresGrad(true);
        Tensor y = Tensor.of(new float[]{1, 0, 0, 1}, 4, 1);
        Tensor loss = new BinaryCrossentropy().fromLogits(true).call(y, logits).mean();
        assertFinite(loss, "loss");
        assertEquals(1e4 / 2, loss.get(), 1.0);
        loss.backward();
        assertFinite(logits.grad(), "gradient");
    }

    @Test
    void probabilitiesFromSaturatedSoftmaxAreClipped() {
        Tensor logits = Tensor.of(new float[]{1e4f, -1e4f, -1e4f, 1e4f}, 2, 2).requiresGrad(true);
        Tensor probs = logits.softmax();
        Tensor y = Tensor.of(new float[]{0, 1, 0, 1}, 2, 2);
        Tensor loss = new CategoricalCrossentropy().call(y, probs).mean();
        assertFinite(loss, "loss");
        loss.backward();
        assertFinite(logits.grad(), "gradient");
        Tensor sig = logits.slice(0, 1).reshape(2, 1).sigmoid();
        Tensor bl = new BinaryCrossentropy().call(Tensor.of(new float[]{0, 1}, 2, 1), sig);
        assertFinite(bl, "binary loss on saturated sigmoid");
    }
}
