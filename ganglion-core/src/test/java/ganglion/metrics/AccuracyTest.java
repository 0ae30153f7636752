package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccuracyTest {

    @Test
    void exactMatches() {
        // Keras docstring: [[1], [2], [3], [4]] against [[0], [2], [3], [4]] gives 0.75; weights [1, 1, 0, 0] give 0.5
        Accuracy a = new Accuracy();
        assertEquals("accuracy", a.name());
        Tensor y = Tensor.of(new float[]{1, 2, 3, 4}, 4, 1);
        Tensor p = Tensor.of(new float[]{0, 2, 3, 4}, 4, 1);
        a.update(y, p);
        assertEquals(0.75, a.result(), 1e-12);
        a.reset();
        a.update(y, p, Tensor.of(1, 1, 0, 0));
        assertEquals(0.5, a.result(), 1e-12);
        assertEquals("acc", new Accuracy("acc").name());
    }
}
