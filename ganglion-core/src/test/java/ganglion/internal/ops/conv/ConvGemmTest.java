package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.kernels.Parallel;
import org.junit.jupiter.api.Test;

import static ganglion.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chunked im2col path against direct loops, thread-count independence, geometry and errors. */
class ConvGemmTest {

    /** Direct-loop convolution in double: the definition. */
    private static double[] naive(ConvGeometry g, float[] x, float[] w) {
        double[] y = new double[g.n * g.outH * g.outW * g.outC];
        for (int b = 0; b < g.n; b++) {
            for (int oy = 0; oy < g.outH; oy++) {
                for (int ox = 0; ox < g.outW; ox++) {
                    for (int ky = 0; ky < g.kh; ky++) {
                        int iy = oy * g.sh - g.padTop + ky * g.dh;
                        for (int kx = 0; kx < g.kw; kx++) {
                            int ix = ox * g.sw - g.padLeft + kx * g.dw;
                            if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
                                continue;
                            }
                            for (int c = 0; c < g.inC; c++) {
                                double xv = x[((b * g.inH + iy) * g.inW + ix) * g.inC + c];
                                for (int o = 0; o < g.outC; o++) {
                                    y[((b * g.outH + oy) * g.outW + ox) * g.outC + o]
                                            += xv * w[((ky * g.kw + kx) * g.inC + c) * g.outC + o];
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    @Test
    void chunkedBatchMatchesDirectLoops() {
        // 9 samples of 32x32x64 under a 3x3 kernel: the im2col matrix (9*1024*576 floats) needs 2 chunks.
        int[] xs = {9, 32, 32, 64};
        ConvGeometry g = ConvGeometry.of(xs, 3, 3, 3, 1, 1, 1, 1, true, "test");
        assertTrue(ConvGemm.chunkSamples(g) < g.n, "expected several chunks");
        float[] x = uniform(1, xs).buffer(), w = uniform(2, 3, 3, 64, 3).buffer();
        Tensor y = ConvOps.conv2d(Tensor.wrap(x, xs), Tensor.wrap(w, 3, 3, 64, 3), null, 1, 1, 1, 1, true);
        double[] ref = naive(g, x, w);
        float[] yd = y.buffer();
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], yd[i], 1e-4 * Math.max(1, Math.abs(ref[i])), "element " + i);
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        int before = Parallel.threads();
        try {
            float[][] one = step(1);
            float[][] many = step(Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < one.length; i++) {
                assertArrayEquals(one[i], many[i], "output " + i + " differs between thread counts");
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Forward and backward of conv, pooling and batch norm on 1 or n threads: output and all gradients. */
    private static float[][] step(int threads) {
        Parallel.setThreads(threads);
        Tensor x = uniform(3, 16, 13, 11, 5).requiresGrad(true);
        Tensor k = uniform(4, 3, 3, 5, 8).requiresGrad(true);
        Tensor b = uniform(5, 8).requiresGrad(true);
        Tensor y = ConvOps.conv2d(x, k, b, 2, 2, 1, 1, true);
        y = ConvOps.batchNormTraining(y, null, null, 1e-3f).output();
        y = ConvOps.maxPool2d(y, 2, 2, 2, 2, true);
        Tensor t = ConvOps.conv2dTranspose(y, uniform(6, 3, 3, 4, 8), null, 2, 2, 1, 1, true);
        t = ConvOps.avgPool2d(t, 3, 3, 1, 1, true);
        t = ConvOps.depthwiseConv2d(t, uniform(8, 3, 3, 4, 2), null, 1, 1, 1, 1, true);
        t.backward(uniform(9, t.shape()));
        return new float[][]{t.toFloatArray(), x.grad().toFloatArray(), k.grad().toFloatArray(), b.grad().toFloatArray()};
    }

    @Test
    void samePaddingPutsTheOddCellAfter() {
        // n=8, k=3, s=2: out 4, total padding 1 -> 0 before, 1 after
        ConvGeometry g = ConvGeometry.of(new int[]{1, 8, 7, 1}, 3, 4, 1, 2, 1, 1, 1, true, "test");
        assertEquals(4, g.outH);
        assertEquals(0, g.padTop);
        assertEquals(7, g.outW);
        assertEquals(1, g.padLeft); // k=4, s=1: total 3 -> 1 before, 2 after
        ConvGeometry v = ConvGeometry.of(new int[]{1, 28, 28, 1}, 3, 3, 32, 1, 1, 1, 1, false, "test");
        assertEquals(26, v.outH);
        ConvGeometry d = ConvGeometry.of(new int[]{1, 9, 9, 1}, 3, 3, 1, 2, 2, 2, 2, false, "test");
        assertEquals(3, d.outH); // floor((9 - 5) / 2) + 1
    }

    @Test
    void clearErrors() {
        Tensor x = Tensor.zeros(1, 4, 4, 2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.conv2d(x, Tensor.zeros(5, 5, 2, 3), null, 1, 1, 1, 1, false));
        assertTrue(e.getMessage().contains("larger than the 4x4 input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.conv2d(Tensor.zeros(2, 784), Tensor.zeros(3, 3, 1, 3), null, 1, 1, 1, 1, false));
        assertTrue(e.getMessage().contains("expects 4-D input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.conv2d(x, Tensor.zeros(3, 3, 1, 3), null, 1, 1, 1, 1, false));
        assertTrue(e.getMessage().contains("input channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.maxPool2d(x, 5, 5, 5, 5, false));
        assertTrue(e.getMessage().contains("max_pool2d"), e.getMessage());
    }
}
