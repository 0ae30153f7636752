package ganglion.losses;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static ganglion.losses.LossTesting.assertClose;
import static ganglion.losses.LossTesting.assertScalar;
import static ganglion.losses.LossTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The elementwise losses against Keras's formulas (values from numpy) and finite differences. Shared inputs:
 * y = [[0, 1, 2], [3, -1, 0.5]], p = [[0.5, 1.5, 1], [2, 0, 0.5]].
 */
class RegressionLossesTest {

    private static final Tensor Y = t(new float[][]{{0, 1, 2}, {3, -1, 0.5f}});
    private static final Tensor P = t(new float[][]{{0.5f, 1.5f, 1}, {2, 0, 0.5f}});

    private static void gradCheck(Loss loss, Tensor y, Tensor p) {
        GradCheck.check(in -> loss.call(y, in.get(0)), 1e-3, 2e-2, 1e-3, p.copy());
    }

    @Test
    void meanSquaredError() {
        // mean(square(y - p), axis=-1)
        MeanSquaredError mse = new MeanSquaredError();
        assertEquals("mean_squared_error", mse.name());
        assertClose(new float[]{0.5f, 0.66666667f}, mse.call(Y, P));
        assertScalar(0.58333333f, mse.compute(Y, P));
        gradCheck(mse, Y, P);
    }

    @Test
    void meanAbsoluteError() {
        // mean(abs(y - p), axis=-1)
        MeanAbsoluteError mae = new MeanAbsoluteError();
        assertClose(new float[]{0.66666667f, 0.66666667f}, mae.call(Y, P));
        gradCheck(mae, Y, P);
    }

    @Test
    void meanAbsolutePercentageError() {
        // 100 * mean(abs((y - p) / max(|y|, 1e-7)), axis=-1), y = [[1, 2, 4], [3, -1, 0.5]]
        Tensor y = t(new float[][]{{1, 2, 4}, {3, -1, 0.5f}});
        MeanAbsolutePercentageError mape = new MeanAbsolutePercentageError();
        assertClose(new float[]{(50f + 25f + 75f) / 3, (100f / 3 + 100f + 0f) / 3}, mape.call(y, P));
        gradCheck(mape, y, P);
    }

    @Test
    void meanSquaredLogarithmicError() {
        // mean(square(log(max(p, 1e-7) + 1) - log(max(y, 1e-7) + 1)), axis=-1)
        Tensor y = t(new float[][]{{0, 1, 2}, {3, 0.5f, 0}});
        Tensor p = t(new float[][]{{0.5f, 1.5f, 1}, {2, 0.2f, 0.5f}});
        MeanSquaredLogarithmicError msle = new MeanSquaredLogarithmicError();
        assertClose(new float[]{0.12619896f, 0.098985297f}, msle.call(y, p));
        gradCheck(msle, y, p);
    }

    @Test
    void huber() {
        // 0.5 x^2 where |x| <= delta, delta |x| - 0.5 delta^2 elsewhere, averaged
        Huber h = new Huber();
        assertEquals("huber_loss", h.name());
        assertEquals(1f, h.delta());
        assertClose(new float[]{0.25f, 0.33333333f}, h.call(Y, P));
        assertClose(new float[]{0.20833333f, 0.25f}, new Huber(0.5f).call(Y, P));
        assertEquals(0.5, new Huber().delta(0.5f).getConfig().get("delta"));
        assertThrows(IllegalArgumentException.class, () -> new Huber(0f));
        gradCheck(new Huber(0.7f), Y, P);
    }

    @Test
    void logCosh() {
        // mean(log(cosh(p - y)), axis=-1)
        LogCosh lc = new LogCosh();
        assertClose(new float[]{0.22466995f, 0.28918722f}, lc.call(Y, P));
        gradCheck(lc, Y, P);
    }

    @Test
    void poisson() {
        // mean(p - y log(p + 1e-7), axis=-1)
        Tensor y = t(new float[][]{{0, 1, 2}, {3, 0.5f, 0}});
        Tensor p = t(new float[][]{{0.5f, 1.5f, 1}, {2, 0.2f, 0.5f}});
        Poisson po = new Poisson();
        assertClose(new float[]{0.86484488f, 0.47509234f}, po.call(y, p));
        gradCheck(po, y, p);
    }

    @Test
    void klDivergence() {
        // sum(y log(y / p), axis=-1) with both clipped to [1e-7, 1]
        Tensor y = t(new float[][]{{0.2f, 0.8f}, {0.5f, 0.5f}});
        Tensor p = t(new float[][]{{0.4f, 0.6f}, {0.9f, 0.1f}});
        KLDivergence kld = new KLDivergence();
        assertEquals("kl_divergence", kld.name());
        assertClose(new float[]{0.091516222f, 0.51082562f}, kld.call(y, p));
        gradCheck(kld, y, p);
    }

    @Test
    void hingeFamily() {
        // 0/1 labels become -1/1; hinge = mean(max(1 - y p, 0)); squared hinge squares it
        Tensor y = t(new float[][]{{0, 1}, {1, 0}});
        Tensor p = t(new float[][]{{0.3f, 0.8f}, {-0.5f, -2f}});
        assertClose(new float[]{0.75f, 0.75f}, new Hinge().call(y, p));
        assertClose(new float[]{0.865f, 1.125f}, new SquaredHinge().call(y, p));
        // -1/1 labels are used as they are
        assertClose(new float[]{0.75f, 0.75f}, new Hinge().call(t(new float[][]{{-1, 1}, {1, -1}}), p));
        gradCheck(new Hinge(), y, t(new float[][]{{0.3f, 0.8f}, {-0.5f, -2.5f}}));
        gradCheck(new SquaredHinge(), y, t(new float[][]{{0.3f, 0.8f}, {-0.5f, -2.5f}}));
    }

    @Test
    void categoricalHinge() {
        // max(max((1 - y) p) - sum(y p) + 1, 0)
        Tensor y = t(new float[][]{{0, 1, 0}, {1, 0, 0}});
        Tensor p = t(new float[][]{{0.3f, 0.5f, 0.2f}, {0.1f, 0.7f, 0.2f}});
        CategoricalHinge ch = new CategoricalHinge();
        assertClose(new float[]{0.8f, 1.6f}, ch.call(y, p));
        gradCheck(ch, y, p);
    }

    @Test
    void shapesAlignAsKerasAndMismatchesAreClear() {
        // (batch) labels against (batch, 1) predictions
        Tensor p = Tensor.of(new float[]{1, 2, 3}, 3, 1);
        Tensor losses = new MeanSquaredError().call(Tensor.of(1, 1, 1), p);
        assertArrayEquals(new int[]{3}, losses.shape());
        assertClose(new float[]{0, 1, 4}, losses);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().call(Tensor.of(1, 2), Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(2, 3)"), e.getMessage());
    }
}
