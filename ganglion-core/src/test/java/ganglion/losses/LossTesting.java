package ganglion.losses;

import ganglion.Tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Small assertions shared by the loss tests. */
final class LossTesting {

    private LossTesting() {
    }

    static Tensor t(float[][] rows) {
        return Tensor.of(rows);
    }

    /** Values within a relative tolerance of 1e-5 (plus 1e-6 absolute). */
    static void assertClose(float[] expected, Tensor actual) {
        assertClose(expected, actual, 1e-5f);
    }

    static void assertClose(float[] expected, Tensor actual, float rtol) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, "number of values");
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], 1e-6f + rtol * Math.abs(expected[i]), "value " + i);
        }
    }

    static void assertScalar(float expected, Tensor actual) {
        assertArrayEquals(new int[0], actual.shape(), "a scalar");
        assertEquals(expected, actual.item(), 1e-6f + 1e-5f * Math.abs(expected));
    }

    static void assertFinite(Tensor t) {
        assertFalse(t.hasNonFinite(), "finite values: " + t);
    }
}
