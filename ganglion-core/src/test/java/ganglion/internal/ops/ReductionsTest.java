package ganglion.internal.ops;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reduction values on every axis layout, with keepDims, NaN and empty inputs. */
class ReductionsTest {

    private static final Tensor X = Tensor.arange(24).reshape(2, 3, 4);

    @Test
    void sumOverEachAxisSet() {
        assertEquals(276f, X.sum().item());
        assertArrayEquals(new int[]{3, 4}, X.sum(0, false).shape());
        assertArrayEquals(new float[]{12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34}, X.sum(0, false).toFloatArray());
        assertArrayEquals(new float[]{12, 15, 18, 21, 48, 51, 54, 57}, X.sum(1, false).toFloatArray());
        assertArrayEquals(new int[]{2, 1, 4}, X.sum(1, true).shape());
        assertArrayEquals(new float[]{6, 22, 38, 54, 70, 86}, X.sum(-1, false).toFloatArray());
        assertArrayEquals(new float[]{60, 66, 72, 78}, X.sum(new int[]{0, 1}, false).toFloatArray());
        assertArrayEquals(new float[]{66, 210}, X.sum(new int[]{1, 2}, false).toFloatArray());
        assertArrayEquals(new float[]{60, 92, 124}, X.sum(new int[]{0, 2}, false).toFloatArray());
        assertArrayEquals(new int[]{1, 3, 1}, X.sum(new int[]{0, 2}, true).shape());
        assertArrayEquals(X.toFloatArray(), X.sum(new int[0], false).toFloatArray());
    }

    @Test
    void meanMaxMin() {
        assertEquals(11.5f, X.mean().item());
        assertArrayEquals(new float[]{1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f}, X.mean(2, false).toFloatArray());
        assertArrayEquals(new float[]{20, 21, 22, 23}, X.max(new int[]{0, 1}, false).toFloatArray());
        assertArrayEquals(new float[]{0, 4, 8}, X.min(new int[]{0, 2}, false).toFloatArray());
        assertArrayEquals(new int[]{2, 1, 1}, X.max(new int[]{1, 2}, true).shape());
        assertEquals(23f, X.max().item());
        assertEquals(0f, X.min().item());
        assertTrue(Float.isNaN(Tensor.zeros(0).mean().item()));
        assertEquals(0f, Tensor.zeros(0).sum().item());
    }

    @Test
    void maxAndArgmaxWithNaN() {
        Tensor t = Tensor.of(new float[]{1, Float.NaN, 3, 4, 2, 0}, 2, 3);
        assertTrue(Float.isNaN(t.max(1, false).get(0)));
        assertEquals(4f, t.max(1, false).get(1));
        assertTrue(Float.isNaN(t.min(0, false).get(1)));
        assertArrayEquals(new float[]{1, 0}, t.argmax(1).toFloatArray());
        assertArrayEquals(new float[]{1, 2}, t.argmin(1).toFloatArray());
    }

    @Test
    void argmaxTakesTheFirstTie() {
        Tensor t = Tensor.of(new float[]{5, 5, 1, 2, 9, 9}, 2, 3);
        assertArrayEquals(new float[]{0, 1}, t.argmax(1).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 1}, t.argmax(0).toFloatArray());
        assertArrayEquals(new float[]{2, 0}, t.argmin(-1).toFloatArray());
    }

    @Test
    void logSumExpIsStable() {
        Tensor t = Tensor.of(1000f, 1000f);
        assertEquals(1000f + (float) Math.log(2), t.logSumExp().item(), 1e-3f);
        Tensor inf = Tensor.of(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertEquals(Float.NEGATIVE_INFINITY, inf.logSumExp().item());
        assertArrayEquals(new int[]{2, 1}, Tensor.ones(2, 3).logSumExp(1, true).shape());
        assertEquals(Math.log(3) + 1, Tensor.ones(2, 3).logSumExp(1, false).get(0), 1e-6);
    }

    @Test
    void cumsum() {
        assertArrayEquals(new float[]{1, 3, 6}, Tensor.of(1f, 2f, 3f).cumsum(0).toFloatArray());
        Tensor m = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new float[]{0, 1, 3, 3, 7, 12}, m.cumsum(1).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 2, 3, 5, 7}, m.cumsum(0).toFloatArray());
    }

    @Test
    void errorsNameTheOp() {
        var e = assertThrows(IllegalArgumentException.class, () -> X.sum(3, false));
        assertTrue(e.getMessage().startsWith("sum: axis 3 is out of range for a tensor of rank 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> X.mean(new int[]{1, -2}, false));
        assertTrue(e.getMessage().startsWith("mean: axis -2 is repeated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).max(1, false));
        assertTrue(e.getMessage().startsWith("max: zero-size axis 1 of shape (2, 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).argmax(1));
        assertTrue(e.getMessage().startsWith("argmax:"), e.getMessage());
    }
}
