package ganglion.internal.ops.conv;

import ganglion.internal.kernels.Parallel;
import org.junit.jupiter.api.Test;

import static ganglion.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Winograd forward pass against direct loops in double (odd and even sizes, both paddings, several chunks, bias
 * and fused ReLU), its independence from the thread count, and when it is chosen.
 */
class WinogradConvTest {

    private static double[] naive(ConvGeometry g, float[] x, float[] w, float[] bias, boolean relu) {
        double[] y = new double[g.n * g.outH * g.outW * g.outC];
        for (int b = 0; b < g.n; b++) {
            for (int oy = 0; oy < g.outH; oy++) {
                for (int ox = 0; ox < g.outW; ox++) {
                    for (int o = 0; o < g.outC; o++) {
                        double s = bias == null ? 0 : bias[o];
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = oy - g.padTop + ky, ix = ox - g.padLeft + kx;
                                if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
                                    continue;
                                }
                                for (int c = 0; c < g.inC; c++) {
                                    s += (double) x[((b * g.inH + iy) * g.inW + ix) * g.inC + c]
                                            * w[((ky * 3 + kx) * g.inC + c) * g.outC + o];
                                }
                            }
                        }
                        y[((b * g.outH + oy) * g.outW + ox) * g.outC + o] = relu ? Math.max(0, s) : s;
                    }
                }
            }
        }
        return y;
    }

    private static void check(int n, int h, int w, int in, int out, boolean same, boolean withBias, boolean relu) {
        ConvGeometry g = ConvGeometry.of(new int[]{n, h, w, in}, 3, 3, out, 1, 1, 1, 1, same, "test");
        assertTrue(WinogradConv.pays(g), "expected the Winograd path for " + n + "x" + h + "x" + w + "x" + in);
        float[] x = uniform(h * 31 + w, n, h, w, in).buffer(), k = uniform(in * 7 + out, 3, 3, in, out).buffer();
        float[] bias = withBias ? uniform(5, out).buffer() : null;
        float[] y = new float[n * g.outH * g.outW * out];
        ConvGemm.forward(g, x, k, bias, y, false, relu);
        double[] ref = naive(g, x, k, bias, relu);
        double scale = Math.sqrt(9.0 * in);   // typical magnitude of an output
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], y[i], 2e-6 * scale, "element " + i + " of " + n + "x" + h + "x" + w + "x" + in
                    + " -> " + out + (same ? " same" : " valid"));
        }
    }

    @Test
    void matchesDirectLoops() {
        check(2, 8, 8, 32, 32, true, true, false);
        check(3, 7, 9, 33, 40, true, false, true);      // odd sizes: cut edge tiles, channel tails
        check(2, 9, 6, 48, 35, false, true, true);      // valid padding
        check(1, 2, 2, 64, 32, true, true, false);      // one tile, all of it padding but the centre
        check(2, 4, 4, 512, 64, true, true, true);      // deep: a long GEMM
    }

    @Test
    void severalChunksMatchDirectLoops() {
        ConvGeometry g = ConvGeometry.of(new int[]{5, 32, 32, 64}, 3, 3, 64, 1, 1, 1, 1, true, "test");
        int tiles = g.n * WinogradConv.tilesH(g) * WinogradConv.tilesW(g);
        assertTrue(WinogradConv.chunkTiles(g, tiles) < tiles, "expected several chunks");
        check(5, 32, 32, 64, 64, true, true, true);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        int before = Parallel.threads();
        try {
            ConvGeometry g = ConvGeometry.of(new int[]{5, 12, 10, 40}, 3, 3, 48, 1, 1, 1, 1, true, "test");
            float[] x = uniform(1, 5, 12, 10, 40).buffer(), k = uniform(2, 3, 3, 40, 48).buffer();
            float[] bias = uniform(3, 48).buffer();
            float[] one = new float[5 * 12 * 10 * 48], many = new float[one.length];
            Parallel.setThreads(1);
            ConvGemm.forward(g, x, k, bias, one, false, true);
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
            ConvGemm.forward(g, x, k, bias, many, false, true);
            assertArrayEquals(one, many);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void chosenOnlyWhereItPays() {
        assertTrue(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 64}, 3, 3, 64, 1, 1, 1, 1, true, "t")));
        // few channels, strides, dilation, other kernel sizes: im2col
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 3}, 3, 3, 64, 1, 1, 1, 1, true, "t")));
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 64}, 3, 3, 16, 1, 1, 1, 1, true, "t")));
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 64}, 3, 3, 64, 2, 2, 1, 1, true, "t")));
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 64}, 3, 3, 64, 1, 1, 2, 2, true, "t")));
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 32, 32, 64}, 5, 5, 64, 1, 1, 1, 1, true, "t")));
        // a 1x1 output wastes 3/4 of its tile: im2col
        assertFalse(WinogradConv.pays(ConvGeometry.of(new int[]{1, 3, 3, 64}, 3, 3, 64, 1, 1, 1, 1, false, "t")));
    }
}
