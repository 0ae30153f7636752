package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static ganglion.internal.ops.Broadcast.COL;
import static ganglion.internal.ops.Broadcast.FULL;
import static ganglion.internal.ops.Broadcast.GENERAL;
import static ganglion.internal.ops.Broadcast.ROW;
import static ganglion.internal.ops.Broadcast.SCALAR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broadcast shapes, layouts, and every binary op on every layout against a naive reference. */
class BroadcastTest {

    @Test
    void shapes() {
        assertArrayEquals(new int[]{2, 3}, Broadcast.shape(new int[]{2, 3}, new int[]{3}, "add"));
        assertArrayEquals(new int[]{2, 3, 4}, Broadcast.shape(new int[]{2, 1, 4}, new int[]{3, 1}, "add"));
        assertArrayEquals(new int[]{0, 3}, Broadcast.shape(new int[]{0, 1}, new int[]{3}, "add"));
        assertArrayEquals(new int[]{}, Broadcast.shape(new int[]{}, new int[]{}, "add"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Broadcast.shape(new int[]{2, 3}, new int[]{4}, "multiply"));
        assertTrue(e.getMessage().startsWith("multiply: shapes (2, 3) and (4,) cannot be broadcast"), e.getMessage());
    }

    @Test
    void layouts() {
        int[] out = {2, 3, 4};
        assertEquals(FULL, Broadcast.kind(new int[]{2, 3, 4}, out));
        assertEquals(FULL, Broadcast.kind(new int[]{1, 2, 3, 4}, new int[]{1, 2, 3, 4}));
        assertEquals(SCALAR, Broadcast.kind(new int[]{}, out));
        assertEquals(SCALAR, Broadcast.kind(new int[]{1, 1}, out));
        assertEquals(ROW, Broadcast.kind(new int[]{4}, out));
        assertEquals(ROW, Broadcast.kind(new int[]{1, 3, 4}, out));
        assertEquals(COL, Broadcast.kind(new int[]{2, 1, 1}, out));
        assertEquals(COL, Broadcast.kind(new int[]{2, 3, 1}, out));
        assertEquals(GENERAL, Broadcast.kind(new int[]{2, 1, 4}, out));
        assertEquals(GENERAL, Broadcast.kind(new int[]{3, 1}, out));
        assertTrue(Broadcast.isSuffix(new int[]{1, 4}, out));
        assertFalse(Broadcast.isSuffix(new int[]{3}, out));
    }

    @Test
    void indexMapAndReduceTo() {
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 2}, Broadcast.indexMap(new int[]{3}, new int[]{2, 3}));
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1}, Broadcast.indexMap(new int[]{2, 1}, new int[]{2, 3}));
        float[] g = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new float[]{5, 7, 9}, Broadcast.reduceTo(g, new int[]{2, 3}, new int[]{3}));
        assertArrayEquals(new float[]{6, 15}, Broadcast.reduceTo(g, new int[]{2, 3}, new int[]{2, 1}));
        assertArrayEquals(new float[]{21}, Broadcast.reduceTo(g, new int[]{2, 3}, new int[]{}));
        assertArrayEquals(new float[]{5, 7, 9}, Broadcast.reduceTo(g, new int[]{2, 1, 3}, new int[]{1, 3}));
    }

    private static float ref(Elementwise.Op op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAX -> Float.isNaN(x) || Float.isNaN(y) ? Float.NaN : Math.max(x, y);
            case MIN -> Float.isNaN(x) || Float.isNaN(y) ? Float.NaN : Math.min(x, y);
        };
    }

    @Test
    void everyOpOnEveryLayoutMatchesTheReference() {
        for (int[][] l : ElementwiseGradTest.LAYOUTS) {
            Tensor a = GradCheck.uniform(1, l[0]), b = GradCheck.uniform(2, 0.5f, 1.5f, l[1]);
            int[] out = Broadcast.shape(l[0], l[1], "test");
            int[] am = Broadcast.indexMap(l[0], out), bm = Broadcast.indexMap(l[1], out);
            for (Elementwise.Op op : Elementwise.Op.values()) {
                Tensor r = Elementwise.binary(op, a, b);
                assertArrayEquals(out, r.shape());
                for (int i = 0; i < am.length; i++) {
                    assertEquals(ref(op, a.buffer()[am[i]], b.buffer()[bm[i]]), r.buffer()[i], 0f,
                            op + " " + java.util.Arrays.toString(l[0]) + " " + java.util.Arrays.toString(l[1]));
                }
            }
        }
    }

    @Test
    void maximumAndMinimumPropagateNaNFromEitherSide() {
        Tensor a = Tensor.of(Float.NaN, 1f, 2f), b = Tensor.of(0f, Float.NaN, 1f);
        assertArrayEquals(new float[]{Float.NaN, Float.NaN, 2f}, a.maximum(b).toFloatArray());
        assertArrayEquals(new float[]{Float.NaN, Float.NaN, 1f}, a.minimum(b).toFloatArray());
        assertArrayEquals(new float[]{Float.NaN, Float.NaN, Float.NaN},
                Tensor.scalar(Float.NaN).maximum(b).toFloatArray());
    }

    @Test
    void emptyBroadcasts() {
        Tensor e = Tensor.zeros(0, 3);
        assertArrayEquals(new int[]{0, 3}, e.add(Tensor.ones(3)).shape());
        assertArrayEquals(new int[]{0, 3}, e.mul(2f).shape());
        Tensor x = Tensor.zeros(0, 3).requiresGrad(true);
        Tensor b = Tensor.ones(3).requiresGrad(true);
        x.add(b).sum().backward();
        assertArrayEquals(new float[]{0, 0, 0}, b.grad().toFloatArray());
    }
}
