package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrecisionTest {

    @Test
    void binaryPredictions() {
        // Keras docstring: [0, 1, 1, 1] against [1, 0, 1, 1] gives 2/3; weights [0, 0, 1, 0] give 1
        Precision m = new Precision();
        assertEquals("precision", m.name());
        assertEquals(0.5f, m.threshold());
        assertEquals(0.0, m.result());
        m.update(Tensor.of(0, 1, 1, 1), Tensor.of(1, 0, 1, 1));
        assertEquals(2.0 / 3, m.result(), 1e-12);
        m.reset();
        m.update(Tensor.of(0, 1, 1, 1), Tensor.of(1, 0, 1, 1), Tensor.of(0, 0, 1, 0));
        assertEquals(1.0, m.result(), 1e-12);
    }

    @Test
    void probabilitiesAreThresholded() {
        Precision m = new Precision();
        m.update(Tensor.of(new float[]{1, 0, 1, 0}, 4, 1), Tensor.of(new float[]{0.9f, 0.6f, 0.4f, 0.5f}, 4, 1));
        // positives: 0.9 (right), 0.6 (wrong); 0.5 is not above 0.5
        assertEquals(0.5, m.result(), 1e-12);
        Precision strict = new Precision(0.7f, null, null, "p");
        strict.update(Tensor.of(1, 0, 1, 0), Tensor.of(0.9f, 0.6f, 0.4f, 0.5f));
        assertEquals(1.0, strict.result(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Precision(1.5f, null, null, "p"));
    }

    @Test
    void oneHotOutputsCountEveryColumn() {
        // Keras flattens: each class column is a binary prediction
        Tensor y = Tensor.of(new float[][]{{0, 1, 0}, {1, 0, 0}});
        Tensor p = Tensor.of(new float[][]{{0.1f, 0.7f, 0.6f}, {0.3f, 0.6f, 0.1f}});
        Precision m = new Precision();
        m.update(y, p);
        // predicted positive: (0,1) right, (0,2) wrong, (1,1) wrong
        assertEquals(1.0 / 3, m.result(), 1e-12);
        Precision top1 = Precision.topK(1);
        top1.update(y, p);
        // only each row's top prediction: (0,1) right, (1,1) wrong
        assertEquals(0.5, top1.result(), 1e-12);
        Precision class2 = Precision.classId(2);
        class2.update(y, p);
        assertEquals(0.0, class2.result(), 1e-12);
        assertEquals(2, class2.getConfig().get("class_id"));
    }
}
