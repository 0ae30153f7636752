package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecallTest {

    @Test
    void binaryPredictions() {
        // Keras docstring: [0, 1, 1, 1] against [1, 0, 1, 1] gives 2/3; weights [0, 0, 1, 0] give 1
        Recall m = new Recall();
        assertEquals("recall", m.name());
        m.update(Tensor.of(0, 1, 1, 1), Tensor.of(1, 0, 1, 1));
        assertEquals(2.0 / 3, m.result(), 1e-12);
        m.reset();
        m.update(Tensor.of(0, 1, 1, 1), Tensor.of(1, 0, 1, 1), Tensor.of(0, 0, 1, 0));
        assertEquals(1.0, m.result(), 1e-12);
    }

    @Test
    void oneHotOutputsAndOptions() {
        Tensor y = Tensor.of(new float[][]{{0, 1, 0}, {1, 0, 0}});
        Tensor p = Tensor.of(new float[][]{{0.1f, 0.7f, 0.6f}, {0.3f, 0.6f, 0.1f}});
        Recall m = new Recall();
        m.update(y, p);
        // actual positives (0,1) found, (1,0) missed
        assertEquals(0.5, m.result(), 1e-12);
        Recall class0 = Recall.classId(0);
        class0.update(y, p);
        assertEquals(0.0, class0.result(), 1e-12);
        Recall top2 = Recall.topK(2);
        top2.update(y, p);
        assertEquals(1.0, top2.result(), 1e-12);
    }
}
