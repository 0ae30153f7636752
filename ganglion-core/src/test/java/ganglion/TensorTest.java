package ganglion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test (at least) per public Tensor method: values, shapes and error messages. Gradients: internal.ops. */
class TensorTest {

    private static Tensor m23() {
        return Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "\"" + e.getMessage() + "\" lacks \"" + p + "\"");
        }
    }

    // ------------------------------------------------------------------ creation

    @Test
    void ofCopiesAndChecksTheShape() {
        float[] d = {1, 2, 3, 4};
        Tensor t = Tensor.of(d, 2, 2);
        d[0] = 9;
        assertEquals(1f, t.get(0, 0));
        assertArrayEquals(new int[]{2, 2}, t.shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.of(d, 3, 2)),
                "Tensor.of", "4 values", "(3, 2)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.of(d, -1, 4)), "negative", "(-1, 4)");
        assertArrayEquals(new int[]{}, Tensor.of(new float[]{7}, new int[0]).shape());
    }

    @Test
    void ofVarargsRowsAndDoubles() {
        assertArrayEquals(new int[]{3}, Tensor.of(1f, 2f, 3f).shape());
        assertArrayEquals(new int[]{0}, Tensor.of(new float[0]).shape());
        Tensor r = Tensor.of(new float[][]{{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[]{2, 3}, r.shape());
        assertEquals(6f, r.get(1, 2));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][]{{1, 2}, {3}})),
                "row 1 has 1", "row 0 has 2");
        assertArrayEquals(new float[]{0.5f, 1.5f}, Tensor.of(new double[]{0.5, 1.5}).toFloatArray());
        assertArrayEquals(new int[]{2}, Tensor.of(new double[]{0.5, 1.5}).shape());
        assertArrayEquals(new int[]{2, 1}, Tensor.of(new double[]{0.5, 1.5}, 2, 1).shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[]{1, 2}, 3)), "(3,)");
    }

    @Test
    void wrapSharesTheArray() {
        float[] d = {1, 2};
        Tensor t = Tensor.wrap(d, 2);
        assertSame(d, t.buffer());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.wrap(d, 3)), "Tensor.wrap", "(3,)");
    }

    @Test
    void constantsAndRanges() {
        assertEquals(0, Tensor.scalar(3f).rank());
        assertEquals(3f, Tensor.scalar(3f).item());
        assertArrayEquals(new float[6], Tensor.zeros(2, 3).toFloatArray());
        assertArrayEquals(new float[]{1, 1}, Tensor.ones(2).toFloatArray());
        assertArrayEquals(new float[]{7, 7, 7}, Tensor.full(7f, 3).toFloatArray());
        assertArrayEquals(new float[]{2, 3, 4}, Tensor.arange(2, 5).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 2}, Tensor.arange(3).toFloatArray());
        assertEquals(0, Tensor.arange(5, 2).size());
        assertArrayEquals(new float[]{1, 0, 0, 1}, Tensor.eye(2).toFloatArray());
        assertArrayEquals(new int[]{2, 3}, Tensor.zerosLike(m23()).shape());
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1}, Tensor.onesLike(m23()).toFloatArray());
        assertEquals(0, Tensor.zeros().rank());
    }

    @Test
    void randomTensorsFollowTheSeed() {
        Ganglion.setRandomSeed(42);
        Tensor a = Tensor.randomNormal(1000);
        Tensor u = Tensor.randomUniform(-2f, 3f, 1000);
        Ganglion.setRandomSeed(42);
        assertArrayEquals(a.toFloatArray(), Tensor.randomNormal(1000).toFloatArray());
        assertArrayEquals(u.toFloatArray(), Tensor.randomUniform(-2f, 3f, 1000).toFloatArray());
        assertEquals(0f, a.mean().item(), 0.15f);
        assertEquals(1f, a.std().item(), 0.15f);
        assertTrue(u.min().item() >= -2f && u.max().item() < 3f);
    }

    @Test
    void concatAndStack() {
        Tensor c = Tensor.concat(1, m23(), Tensor.zeros(2, 1));
        assertArrayEquals(new int[]{2, 4}, c.shape());
        assertArrayEquals(new float[]{1, 2, 3, 0, 4, 5, 6, 0}, c.toFloatArray());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6},
                Tensor.concat(0, m23(), m23()).toFloatArray());
        Tensor s = Tensor.stack(-1, Tensor.of(1f, 2f), Tensor.of(3f, 4f));
        assertArrayEquals(new int[]{2, 2}, s.shape());
        assertArrayEquals(new float[]{1, 3, 2, 4}, s.toFloatArray());
        assertArrayEquals(new int[]{2, 2, 3}, Tensor.stack(0, m23(), m23()).shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, m23(), Tensor.zeros(2, 2))),
                "concat", "(2, 3)", "(2, 2)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, m23(), Tensor.zeros(6))),
                "concat", "(2, 3)", "(6,)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.stack(0, m23(), Tensor.zeros(3, 2))),
                "stack", "(2, 3)", "(3, 2)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.stack(4, m23())), "stack: axis 4");
        assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0));
    }

    @Test
    void whereSelects() {
        Tensor cond = Tensor.of(1f, 0f, 1f);
        assertArrayEquals(new float[]{1, 20, 3}, Tensor.where(cond, Tensor.of(1f, 2f, 3f), Tensor.of(10f, 20f, 30f))
                .toFloatArray());
        assertArrayEquals(new float[]{1, -1, 3, 4, -1, 6}, Tensor.where(cond, m23(), -1f).toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Tensor.where(cond, Tensor.zeros(2), Tensor.zeros(3))), "where", "(3,)", "(2,)");
    }

    // ------------------------------------------------------------------ inspection

    @Test
    void inspection() {
        Tensor t = m23();
        int[] s = t.shape();
        s[0] = 99;
        assertArrayEquals(new int[]{2, 3}, t.shape(), "shape() returns a copy");
        assertEquals(3, t.shape(-1));
        assertEquals(2, t.shape(0));
        assertEquals(2, t.rank());
        assertEquals(6L, t.size());
        assertEquals(6f, t.get(1, 2));
        assertEquals(6f, t.get(-1, -1));
        assertMessage(assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0)), "index 2", "axis 0", "(2, 3)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.get(1)), "1 indices", "(2, 3)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.shape(2)), "axis 2", "rank 2");
        assertEquals(5f, Tensor.of(5f).item());
        assertMessage(assertThrows(IllegalStateException.class, t::item), "item()", "(2, 3)");
    }

    @Test
    void copiesAndBuffers() {
        Tensor t = m23();
        float[] a = t.toFloatArray();
        a[0] = 9;
        assertEquals(1f, t.get(0, 0));
        assertSame(t.buffer(), t.buffer());
        Tensor c = t.copy();
        assertNotSame(t.buffer(), c.buffer());
        assertArrayEquals(t.toFloatArray(), c.toFloatArray());
        Tensor g = t.requiresGrad(true).mul(2f).copy();
        assertFalse(g.requiresGrad());
    }

    // ------------------------------------------------------------------ autograd surface

    @Test
    void gradientSurface() {
        Tensor w = Tensor.of(1f, 2f);
        assertFalse(w.requiresGrad());
        assertSame(w, w.requiresGrad(true));
        assertTrue(w.requiresGrad());
        assertTrue(w.retainsGrad());
        assertNull(w.grad());
        assertNull(w.gradFn());
        Tensor y = w.mul(w);
        assertTrue(y.requiresGrad());
        assertFalse(y.retainsGrad());
        assertNotSame(null, y.gradFn());
        y.sum().backward();
        assertArrayEquals(new float[]{2, 4}, w.grad().toFloatArray());
        w.zeroGrad();
        assertArrayEquals(new float[]{0, 0}, w.grad().toFloatArray());
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertSame(y.buffer(), d.buffer());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> w.setGradBuffer(new float[3])), "3 values");
        w.setGradBuffer(null);
        assertNull(w.grad());
        w.mul(3f).backward(Tensor.of(1f, 1f));
        assertArrayEquals(new float[]{3, 3}, w.grad().toFloatArray());
        assertSame(w, w.retainGrad());
    }

    @Test
    void activationLogitsAreRemembered() {
        Tensor z = Tensor.of(1f, 2f);
        assertSame(z, z.softmax().activationLogits());
        assertSame(z, z.sigmoid().activationLogits());
        assertNull(z.relu().activationLogits());
        Tensor t = Tensor.of(3f);
        assertSame(t, t.withActivationLogits(z));
        assertSame(z, t.activationLogits());
    }

    // ------------------------------------------------------------------ shape

    @Test
    void reshapeInfersMinusOne() {
        Tensor t = Tensor.arange(12);
        assertArrayEquals(new int[]{3, 4}, t.reshape(-1, 4).shape());
        assertArrayEquals(new int[]{2, 3, 2}, t.reshape(2, -1, 2).shape());
        assertArrayEquals(new int[]{12}, t.reshape(2, 6).flatten().shape());
        assertSame(t.buffer(), t.reshape(3, 4).buffer(), "reshape does not copy");
        assertArrayEquals(new int[]{}, Tensor.of(5f).reshape().shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.reshape(5, -1)),
                "reshape", "(12,)", "(5, -1)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 2)),
                "reshape", "(12,)", "(5, 2)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1)), "only one -1");
    }

    @Test
    void sliceAlongAxes() {
        Tensor t = Tensor.arange(12).reshape(3, 4);
        assertArrayEquals(new float[]{4, 5, 6, 7}, t.slice(1, 2).toFloatArray());
        assertArrayEquals(new int[]{1, 4}, t.slice(1, 2).shape());
        assertArrayEquals(new float[]{1, 2, 5, 6, 9, 10}, t.slice(1, 1, 3).toFloatArray());
        assertArrayEquals(new float[]{8, 9, 10, 11}, t.slice(-1, 3).toFloatArray());
        assertArrayEquals(new float[]{2, 6, 10}, t.slice(-1, -2, -1).toFloatArray());
        assertArrayEquals(new int[]{0, 4}, t.slice(2, 1).shape(), "empty when start >= end, as Python");
        assertArrayEquals(new int[]{3, 4}, t.slice(-10, 10).shape(), "clamped, as Python");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.slice(2, 0, 1)), "slice: axis 2");
    }

    @Test
    void takeGathersRows() {
        Tensor t = Tensor.arange(6).reshape(3, 2);
        assertArrayEquals(new float[]{4, 5, 0, 1, 4, 5}, t.take(new int[]{2, 0, -1}).toFloatArray());
        Tensor e = t.take(Tensor.of(new float[]{0, 2, 1, 1}, 2, 2));
        assertArrayEquals(new int[]{2, 2, 2}, e.shape());
        assertArrayEquals(new float[]{0, 1, 4, 5, 2, 3, 2, 3}, e.toFloatArray());
        assertArrayEquals(new float[]{1, 1, 3, 3, 5, 5}, t.take(Tensor.of(1f, 1f), 1).toFloatArray());
        assertArrayEquals(new float[]{1, 2, 4}, t.takeAlongAxis(Tensor.of(new float[]{1, 0, 0}, 3, 1), 1)
                .toFloatArray());
        assertMessage(assertThrows(IndexOutOfBoundsException.class, () -> t.take(new int[]{3})),
                "take", "index 3", "length 3");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.take(Tensor.of(0.5f))), "whole number");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> t.takeAlongAxis(Tensor.zeros(2, 1), 1)), "takeAlongAxis", "(2, 1)", "(3, 2)");
    }

    @Test
    void permuteAndTranspose() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, t.transpose().toFloatArray());
        assertArrayEquals(new int[]{3, 2}, t.transpose().shape());
        Tensor u = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = u.permute(2, 0, 1);
        assertArrayEquals(new int[]{4, 2, 3}, p.shape());
        assertEquals(u.get(1, 2, 3), p.get(3, 1, 2));
        assertArrayEquals(new int[]{4, 3, 2}, u.transpose().shape());
        assertEquals(u.get(1, 0, 2), u.transpose().get(2, 0, 1));
        assertArrayEquals(new int[]{3, 2, 4}, u.transpose(1, 0, 2).shape());
        assertArrayEquals(new int[]{4, 3, 2}, u.swapAxes(0, 2).shape());
        assertSame(u.buffer(), u.permute(0, 1, 2).buffer(), "the identity permutation does not copy");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> u.permute(0, 1)), "permute", "(2, 3, 4)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> u.permute(0, 1, 1)), "permute", "repeated");
    }

    @Test
    void expandDimsAndSqueeze() {
        Tensor t = m23();
        assertArrayEquals(new int[]{1, 2, 3}, t.expandDims(0).shape());
        assertArrayEquals(new int[]{2, 3, 1}, t.expandDims(-1).shape());
        assertArrayEquals(new int[]{2, 1, 3}, t.expandDims(1).shape());
        assertArrayEquals(new int[]{2, 3}, Tensor.zeros(1, 2, 1, 3).squeeze().shape());
        assertArrayEquals(new int[]{2, 1, 3}, Tensor.zeros(1, 2, 1, 3).squeeze(0).shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.squeeze(0)), "squeeze", "(2, 3)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.expandDims(4)), "expandDims", "(2, 3)");
    }

    @Test
    void broadcastSplitRepeatTile() {
        assertArrayEquals(new float[]{1, 2, 1, 2}, Tensor.of(1f, 2f).broadcastTo(2, 2).toFloatArray());
        assertArrayEquals(new float[]{1, 1, 2, 2}, Tensor.of(new float[]{1, 2}, 2, 1).broadcastTo(2, 2).toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m23().broadcastTo(3, 3)),
                "broadcastTo", "(2, 3)", "(3, 3)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m23().broadcastTo(3)),
                "broadcastTo", "(2, 3)", "(3,)");
        Tensor[] parts = Tensor.arange(8).reshape(2, 4).split(2, 1);
        assertArrayEquals(new float[]{0, 1, 4, 5}, parts[0].toFloatArray());
        assertArrayEquals(new float[]{2, 3, 6, 7}, parts[1].toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m23().split(2, 1)), "split", "(2, 3)");
        assertArrayEquals(new float[]{1, 1, 2, 2}, Tensor.of(1f, 2f).repeat(2, 0).toFloatArray());
        assertArrayEquals(new float[]{1, 2, 1, 2, 3, 4, 3, 4}, Tensor.of(new float[]{1, 2, 3, 4}, 2, 2).repeat(2, 0)
                .toFloatArray());
        assertArrayEquals(new float[]{1, 2, 1, 2}, Tensor.of(1f, 2f).tile(2).toFloatArray());
        assertArrayEquals(new int[]{4, 6}, m23().tile(2, 2).shape());
        assertEquals(m23().get(1, 2), m23().tile(2, 2).get(3, 5));
    }

    // ------------------------------------------------------------------ arithmetic

    @Test
    void arithmeticBroadcasts() {
        Tensor t = m23();
        Tensor row = Tensor.of(10f, 20f, 30f);
        assertArrayEquals(new float[]{11, 22, 33, 14, 25, 36}, t.add(row).toFloatArray());
        assertArrayEquals(new float[]{-9, -18, -27, -6, -15, -24}, t.sub(row).toFloatArray());
        assertArrayEquals(new float[]{10, 40, 90, 40, 100, 180}, t.mul(row).toFloatArray());
        assertArrayEquals(new float[]{0.1f, 0.1f, 0.1f, 0.4f, 0.25f, 0.2f}, t.div(row).toFloatArray(), 1e-7f);
        Tensor col = Tensor.of(new float[]{1, 2}, 2, 1);
        assertArrayEquals(new float[]{2, 3, 4, 6, 7, 8}, t.add(col).toFloatArray());
        assertArrayEquals(new int[]{2, 2, 3}, t.add(Tensor.zeros(2, 1, 1)).shape());
        assertArrayEquals(new float[]{2, 3, 4, 5, 6, 7}, Tensor.scalar(1f).add(t).toFloatArray());
    }

    @Test
    void arithmeticErrorsNameTheOpAndBothShapes() {
        Tensor t = m23();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.add(Tensor.zeros(2))),
                "add:", "(2, 3)", "(2,)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.sub(Tensor.zeros(3, 3))),
                "subtract:", "(2, 3)", "(3, 3)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.mul(Tensor.zeros(4))),
                "multiply:", "(2, 3)", "(4,)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.div(Tensor.zeros(2, 2))),
                "divide:", "(2, 3)", "(2, 2)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.maximum(Tensor.zeros(5))),
                "maximum:", "(2, 3)", "(5,)");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> t.minimum(Tensor.zeros(5))),
                "minimum:", "(2, 3)", "(5,)");
    }

    @Test
    void maximumMinimum() {
        Tensor a = Tensor.of(1f, 5f, 3f), b = Tensor.of(2f, 4f, 3f);
        assertArrayEquals(new float[]{2, 5, 3}, a.maximum(b).toFloatArray());
        assertArrayEquals(new float[]{1, 4, 3}, a.minimum(b).toFloatArray());
        assertArrayEquals(new float[]{2, 5, 3}, a.maximum(2f).toFloatArray());
        assertArrayEquals(new float[]{1, 2, 2}, a.minimum(2f).toFloatArray());
        // ties: the gradient goes to this tensor
        Tensor x = Tensor.of(3f).requiresGrad(true), y = Tensor.of(3f).requiresGrad(true);
        x.maximum(y).sum().backward();
        assertEquals(1f, x.grad().item());
        assertEquals(0f, y.grad().item());
    }

    @Test
    void scalarArithmetic() {
        Tensor t = Tensor.of(1f, 2f, 4f);
        assertArrayEquals(new float[]{3, 4, 6}, t.add(2f).toFloatArray());
        assertArrayEquals(new float[]{-1, 0, 2}, t.sub(2f).toFloatArray());
        assertArrayEquals(new float[]{3, 6, 12}, t.mul(3f).toFloatArray());
        assertArrayEquals(new float[]{0.5f, 1, 2}, t.div(2f).toFloatArray());
        assertArrayEquals(new float[]{1f / 3, 2f / 3, 4f / 3}, t.div(3f).toFloatArray());
        assertArrayEquals(new float[]{4, 3, 1}, t.rsub(5f).toFloatArray());
        assertArrayEquals(new float[]{4, 2, 1}, t.rdiv(4f).toFloatArray());
        assertArrayEquals(new float[]{-1, -2, -4}, t.neg().toFloatArray());
    }

    @Test
    void unaryMath() {
        Tensor t = Tensor.of(1f, 4f, 9f);
        assertArrayEquals(new float[]{1, 8, 27}, Tensor.of(1f, 2f, 3f).pow(3f).toFloatArray());
        assertArrayEquals(new float[]{1, 2, 3}, t.pow(0.5f).toFloatArray());
        assertArrayEquals(new float[]{1, 16, 81}, t.square().toFloatArray());
        assertArrayEquals(new float[]{1, 2, 3}, t.sqrt().toFloatArray());
        assertArrayEquals(new float[]{1, 0.5f, 1f / 3}, t.rsqrt().toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{1, 0.25f, 1f / 9}, t.reciprocal().toFloatArray(), 1e-7f);
        assertEquals((float) Math.E, Tensor.of(1f).exp().item());
        assertEquals(0f, Tensor.of(1f).log().item());
        assertEquals((float) Math.log1p(1e-7), Tensor.of(1e-7f).log1p().item(), 1e-12f);
        assertEquals((float) Math.expm1(1e-7), Tensor.of(1e-7f).expm1().item(), 1e-12f);
        assertArrayEquals(new float[]{2, 0, 3}, Tensor.of(-2f, 0f, 3f).abs().toFloatArray());
        assertArrayEquals(new float[]{-1, 0, 1}, Tensor.of(-2f, 0f, 3f).sign().toFloatArray());
        assertEquals(0f, Tensor.of(0f).sin().item());
        assertEquals(1f, Tensor.of(0f).cos().item());
        assertArrayEquals(new float[]{-2, 1}, Tensor.of(-1.5f, 1.5f).floor().toFloatArray());
        assertArrayEquals(new float[]{-1, 2}, Tensor.of(-1.5f, 1.5f).ceil().toFloatArray());
        assertArrayEquals(new float[]{0, 2, 2, -2}, Tensor.of(0.5f, 1.5f, 2.5f, -1.5f).round().toFloatArray());
        assertTrue(Float.isNaN(Tensor.of(-1f).sqrt().item()));
    }

    @Test
    void clip() {
        assertArrayEquals(new float[]{0, 0.5f, 1}, Tensor.of(-1f, 0.5f, 2f).clip(0f, 1f).toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.of(1f).clip(1f, 0f)), "clip", "min 1.0");
        Tensor x = Tensor.of(-1f, 0.5f, 2f).requiresGrad(true);
        x.clip(0f, 1f).sum().backward();
        assertArrayEquals(new float[]{0, 1, 0}, x.grad().toFloatArray());
    }

    // ------------------------------------------------------------------ activations

    @Test
    void activations() {
        Tensor x = Tensor.of(-2f, 0f, 1.5f);
        assertArrayEquals(new float[]{0, 0, 1.5f}, x.relu().toFloatArray());
        assertArrayEquals(new float[]{-0.4f, 0, 1.5f}, x.leakyRelu().toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{-0.2f, 0, 1.5f}, x.leakyRelu(0.1f).toFloatArray(), 1e-7f);
        for (int i = 0; i < 3; i++) {
            double v = x.get(i);
            assertEquals(1 / (1 + Math.exp(-v)), x.sigmoid().get(i), 1e-6);
            assertEquals(Math.tanh(v), x.tanh().get(i), 1e-6);
            assertEquals(Math.log1p(Math.exp(v)), x.softplus().get(i), 1e-6);
            assertEquals(v > 0 ? v : Math.expm1(v), x.elu(1f).get(i), 1e-6);
            assertEquals(v > 0 ? 1.0507009873554805 * v : 1.0507009873554805 * 1.6732632423543772 * Math.expm1(v),
                    x.selu().get(i), 1e-6);
            assertEquals(v / (1 + Math.exp(-v)), x.swish().get(i), 1e-6);
            assertEquals(Math.min(1, Math.max(0, v / 6 + 0.5)), x.hardSigmoid().get(i), 1e-6);
            double approx = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
            assertEquals(approx, x.gelu(true).get(i), 1e-6);
        }
        // exact GELU: x * Phi(x); Phi(1.5) = 0.9331927987
        assertEquals(1.5 * 0.9331927987, x.gelu().get(2), 1e-6);
        assertEquals(-2 * 0.0227501319, x.gelu(false).get(0), 1e-6);
        assertArrayEquals(new float[]{1e4f}, Tensor.of(1e4f).softplus().toFloatArray());
        assertArrayEquals(new float[]{0f, 1f}, Tensor.of(-1e4f, 1e4f).sigmoid().toFloatArray());
    }

    @Test
    void softmaxAndLogSoftmax() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 1, 1, 1}, 2, 3);
        Tensor s = x.softmax();
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / z, s.get(0, 2), 1e-6);
        assertEquals(1 / 3.0, s.get(1, 0), 1e-6);
        assertEquals(Math.log(Math.exp(3) / z), x.logSoftmax().get(0, 2), 1e-6);
        Tensor s0 = x.softmax(0);
        assertEquals(1f, s0.get(0, 1) + s0.get(1, 1), 1e-6f);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(1)), s0.get(0, 0), 1e-6);
        assertArrayEquals(s0.log().toFloatArray(), x.logSoftmax(0).toFloatArray(), 1e-6f);
        Tensor big = Tensor.of(1000f, 0f);
        assertArrayEquals(new float[]{1, 0}, big.softmax().toFloatArray());
        assertArrayEquals(new float[]{0, -1000}, big.logSoftmax().toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1f).softmax()), "softmax");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> x.softmax(2)), "softmax: axis 2");
        assertArrayEquals(new int[]{0, 3}, Tensor.zeros(0, 3).softmax().shape());
    }

    // ------------------------------------------------------------------ reductions

    @Test
    void reductions() {
        Tensor t = m23();
        assertEquals(21f, t.sum().item());
        assertArrayEquals(new int[]{}, t.sum().shape());
        assertArrayEquals(new float[]{5, 7, 9}, t.sum(0).toFloatArray());
        assertArrayEquals(new float[]{6, 15}, t.sum(1, false).toFloatArray());
        assertArrayEquals(new int[]{2, 1}, t.sum(1, true).shape());
        assertArrayEquals(new float[]{21}, t.sum(new int[]{0, 1}, true).toFloatArray());
        assertEquals(3.5f, t.mean().item());
        assertArrayEquals(new float[]{2.5f, 3.5f, 4.5f}, t.mean(0).toFloatArray());
        assertArrayEquals(new float[]{2, 5}, t.mean(1, false).toFloatArray());
        assertEquals(3.5f, t.mean(new int[]{0, 1}, false).item());
        assertEquals(6f, t.max().item());
        assertArrayEquals(new float[]{3, 6}, t.max(1).toFloatArray());
        assertArrayEquals(new float[]{4, 5, 6}, t.max(0, false).toFloatArray());
        assertArrayEquals(new int[]{1, 1}, t.max(new int[]{0, 1}, true).shape());
        assertEquals(1f, t.min().item());
        assertArrayEquals(new float[]{1, 4}, t.min(1).toFloatArray());
        assertArrayEquals(new float[]{1, 2, 3}, t.min(0, false).toFloatArray());
        assertArrayEquals(new float[]{1}, t.min(new int[]{0, 1}, false).reshape(1).toFloatArray());
    }

    @Test
    void statistics() {
        Tensor t = m23();
        assertArrayEquals(new float[]{2.25f, 2.25f, 2.25f}, t.variance(0, false).toFloatArray());
        assertArrayEquals(new float[]{2f / 3, 2f / 3}, t.variance(1, false).toFloatArray(), 1e-6f);
        assertEquals(35f / 12, t.variance().item(), 1e-6f);
        assertEquals(35f / 12, t.variance(new int[]{0, 1}, false).item(), 1e-6f);
        assertArrayEquals(new float[]{1.5f, 1.5f, 1.5f}, t.std(0, false).toFloatArray());
        assertEquals(Math.sqrt(35.0 / 12), t.std().item(), 1e-6);
        assertArrayEquals(new int[]{1, 1}, t.std(new int[]{0, 1}, true).shape());
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), t.logSumExp(1, false).get(0), 1e-5);
        double all = 0;
        for (float v : t.toFloatArray()) {
            all += Math.exp(v);
        }
        assertEquals(Math.log(all), t.logSumExp().item(), 1e-5);
        assertArrayEquals(new int[]{2, 1}, t.logSumExp(new int[]{1}, true).shape());
        assertArrayEquals(new float[]{1, 2, 3, 5, 7, 9}, t.cumsum(0).toFloatArray());
    }

    @Test
    void argmaxAndArgmin() {
        Tensor t = Tensor.of(new float[]{3, 9, 1, 7, 2, 8}, 2, 3);
        assertArrayEquals(new float[]{1, 2}, t.argmax(-1).toFloatArray());
        assertArrayEquals(new float[]{1, 0, 1}, t.argmax(0).toFloatArray());
        assertArrayEquals(new float[]{2, 1}, t.argmin(1).toFloatArray());
        assertArrayEquals(new int[]{3}, t.argmin(0).shape());
    }

    // ------------------------------------------------------------------ linear algebra

    @Test
    void matmul() {
        Tensor a = m23(), b = Tensor.of(new float[]{1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new float[]{4, 5, 10, 11}, a.matmul(b).toFloatArray());
        assertArrayEquals(new float[]{4, 5, 10, 11}, a.matmul(b.transpose(), false, true).toFloatArray());
        assertArrayEquals(new float[]{4, 5, 10, 11}, a.transpose().matmul(b, true, false).toFloatArray());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> a.matmul(a)), "matmul", "(2, 3)");
    }

    // ------------------------------------------------------------------ comparisons

    @Test
    void comparisons() {
        Tensor a = Tensor.of(1f, 2f, 3f), b = Tensor.of(2f, 2f, 2f);
        assertArrayEquals(new float[]{0, 1, 0}, a.eq(b).toFloatArray());
        assertArrayEquals(new float[]{1, 0, 1}, a.ne(b).toFloatArray());
        assertArrayEquals(new float[]{0, 0, 1}, a.gt(b).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 1}, a.ge(b).toFloatArray());
        assertArrayEquals(new float[]{1, 0, 0}, a.lt(b).toFloatArray());
        assertArrayEquals(new float[]{1, 1, 0}, a.le(b).toFloatArray());
        assertArrayEquals(new float[]{0, 0, 1}, a.gt(2f).toFloatArray());
        assertArrayEquals(new float[]{1, 0, 0}, a.lt(2f).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 1}, a.ge(2f).toFloatArray());
        assertArrayEquals(new float[]{1, 1, 0}, a.le(2f).toFloatArray());
        assertArrayEquals(new float[]{0, 1, 0}, a.eq(2f).toFloatArray());
        assertArrayEquals(new int[]{2, 3}, m23().eq(a).shape());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> a.eq(Tensor.zeros(2))), "(3,)", "(2,)");
        assertFalse(a.requiresGrad(true).gt(b).requiresGrad(), "comparisons are not differentiable");
    }

    @Test
    void finitenessAndCloseness() {
        assertFalse(m23().hasNonFinite());
        assertTrue(Tensor.of(1f, Float.NaN).hasNonFinite());
        assertTrue(Tensor.of(Float.POSITIVE_INFINITY).hasNonFinite());
        Tensor a = Tensor.of(1f, 2f);
        assertTrue(a.allClose(Tensor.of(1f, 2.0000001f)));
        assertFalse(a.allClose(Tensor.of(1f, 2.1f)));
        assertTrue(a.allClose(Tensor.of(1f, 2.1f), 0.1f, 0f));
        assertFalse(a.allClose(Tensor.of(new float[]{1, 2}, 1, 2), 1f, 1f), "shapes must match");
        assertFalse(Tensor.of(Float.NaN).allClose(Tensor.of(Float.NaN), 1f, 1f));
    }

    // ------------------------------------------------------------------ text

    @Test
    void toStringOfWholeNumbers() {
        assertEquals("tensor([1., 2., 3.], shape=(3,))", Tensor.of(1f, 2f, 3f).toString());
        assertEquals("tensor([ 1., -2.], shape=(2,))", Tensor.of(1f, -2f).toString());
        assertEquals("tensor([[1., 2., 3.],\n        [4., 5., 6.]], shape=(2, 3))", m23().toString());
        assertEquals("tensor(2.5, shape=())", Tensor.scalar(2.5f).toString());
        assertEquals("tensor(0., shape=())", Tensor.scalar(0f).toString());
        assertEquals("tensor([-0.,  0.], shape=(2,))", Tensor.of(-0f, 0f).toString());
        assertEquals("tensor([], shape=(0, 3))", Tensor.zeros(0, 3).toString());
    }

    @Test
    void toStringOfFractions() {
        assertEquals("tensor([0.1 , 0.25], shape=(2,))", Tensor.of(0.1f, 0.25f).toString());
        assertEquals("tensor([-1.5 , 10.25,  3.  ], shape=(3,))", Tensor.of(-1.5f, 10.25f, 3f).toString());
        assertEquals("tensor([0.33333334], shape=(1,))", Tensor.of(1f / 3).toString());
        assertEquals("tensor([ nan,  1.5, -inf], shape=(3,))",
                Tensor.of(Float.NaN, 1.5f, Float.NEGATIVE_INFINITY).toString());
        assertEquals("tensor([nan, inf], shape=(2,))", Tensor.of(Float.NaN, Float.POSITIVE_INFINITY).toString());
    }

    @Test
    void toStringSwitchesToScientific() {
        assertEquals("tensor([1.e-05, 1.e+00], shape=(2,))", Tensor.of(1e-5f, 1f).toString());
        assertEquals("tensor([1.2345e-05, 1.0000e+00], shape=(2,))", Tensor.of(1.2345e-5f, 1f).toString());
        assertEquals("tensor([1.e+08, 1.e+00], shape=(2,))", Tensor.of(1e8f, 1f).toString());
        assertEquals("tensor([1.e+00, 5.e+03], shape=(2,))", Tensor.of(1f, 5000f).toString(), "range over 1000");
        assertEquals("tensor([   1., 1000.], shape=(2,))", Tensor.of(1f, 1000f).toString());
    }

    @Test
    void toStringWrapsLongRows() {
        assertEquals("tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9.,\n"
                + "        10., 11., 12., 13., 14., 15., 16., 17., 18., 19.,\n"
                + "        20., 21., 22., 23., 24., 25., 26., 27., 28., 29.], shape=(30,))",
                Tensor.arange(30).toString());
    }

    @Test
    void toStringSeparatesBlocksOfHigherRank() {
        assertEquals("tensor([[[ 0.,  1.],\n         [ 2.,  3.]],\n\n        [[ 4.,  5.],\n         [ 6.,  7.]],\n\n"
                + "        [[ 8.,  9.],\n         [10., 11.]]], shape=(3, 2, 2))", Tensor.arange(12).reshape(3, 2, 2).toString());
    }

    @Test
    void toStringSummarisesLargeTensors() {
        assertEquals("tensor([1000., 1001., 1002., ..., 1998., 1999., 2000.], shape=(1001,))",
                Tensor.arange(1000, 2001).toString());
        assertEquals("tensor([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03,\n        1.998e+03, 1.999e+03], shape=(2000,))",
                Tensor.arange(2000).toString());
        String m = Tensor.arange(1000, 3000).reshape(40, 50).toString();
        assertTrue(m.startsWith("tensor([[1000., 1001., 1002., ..., 1047., 1048., 1049.],\n"
                + "        [1050., 1051., 1052., ..., 1097., 1098., 1099.],\n"), m);
        assertTrue(m.contains("        ...,\n        [2850., "), m);
        assertTrue(m.endsWith("[2950., 2951., 2952., ..., 2997., 2998., 2999.]], shape=(40, 50))"), m);
        assertEquals(1000 + 1, Tensor.arange(1001).size());
        assertFalse(Tensor.arange(1000).toString().contains("..."), "1000 elements are printed whole");
    }
}
