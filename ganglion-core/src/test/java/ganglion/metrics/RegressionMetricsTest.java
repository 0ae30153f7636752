package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MeanSquaredError, MeanAbsoluteError and RootMeanSquaredError: running means of per-sample errors. */
class RegressionMetricsTest {

    // per-sample squared errors: [0.5, 0.25]; absolute errors: [0.5, 0.5]
    private static final Tensor Y = Tensor.of(new float[][]{{0, 1}, {1, 1}});
    private static final Tensor P = Tensor.of(new float[][]{{1, 1}, {0.5f, 1.5f}});

    @Test
    void meanSquaredError() {
        MeanSquaredError m = new MeanSquaredError();
        assertEquals("mean_squared_error", m.name());
        m.update(Y, P);
        assertEquals(0.375, m.result(), 1e-7);
        m.update(Tensor.of(new float[][]{{0, 0}}), Tensor.of(new float[][]{{2, 2}}));
        assertEquals((0.5 + 0.25 + 4) / 3, m.result(), 1e-6);
    }

    @Test
    void meanAbsoluteError() {
        MeanAbsoluteError m = new MeanAbsoluteError("mae");
        assertEquals("mae", m.name());
        m.update(Y, P);
        assertEquals(0.5, m.result(), 1e-7);
    }

    @Test
    void rootMeanSquaredError() {
        RootMeanSquaredError m = new RootMeanSquaredError();
        m.update(Y, P);
        assertEquals(Math.sqrt(0.375), m.result(), 1e-7);
    }
}
