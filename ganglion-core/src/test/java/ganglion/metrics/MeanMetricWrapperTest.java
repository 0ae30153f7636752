package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeanMetricWrapperTest {

    @Test
    void averagesTheFunctionOverSamples() {
        MeanMetricWrapper m = new MeanMetricWrapper((t, p) -> p.sub(t).abs(), "abs_error");
        assertEquals("abs_error", m.name());
        m.update(Tensor.of(0, 0), Tensor.of(1, 3));
        m.update(Tensor.of(0), Tensor.of(8));
        assertEquals(4.0, m.result(), 1e-12);
        m.update(Tensor.of(0, 0), Tensor.of(1, 1), Tensor.of(0, 1));
        assertEquals(13.0 / 4, m.result(), 1e-12);
        assertThrows(UnsupportedOperationException.class, () -> m.update(Tensor.of(1)));
    }

    @Test
    void recordsNoGradient() {
        Tensor p = Tensor.of(1, 3).requiresGrad(true);
        boolean[] sawGraph = {true};
        MeanMetricWrapper m = new MeanMetricWrapper((t, q) -> {
            Tensor v = q.sub(t);
            sawGraph[0] = v.requiresGrad();
            return v;
        }, "diff");
        m.update(Tensor.of(0, 0), p);
        assertFalse(sawGraph[0]);
    }
}
