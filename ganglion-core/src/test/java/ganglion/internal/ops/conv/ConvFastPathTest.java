package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The training fast paths of the seed CNNs: the relu-fused convolution against conv2d followed by relu, the
 * 2x2/stride-2 max pooling against a plain loop (ties, odd sizes), and the bytes a conv training step allocates.
 */
class ConvFastPathTest {

    private static float[] grads(boolean fused, Tensor x, Tensor k, Tensor b, Tensor seed) {
        x.setGradBuffer(null);
        k.setGradBuffer(null);
        b.setGradBuffer(null);
        Tensor y = fused ? ConvOps.conv2dRelu(x, k, b, 1, 1, 1, 1, true)
                : ConvOps.conv2d(x, k, b, 1, 1, 1, 1, true).relu();
        y.backward(seed);
        float[] all = new float[(int) y.size() + x.gradBufferOrNull().length + k.gradBufferOrNull().length
                + b.gradBufferOrNull().length];
        int o = 0;
        for (float[] part : new float[][]{y.buffer(), x.gradBufferOrNull(), k.gradBufferOrNull(),
                b.gradBufferOrNull()}) {
            System.arraycopy(part, 0, all, o, part.length);
            o += part.length;
        }
        return all;
    }

    @Test
    void reluFusedConvEqualsConvThenRelu() {
        Tensor x = GradCheck.uniform(1, 3, 7, 6, 4).requiresGrad(true);
        Tensor k = GradCheck.uniform(2, 3, 3, 4, 5).requiresGrad(true);
        Tensor b = GradCheck.uniform(3, 5).requiresGrad(true);
        Tensor seed = GradCheck.uniform(4, 3, 7, 6, 5);
        assertArrayEquals(grads(false, x, k, b, seed), grads(true, x, k, b, seed));
    }

    @Test
    void reluFusedConvPassesGradCheck() {
        Tensor x = GradCheck.uniform(5, 2, 5, 5, 2).requiresGrad(true);
        Tensor k = GradCheck.uniform(6, 3, 3, 2, 3).requiresGrad(true);
        Tensor b = GradCheck.uniform(7, 3).requiresGrad(true);
        GradCheck.check(in -> ConvOps.conv2dRelu(in.get(0), in.get(1), in.get(2), 1, 1, 1, 1, false), x, k, b);
    }

    /** Max pooling 2x2 stride 2 "valid" by a plain loop: value and the cell (first maximum) that gets dY. */
    private static float[][] naivePool(float[] x, float[] gy, int n, int h, int w, int c) {
        int oh = h / 2, ow = w / 2;
        float[] y = new float[n * oh * ow * c], gx = new float[x.length];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int ch = 0; ch < c; ch++) {
                        int best = -1;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                int at = ((b * h + 2 * i + dy) * w + 2 * j + dx) * c + ch;
                                if (best < 0 || x[at] > x[best]) {
                                    best = at;
                                }
                            }
                        }
                        int o = ((b * oh + i) * ow + j) * c + ch;
                        y[o] = x[best];
                        gx[best] += gy[o];
                    }
                }
            }
        }
        return new float[][]{y, gx};
    }

    @Test
    void maxPool2x2MatchesPlainLoopWithTiesAndOddSizes() {
        int n = 2, h = 7, w = 9, c = 5;
        Tensor x = GradCheck.uniform(8, n, h, w, c);
        float[] xd = x.buffer();
        for (int i = 0; i < xd.length; i += 3) {
            xd[i] = Math.round(xd[i] * 2) / 2f; // many ties
        }
        java.util.Arrays.fill(xd, 0, 2 * c, 0.25f); // a whole tied window row
        x.requiresGrad(true);
        Tensor gy = GradCheck.uniform(9, n, h / 2, w / 2, c);
        float[][] want = naivePool(xd, gy.buffer(), n, h, w, c);
        Tensor y = ConvOps.maxPool2d(x, 2, 2, 2, 2, false);
        y.backward(gy);
        assertArrayEquals(want[0], y.buffer());
        assertArrayEquals(want[1], x.gradBufferOrNull());
        // Inference (no graph) takes the same values.
        assertArrayEquals(want[0], ConvOps.maxPool2d(x.detach(), 2, 2, 2, 2, false).buffer());
    }

    @Test
    void convTrainingStepAllocatesOnlyItsOutputAndGradients() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                && t.isThreadAllocatedMemoryEnabled());
        var sun = (com.sun.management.ThreadMXBean) bean;
        int n = 16, h = 13, w = 13, c = 16, f = 32;
        Tensor x = GradCheck.uniform(10, n, h, w, c).requiresGrad(true);
        Tensor k = GradCheck.uniform(11, 3, 3, c, f).requiresGrad(true);
        Tensor b = GradCheck.uniform(12, f).requiresGrad(true);
        Tensor seed = GradCheck.uniform(13, n, h - 2, w - 2, f);
        long outputAndGrads = 4L * (seed.size() + x.size() + k.size() + b.size());
        // The im2col matrix alone would be 4 * n * 11 * 11 * 144 bytes, larger than all of the above.
        long budget = 2 * outputAndGrads + 64 * 1024; // output, its seed's copy, gradients, graph
        long best = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (best > budget && System.nanoTime() < deadline) {
            long before = sun.getThreadAllocatedBytes(Thread.currentThread().getId());
            x.setGradBuffer(null);
            k.setGradBuffer(null);
            b.setGradBuffer(null);
            ConvOps.conv2dRelu(x, k, b, 1, 1, 1, 1, false).backward(seed);
            best = Math.min(best, sun.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        }
        assertTrue(best <= budget, "a conv training step allocated " + best + " bytes; budget " + budget);
        assertTrue(4L * n * 11 * 11 * 144 > budget, "the budget must be below one im2col matrix");
    }
}
