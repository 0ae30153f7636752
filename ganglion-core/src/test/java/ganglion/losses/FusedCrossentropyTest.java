package ganglion.losses;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Each fused crossentropy against the composed ops it replaces: same losses, same gradients. */
class FusedCrossentropyTest {

    private static final int ROWS = 5;
    private static final int COLS = 4;

    private static float[] random(Random r, float lo, float hi) {
        float[] d = new float[ROWS * COLS];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextFloat();
        }
        return d;
    }

    private static float[] oneHot(int[] labels) {
        float[] d = new float[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            d[r * COLS + labels[r]] = 1f;
        }
        return d;
    }

    /** Compares per-row values and d(sum of w * rows)/d(input) of the fused pass and the composed ops. */
    private static void compare(float[] input, FusedCrossentropy.Pass fused, BiFunction<Tensor, Void, Tensor> composed) {
        Tensor x = Tensor.of(input, ROWS, COLS).requiresGrad(true);
        Tensor rows = composed.apply(x, null);
        assertArrayEquals(rows.toFloatArray(), fused.rowLoss(), 2e-5f, "row losses");
        float[] w = {1f, -0.5f, 2f, 0.25f, 1.5f};
        rows.mul(Tensor.of(w)).sum().backward();
        float[] expected = x.grad().toFloatArray();
        float[] actual = new float[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = fused.dInput()[i] * w[i / COLS];
        }
        assertArrayEquals(expected, actual, 2e-5f, "gradients");
    }

    @Test
    void softmaxKernelsMatchComposedOps() {
        Random r = new Random(1);
        float[] z = random(r, -3f, 3f);
        float[] p = random(r, 0.01f, 1f);
        float[] y = random(r, 0f, 1f);
        Tensor yt = Tensor.of(y, ROWS, COLS);
        compare(z, FusedCrossentropy.softmaxLogits(z, null, y, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.softmaxLogits(yt, x));
        compare(p, FusedCrossentropy.softmaxProbs(p, y, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.softmaxProbs(yt, x));
    }

    @Test
    void sparseKernelsMatchComposedOps() {
        Random r = new Random(2);
        int[] labels = {0, 3, 1, 2, 3};
        float[] z = random(r, -3f, 3f);
        float[] p = random(r, 0.01f, 1f);
        compare(z, FusedCrossentropy.sparseLogits(z, null, labels, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.sparseLogits(labels, x));
        compare(p, FusedCrossentropy.sparseProbs(p, labels, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.sparseProbs(labels, x));
        // with one-hot labels the sparse logits kernel is the dense one
        assertArrayEquals(FusedCrossentropy.softmaxLogits(z, null, oneHot(labels), ROWS, COLS, false).rowLoss(),
                FusedCrossentropy.sparseLogits(z, null, labels, ROWS, COLS, false).rowLoss(), 1e-6f);
    }

    @Test
    void sigmoidKernelsMatchComposedOps() {
        Random r = new Random(3);
        float[] z = random(r, -4f, 4f);
        float[] p = random(r, 0.01f, 0.99f);
        float[] y = random(r, 0f, 1f);
        Tensor yt = Tensor.of(y, ROWS, COLS);
        compare(z, FusedCrossentropy.sigmoidLogits(z, y, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.sigmoidLogits(yt, x));
        compare(p, FusedCrossentropy.sigmoidProbs(p, y, ROWS, COLS, true),
                (x, v) -> ComposedCrossentropy.sigmoidProbs(yt, x));
    }

    @Test
    void givenSoftmaxProbabilitiesGiveTheSameResults() {
        Random r = new Random(4);
        float[] z = random(r, -5f, 5f);
        float[] y = random(r, 0f, 1f);
        int[] labels = {3, 0, 2, 2, 1};
        float[] probs = Tensor.of(z, ROWS, COLS).softmax().toFloatArray();
        FusedCrossentropy.Pass a = FusedCrossentropy.softmaxLogits(z, null, y, ROWS, COLS, true);
        FusedCrossentropy.Pass b = FusedCrossentropy.softmaxLogits(z, probs, y, ROWS, COLS, true);
        assertArrayEquals(a.rowLoss(), b.rowLoss(), 2e-6f);
        assertArrayEquals(a.dInput(), b.dInput(), 2e-6f);
        a = FusedCrossentropy.sparseLogits(z, null, labels, ROWS, COLS, true);
        b = FusedCrossentropy.sparseLogits(z, probs, labels, ROWS, COLS, true);
        assertArrayEquals(a.rowLoss(), b.rowLoss(), 2e-6f);
        assertArrayEquals(a.dInput(), b.dInput(), 2e-6f);
    }

    @Test
    void clippedProbabilitiesPassNoGradient() {
        // p = 0 and p = 1 lie outside [1e-7, 1 - 1e-7]: TensorFlow's clip passes no gradient there
        float[] p = {0f, 1f};
        float[] y = {1f, 0f};
        FusedCrossentropy.Pass pass = FusedCrossentropy.sigmoidProbs(p, y, 1, 2, true);
        assertArrayEquals(new float[]{0f, 0f}, pass.dInput());
    }

    @Test
    void scalarOutputScalesTheGradientByTheBatch() {
        float[] z = {1f, 2f, 0.5f, -1f};
        float[] y = {0f, 1f, 1f, 0f};
        Tensor x = Tensor.of(z, 2, 2).requiresGrad(true);
        FusedCrossentropy.Pass pass = FusedCrossentropy.softmaxLogits(z, null, y, 2, 2, true);
        Tensor mean = FusedCrossentropy.output(x, pass, new int[]{2}, true, true, "softmax_crossentropy");
        mean.backward();
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = pass.dInput()[i] / 2;
        }
        assertArrayEquals(expected, x.grad().toFloatArray(), 0f);
    }
}
