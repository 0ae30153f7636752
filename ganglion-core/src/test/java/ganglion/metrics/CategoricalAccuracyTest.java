package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoricalAccuracyTest {

    @Test
    void argmaxesMatch() {
        // Keras docstring: 0.5, and 0.3 with weights [0.7, 0.3]
        CategoricalAccuracy m = new CategoricalAccuracy();
        assertEquals("categorical_accuracy", m.name());
        Tensor y = Tensor.of(new float[][]{{0, 0, 1}, {0, 1, 0}});
        Tensor p = Tensor.of(new float[][]{{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
        m.update(y, p);
        assertEquals(0.5, m.result(), 1e-12);
        m.reset();
        m.update(y, p, Tensor.of(0.7f, 0.3f));
        assertEquals(0.3, m.result(), 1e-6);
    }

    @Test
    void runningMeanAcrossBatchesOfDifferentSizes() {
        CategoricalAccuracy m = new CategoricalAccuracy();
        m.update(Tensor.of(new float[][]{{1, 0}, {1, 0}, {0, 1}}), Tensor.of(new float[][]{{2, 1}, {2, 1}, {2, 1}}));
        m.update(Tensor.of(new float[][]{{0, 1}}), Tensor.of(new float[][]{{0, 1}}));
        assertEquals(0.75, m.result(), 1e-12);
    }

    @Test
    void integerLabelsAreRejectedWithAHint() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalAccuracy().update(Tensor.of(2, 1), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("sparse_categorical_accuracy"), e.getMessage());
    }
}
