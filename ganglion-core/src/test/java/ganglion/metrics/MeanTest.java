package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeanTest {

    @Test
    void unweightedMeanOfAllValues() {
        // Keras docstring: mean of [1, 3, 5, 7] is 4
        Mean m = new Mean();
        assertEquals("mean", m.name());
        assertEquals(0.0, m.result());
        m.update(Tensor.of(1, 3, 5, 7));
        assertEquals(4.0, m.result(), 1e-12);
        assertEquals(16.0, m.total(), 1e-12);
        assertEquals(4.0, m.count(), 1e-12);
    }

    @Test
    void sampleWeights() {
        // Keras docstring: weights [1, 1, 0, 0] give 2
        Mean m = new Mean();
        m.update(Tensor.of(1, 3, 5, 7), Tensor.of(1, 1, 0, 0));
        assertEquals(2.0, m.result(), 1e-12);
        m.reset();
        assertEquals(0.0, m.result());
        // a scalar weight weights the batch's mean: (4 * 2) / 2
        m.update(Tensor.of(1, 3, 5, 7), Tensor.scalar(2f));
        assertEquals(4.0, m.result(), 1e-12);
        assertEquals(2.0, m.count(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Mean().update(Tensor.of(1, 2), Tensor.of(1, 2, 3)));
    }

    @Test
    void runningMeanWeightedByBatchSize() {
        // the loss tracker: batch losses 1.0 (32 samples) and 4.0 (8 samples) average to (32 + 32) / 40
        Mean m = new Mean("loss");
        m.update(1.0, 32);
        m.update(4.0, 8);
        assertEquals(1.6, m.result(), 1e-12);
    }

    @Test
    void perSampleValuesAreAveragedOverOtherAxes() {
        // rows [1, 3] and [5, 7] average to 2 and 6; elementwise weights weight within rows
        Mean m = new Mean();
        m.update(Tensor.of(new float[]{1, 3, 5, 7}, 2, 2));
        assertEquals(4.0, m.result(), 1e-12);
        assertEquals(2.0, m.count(), 1e-12);
        m.reset();
        m.update(Tensor.of(new float[]{1, 3, 5, 7}, 2, 2), Tensor.of(new float[]{1, 0, 1, 1}, 2, 2));
        // total = (1*1 + 0)/2 + (5 + 7)/2 = 6.5; count = 0.5 + 1
        assertEquals(6.5 / 1.5, m.result(), 1e-12);
        m.reset();
        m.update(Tensor.scalar(3f));
        assertEquals(1.0, m.count(), 1e-12);
        m.update(Tensor.scalar(5f), Tensor.scalar(3f));
        assertEquals((3 + 15) / 4.0, m.result(), 1e-12);
    }
}
