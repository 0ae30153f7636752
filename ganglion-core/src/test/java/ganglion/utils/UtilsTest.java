package ganglion.utils;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtilsTest {

    @Test
    void oneHotFromVectorAndColumn() {
        Tensor y = Tensor.of(0, 2, 1);
        float[] expected = {1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0};
        Tensor a = Utils.toCategorical(y, 4);
        assertArrayEquals(new int[]{3, 4}, a.shape());
        assertArrayEquals(expected, a.toFloatArray());
        Tensor b = Utils.toCategorical(y.reshape(3, 1), 4); // (n, 1) -> (n, classes), as Keras
        assertArrayEquals(new int[]{3, 4}, b.shape());
        assertArrayEquals(expected, b.toFloatArray());
        assertArrayEquals(expected, Utils.toCategorical(new int[]{0, 2, 1}, 4).toFloatArray());
    }

    @Test
    void infersClassesAndKeepsHigherRanks() {
        Tensor c = Utils.toCategorical(Tensor.of(new float[]{1, 0, 2, 1}, 2, 2));
        assertArrayEquals(new int[]{2, 2, 3}, c.shape());
        assertArrayEquals(new float[]{0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0}, c.toFloatArray());
        assertArrayEquals(new int[]{5}, Utils.toCategorical(Tensor.scalar(3), 5).shape());
    }

    @Test
    void badLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Utils.toCategorical(Tensor.of(0, -1), 3));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Tensor.of(0, 1.5f), 3));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Tensor.of(0, 3), 3));
        assertTrue(e.getMessage().contains("numClasses=3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Tensor.of(Float.NaN), 3));
        assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Tensor.of(0), 0));
        assertThrows(IllegalArgumentException.class, () -> Utils.toCategorical(Tensor.zeros(0)));
    }

    @Test
    void normalizeRowsAndAxes() {
        Tensor x = Tensor.of(new float[]{3, 4, 0, 0}, 2, 2);
        assertArrayEquals(new float[]{0.6f, 0.8f, 0, 0}, Utils.normalize(x).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{1, 1, 0, 0}, Utils.normalize(x, 0, 1).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{0.75f, 1, 0, 0},
                Utils.normalize(x, -1, Double.POSITIVE_INFINITY).toFloatArray(), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> Utils.normalize(x, 2, 2));
    }
}
