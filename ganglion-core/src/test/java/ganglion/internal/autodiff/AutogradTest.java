package ganglion.internal.autodiff;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tape: grad modes, graph walking, gradient ownership and release. */
class AutogradTest {

    private static Tensor leaf(float... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = leaf(1, 2);
        try (var s = Autograd.noGrad()) {
            assertFalse(Autograd.isEnabled());
            Tensor y = x.mul(x).add(1f).sum();
            assertNull(y.gradFn());
            assertFalse(y.requiresGrad());
        }
        assertTrue(Autograd.isEnabled());
        assertNotNull(x.mul(x).gradFn());
    }

    @Test
    void scopesNestAndCloseOnce() {
        var outer = Autograd.noGrad();
        var inner = Autograd.noGrad();
        inner.close();
        inner.close(); // a second close must not re-enable recording early
        assertFalse(Autograd.isEnabled());
        try (var e = Autograd.enableGrad()) {
            assertTrue(Autograd.isEnabled());
            assertNotNull(leaf(1).mul(2f).gradFn());
        }
        assertFalse(Autograd.isEnabled());
        outer.close();
        outer.close();
        assertTrue(Autograd.isEnabled());
    }

    @Test
    void noGradIsPerThread() throws Exception {
        try (var s = Autograd.noGrad()) {
            boolean[] other = new boolean[1];
            Thread t = new Thread(() -> other[0] = Autograd.isEnabled());
            t.start();
            t.join();
            assertTrue(other[0]);
        }
    }

    @Test
    void needsGrad() {
        Tensor c = Tensor.of(1f), x = leaf(1);
        assertFalse(Autograd.needsGrad(c));
        assertTrue(Autograd.needsGrad(x));
        assertTrue(Autograd.needsGrad(c, x));
        assertTrue(Autograd.needsGrad(c, c, x));
        assertFalse(Autograd.needsGrad(c, c));
        try (var s = Autograd.noGrad()) {
            assertFalse(Autograd.needsGrad(x));
            assertFalse(Autograd.needsGrad(c, c, x));
        }
    }

    @Test
    void tensorUsedTwice() {
        Tensor x = leaf(2, 3);
        // y = x*x + x  =>  dy/dx = 2x + 1
        x.mul(x).add(x).sum().backward();
        assertArrayEquals(new float[]{5, 7}, x.grad().toFloatArray());
    }

    @Test
    void diamondGraph() {
        Tensor x = leaf(0.5f, -1f);
        Tensor a = x.exp();
        Tensor b = a.mul(a);          // e^2x
        Tensor c = a.add(b).sum();    // d/dx = e^x + 2 e^2x
        c.backward();
        for (int i = 0; i < 2; i++) {
            double v = x.get(i);
            assertEquals(Math.exp(v) + 2 * Math.exp(2 * v), x.grad().get(i), 1e-5);
        }
    }

    @Test
    void backwardFromALeafSeedsOnes() {
        Tensor x = leaf(1, 2, 3);
        x.backward();
        assertArrayEquals(new float[]{1, 1, 1}, x.grad().toFloatArray());
    }

    @Test
    void backwardWithAGivenGradient() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(2f);
        y.backward(Tensor.of(1f, 10f, 100f));
        assertArrayEquals(new float[]{2, 20, 200}, x.grad().toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> x.mul(2f).backward(Tensor.of(1f, 2f)));
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
    }

    @Test
    void backwardOnAConstantFails() {
        var e = assertThrows(IllegalStateException.class, () -> Tensor.of(1f, 2f).sum().backward());
        assertTrue(e.getMessage().contains("requiresGrad"), e.getMessage());
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        Tensor x = leaf(1, 2);
        x.mul(3f).sum().backward();
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[]{6, 6}, x.grad().toFloatArray());
        float[] buffer = x.gradBufferOrNull();
        x.zeroGrad();
        assertSame(buffer, x.gradBufferOrNull(), "zeroGrad keeps the buffer");
        assertArrayEquals(new float[]{0, 0}, x.grad().toFloatArray());
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[]{3, 3}, x.grad().toFloatArray());
    }

    @Test
    void intermediateGradientsAreReleased() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2f);
        Tensor z = y.exp();
        z.sum().backward();
        assertNull(y.grad());
        assertNull(z.grad());
        assertNotNull(x.grad());
    }

    @Test
    void retainGradKeepsAnIntermediateGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2f).retainGrad();
        assertTrue(y.retainsGrad());
        y.square().sum().backward();
        assertArrayEquals(new float[]{4, 8}, y.grad().toFloatArray());   // 2y
        assertArrayEquals(new float[]{8, 16}, x.grad().toFloatArray());  // 2y * 2
    }

    @Test
    void detachStopsTheGradient() {
        Tensor x = leaf(1, 2);
        Tensor d = x.mul(3f).detach();
        assertFalse(d.requiresGrad());
        assertNull(d.gradFn());
        x.mul(d).sum().backward();   // d is a constant: gradient 3x
        assertArrayEquals(new float[]{3, 6}, x.grad().toFloatArray());
    }

    @Test
    void noTwoTensorsShareAGradientArray() {
        // a + b with equal shapes: a may adopt the output's gradient array, b must get its own.
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor s = a.add(b).retainGrad();
        s.sum().backward();
        assertNotSame(a.gradBufferOrNull(), b.gradBufferOrNull());
        assertNotSame(a.gradBufferOrNull(), s.gradBufferOrNull(), "a retained output keeps its own gradient");
        a.gradBufferOrNull()[0] = 100f;
        assertEquals(1f, b.grad().get(0));
        assertEquals(1f, s.grad().get(0));
        // reshape and add-scalar hand the gradient straight to their input
        Tensor x = leaf(1, 2, 3, 4);
        Tensor r = x.reshape(2, 2).retainGrad();
        Tensor q = r.add(1f).retainGrad();
        q.sum().backward();
        assertNotSame(x.gradBufferOrNull(), r.gradBufferOrNull());
        assertNotSame(r.gradBufferOrNull(), q.gradBufferOrNull());
    }

    @Test
    void accumulateTakesOwnershipButCopiesAnOwnedArray() {
        Tensor x = leaf(1, 2), y = leaf(3, 4);
        Tensor out = x.add(y);
        // a custom op that (wrongly) hands one array to two inputs is made safe by the tape
        Tensor bad = Tensor.fromOp(new float[2], new int[]{2}, new Node(x, y) {
            @Override
            public void backward(Tensor o, float[] g) {
                float[] shared = g.clone();
                accumulate(x, shared);
                accumulate(y, shared);
            }
        });
        bad.sum().backward();
        assertNotSame(x.gradBufferOrNull(), y.gradBufferOrNull());
        assertNotNull(out);
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 20000; i++) {
            y = y.add(0f);
        }
        y.sum().backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void requiresGradFalseOnAComputedTensorFails() {
        Tensor y = leaf(1).mul(2f);
        assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
    }

    @Test
    void gradCheckCatchesAWrongGradient() {
        assertThrows(AssertionFailedError.class, () -> GradCheck.check(in -> {
            Tensor x = in.get(0);
            float[] out = x.toFloatArray();
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * out[i];
            }
            return Tensor.fromOp(out, x.shape(), new Node(x) {
                @Override
                public void backward(Tensor o, float[] g) {
                    accumulate(x, g.clone()); // wrong: should be 2x * g
                }
            });
        }, Tensor.of(1f, 2f)));
    }

    @Test
    void nodeNamesTheOp() {
        assertEquals("multiply", leaf(1).mul(leaf(2)).gradFn().name());
        assertEquals("matmul", Tensor.ones(2, 2).requiresGrad(true).matmul(Tensor.ones(2, 2)).gradFn().toString());
    }
}
