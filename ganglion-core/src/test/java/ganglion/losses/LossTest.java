package ganglion.losses;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static ganglion.losses.LossTesting.assertClose;
import static ganglion.losses.LossTesting.assertScalar;
import static ganglion.losses.LossTesting.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base class: names, reductions and sample weights (Keras's reduce_weighted_values). */
class LossTest {

    // per-sample MSE values: [1, 4, 9]
    private static final Tensor Y = Tensor.zeros(3, 1);
    private static final Tensor P = Tensor.of(new float[]{1, 2, 3}, 3, 1);

    @Test
    void nameAndToString() {
        Loss l = new MeanSquaredError();
        assertSame(l, l.name("mse"));
        assertEquals("mse", l.name());
        assertEquals("mse", l.toString());
    }

    @Test
    void reductions() {
        Loss l = new MeanSquaredError();
        assertEquals(Reduction.SUM_OVER_BATCH_SIZE, l.reduction());
        assertScalar(14f / 3, l.compute(Y, P));
        assertScalar(14f, l.reduction(Reduction.SUM).compute(Y, P));
        assertScalar(14f / 3, l.reduction("mean").compute(Y, P));
        assertClose(new float[]{1, 4, 9}, l.reduction(Reduction.NONE).compute(Y, P));
        assertEquals(Reduction.NONE, Reduction.of(null));
        assertEquals("sum", Reduction.SUM.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> l.reduction("average"));
        assertTrue(e.getMessage().contains("sum_over_batch_size"), e.getMessage());
    }

    @Test
    void sampleWeights() {
        Loss l = new MeanSquaredError();
        Tensor w = Tensor.of(1, 0, 2);
        // sum_over_batch_size: (1 + 0 + 18) / 3
        assertScalar(19f / 3, l.compute(Y, P, w));
        // (batch, 1) weights align too
        assertScalar(19f / 3, l.compute(Y, P, w.reshape(3, 1)));
        // mean_with_sample_weight: 19 / (1 + 0 + 2)
        assertScalar(19f / 3, l.reduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).compute(Y, P, w));
        assertScalar(19f / 3, l.reduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).compute(Y, P, Tensor.of(1, 0, 2)));
        assertScalar(0f, l.compute(Y, P, Tensor.zeros(3)));
        assertScalar(19f, l.reduction(Reduction.SUM).compute(Y, P, w));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().compute(Y, P, Tensor.of(1, 2)));
        assertTrue(e.getMessage().contains("sample weights"), e.getMessage());
    }

    @Test
    void fusedCrossentropiesHonourReductionsAndWeights() {
        Tensor y = t(new float[][]{{0, 1, 0}, {0, 0, 1}});
        Tensor p = t(new float[][]{{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
        Loss l = new CategoricalCrossentropy().reduction(Reduction.NONE);
        assertClose(new float[]{0.051293306f, 2.3025851f}, l.compute(y, p));
        assertScalar(2.3025851f / 2, new CategoricalCrossentropy().compute(y, p, Tensor.of(0, 1)));
    }

    @Test
    void config() {
        Map<String, Object> c = new MeanSquaredError().reduction(Reduction.SUM).getConfig();
        assertEquals("mean_squared_error", c.get("name"));
        assertEquals("sum", c.get("reduction"));
    }
}
