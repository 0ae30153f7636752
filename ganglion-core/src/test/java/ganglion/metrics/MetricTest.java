package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The base class: renaming, config and the default weighted update. */
class MetricTest {

    private static final class Count extends Metric {
        int n;

        Count() {
            super("count");
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred) {
            n += yTrue.shape(0);
        }

        @Override
        public double result() {
            return n;
        }

        @Override
        public void reset() {
            n = 0;
        }
    }

    @Test
    void nameConfigAndDefaultWeightedUpdate() {
        Count c = new Count();
        assertSame(c, c.name("samples"));
        assertEquals("samples", c.name());
        assertEquals("samples", c.toString());
        assertEquals("samples", c.getConfig().get("name"));
        assertEquals("float32", c.getConfig().get("dtype"));
        c.update(Tensor.zeros(3), Tensor.zeros(3), null);
        assertEquals(3.0, c.result());
        assertThrows(UnsupportedOperationException.class, () -> c.update(Tensor.zeros(3), Tensor.zeros(3), Tensor.ones(3)));
        c.reset();
        assertEquals(0.0, c.result());
    }
}
