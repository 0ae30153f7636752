package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseCategoricalAccuracyTest {

    @Test
    void labelAgainstArgmax() {
        // Keras docstring: [[2], [1]] against [[0.1, 0.6, 0.3], [0.05, 0.95, 0]] gives 0.5; weights [0.7, 0.3] 0.3
        SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
        assertEquals("sparse_categorical_accuracy", m.name());
        Tensor p = Tensor.of(new float[][]{{0.1f, 0.6f, 0.3f}, {0.05f, 0.95f, 0}});
        m.update(Tensor.of(new float[]{2, 1}, 2, 1), p);
        assertEquals(0.5, m.result(), 1e-12);
        m.reset();
        m.update(Tensor.of(2, 1), p, Tensor.of(0.7f, 0.3f));
        assertEquals(0.3, m.result(), 1e-6);
    }

    @Test
    void oneHotLabelsAreRejectedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalAccuracy().update(Tensor.zeros(2, 3), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("categorical_accuracy"), e.getMessage());
    }

    @Test
    void tiesGoToTheFirstClass() {
        SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
        m.update(Tensor.of(0, 1), Tensor.of(new float[][]{{0.5f, 0.5f}, {0.5f, 0.5f}}));
        assertEquals(0.5, m.result(), 1e-12);
    }
}
