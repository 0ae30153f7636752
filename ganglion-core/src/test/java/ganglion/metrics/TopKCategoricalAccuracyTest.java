package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopKCategoricalAccuracyTest {

    @Test
    void oneHotAndSparseForms() {
        // Keras docstrings with k = 1: 0.5, and 0.3 with weights [0.7, 0.3]
        Tensor p = Tensor.of(new float[][]{{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
        TopKCategoricalAccuracy dense = new TopKCategoricalAccuracy(1);
        dense.update(Tensor.of(new float[][]{{0, 0, 1}, {0, 1, 0}}), p);
        assertEquals(0.5, dense.result(), 1e-12);
        SparseTopKCategoricalAccuracy sparse = new SparseTopKCategoricalAccuracy(1);
        sparse.update(Tensor.of(2, 1), p, Tensor.of(0.7f, 0.3f));
        assertEquals(0.3, sparse.result(), 1e-6);
        // with k = 2 both rows hit
        SparseTopKCategoricalAccuracy two = new SparseTopKCategoricalAccuracy(2);
        two.update(Tensor.of(2, 1), p);
        assertEquals(1.0, two.result(), 1e-12);
        assertEquals(5, new TopKCategoricalAccuracy().k());
        assertEquals("sparse_top_k_categorical_accuracy", new SparseTopKCategoricalAccuracy().name());
        assertEquals(2, two.getConfig().get("k"));
        assertThrows(IllegalArgumentException.class, () -> new TopKCategoricalAccuracy(0));
    }
}
