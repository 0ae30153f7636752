package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** matmul's values and shapes against a naive triple loop. */
class LinAlgTest {

    /** Naive C = op(A) op(B) for 2-D arrays. */
    static float[] naive(Tensor a, Tensor b, boolean ta, boolean tb) {
        int m = ta ? a.shape(1) : a.shape(0), k = ta ? a.shape(0) : a.shape(1);
        int n = tb ? b.shape(0) : b.shape(1);
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
                }
                c[i * n + j] = (float) s;
            }
        }
        return c;
    }

    @Test
    void everyTransposeCombination() {
        for (boolean ta : new boolean[]{false, true}) {
            for (boolean tb : new boolean[]{false, true}) {
                Tensor a = GradCheck.uniform(1, ta ? 5 : 3, ta ? 3 : 5);
                Tensor b = GradCheck.uniform(2, tb ? 4 : 5, tb ? 5 : 4);
                Tensor c = a.matmul(b, ta, tb);
                assertArrayEquals(new int[]{3, 4}, c.shape());
                assertArrayEquals(naive(a, b, ta, tb), c.toFloatArray(), 1e-5f);
            }
        }
    }

    @Test
    void shapesFollowNumpy() {
        assertArrayEquals(new int[]{2, 3, 5}, Tensor.ones(2, 3, 4).matmul(Tensor.ones(4, 5)).shape());
        assertArrayEquals(new int[]{2, 4, 5}, Tensor.ones(2, 3, 4).matmul(Tensor.ones(3, 5), true, false).shape());
        assertArrayEquals(new int[]{2, 3, 5}, Tensor.ones(3, 4).matmul(Tensor.ones(2, 4, 5)).shape());
        assertArrayEquals(new int[]{2, 3, 3, 5}, Tensor.ones(2, 1, 3, 4).matmul(Tensor.ones(3, 4, 5)).shape());
        assertArrayEquals(new int[]{5}, Tensor.ones(4).matmul(Tensor.ones(4, 5)).shape());
        assertArrayEquals(new int[]{3}, Tensor.ones(3, 4).matmul(Tensor.ones(4)).shape());
        assertArrayEquals(new int[]{}, Tensor.ones(4).matmul(Tensor.ones(4)).shape());
        assertArrayEquals(new int[]{2, 5}, Tensor.ones(4).matmul(Tensor.ones(2, 4, 5)).shape());
        assertArrayEquals(new int[]{2, 3}, Tensor.ones(2, 3, 4).matmul(Tensor.ones(4)).shape());
        assertArrayEquals(new int[]{3, 0}, Tensor.ones(3, 4).matmul(Tensor.ones(4, 0)).shape());
        assertArrayEquals(new float[]{0, 0}, Tensor.ones(2, 0).matmul(Tensor.ones(0, 1)).toFloatArray());
    }

    @Test
    void batchedValues() {
        Tensor a = GradCheck.uniform(3, 2, 3, 4), b = GradCheck.uniform(4, 2, 4, 5);
        Tensor c = a.matmul(b);
        for (int i = 0; i < 2; i++) {
            Tensor ai = a.slice(0, i, i + 1).reshape(3, 4), bi = b.slice(0, i, i + 1).reshape(4, 5);
            assertArrayEquals(naive(ai, bi, false, false), c.slice(0, i, i + 1).toFloatArray(), 1e-5f);
        }
        Tensor shared = GradCheck.uniform(5, 3, 4);
        Tensor d = shared.matmul(b);
        for (int i = 0; i < 2; i++) {
            Tensor bi = b.slice(0, i, i + 1).reshape(4, 5);
            assertArrayEquals(naive(shared, bi, false, false), d.slice(0, i, i + 1).toFloatArray(), 1e-5f);
        }
        assertEquals(1 * 4 + 2 * 5 + 3 * 6, Tensor.of(1f, 2f, 3f).matmul(Tensor.of(4f, 5f, 6f)).item());
    }

    @Test
    void errorsNameTheOpAndBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2, 3).matmul(Tensor.ones(4, 5)));
        assertTrue(e.getMessage().startsWith("matmul: shapes (2, 3) and (4, 5) are not aligned"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.ones(2, 3, 4).matmul(Tensor.ones(3, 4, 5)));
        assertTrue(e.getMessage().contains("(2, 3, 4)") && e.getMessage().contains("(3, 4, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(2).matmul(Tensor.ones(2)));
        assertTrue(e.getMessage().startsWith("matmul: scalars"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.ones(2, 3).matmul(Tensor.ones(3, 2), false, true));
        assertTrue(e.getMessage().contains("(2, 3) and (3, 2) (transposed) are not aligned"), e.getMessage());
    }
}
