package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryAccuracyTest {

    @Test
    void thresholdsAtHalf() {
        // Keras docstring: [[1], [1], [0], [0]] against [[0.98], [1], [0], [0.6]] gives 0.75; weights [1, 0, 0, 1] 0.5
        BinaryAccuracy m = new BinaryAccuracy();
        assertEquals("binary_accuracy", m.name());
        assertEquals(0.5f, m.threshold());
        Tensor y = Tensor.of(new float[]{1, 1, 0, 0}, 4, 1);
        Tensor p = Tensor.of(new float[]{0.98f, 1, 0, 0.6f}, 4, 1);
        m.update(y, p);
        assertEquals(0.75, m.result(), 1e-12);
        m.reset();
        m.update(y, p, Tensor.of(1, 0, 0, 1));
        assertEquals(0.5, m.result(), 1e-12);
    }

    @Test
    void vectorLabelsAndCustomThreshold() {
        // (batch) labels against (batch, 1) outputs; 0.5 is not above 0.5
        BinaryAccuracy m = new BinaryAccuracy("acc", 0.7f);
        m.update(Tensor.of(1, 0, 1), Tensor.of(new float[]{0.8f, 0.5f, 0.6f}, 3, 1));
        assertEquals(2.0 / 3, m.result(), 1e-12);
        assertEquals(0.7, m.getConfig().get("threshold"));
        assertThrows(IllegalArgumentException.class, () -> new BinaryAccuracy("x", 1f));
    }

    @Test
    void multiLabelRowsAverageTheirColumns() {
        BinaryAccuracy m = new BinaryAccuracy();
        m.update(Tensor.of(new float[]{1, 0, 1, 1}, 2, 2), Tensor.of(new float[]{0.9f, 0.2f, 0.1f, 0.7f}, 2, 2));
        assertEquals(0.75, m.result(), 1e-12);
    }
}
