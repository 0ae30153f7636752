package ganglion.internal.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Winograd F(2x2, 3x3) transforms: each one against its matrix definition, the whole chain against a direct 3x3
 * cross-correlation, and the vector kernels bit for bit against the scalar ones (channel counts with and without a
 * scalar tail, edge tiles cut to 1 row or column).
 */
class WinogradKernelsTest {

    private static final double[][] BT = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
    private static final double[][] G = {{1, 0, 0}, {.5, .5, .5}, {.5, -.5, .5}, {0, 0, 1}};
    private static final double[][] AT = {{1, 1, 1, 0}, {0, 1, -1, -1}};

    @Test
    void chainEqualsDirectCorrelation() {
        int ch = 5, out = 3;
        float[] d = KernelTesting.random(16 * ch, 1);      // 4x4 pixels of ch channels
        float[] w = KernelTesting.random(9 * ch * out, 2); // (3, 3, ch, out)
        Kernels k = new ScalarKernels();
        float[] v = new float[16 * ch];
        k.winogradInputTile(d, 0, 4 * ch, ch, v, 0, ch);
        float[] u = new float[16 * ch * out];
        for (int c = 0; c < ch; c++) {
            k.winogradKernelTile(w, c * out, ch * out, out, u, c * out, ch * out);
        }
        float[] m = new float[16 * out];
        for (int p = 0; p < 16; p++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int c = 0; c < ch; c++) {
                    s += v[p * ch + c] * u[p * ch * out + c * out + o];
                }
                m[p * out + o] = (float) s;
            }
        }
        float[] bias = {0.25f, -0.5f, 1f};
        float[] y = new float[4 * out];
        k.winogradOutputTile(m, 0, out, out, bias, false, y, 0, 2 * out, 2, 2);
        for (int oy = 0; oy < 2; oy++) {
            for (int ox = 0; ox < 2; ox++) {
                for (int o = 0; o < out; o++) {
                    double s = bias[o];
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            for (int c = 0; c < ch; c++) {
                                s += d[((oy + ky) * 4 + ox + kx) * ch + c] * w[((ky * 3 + kx) * ch + c) * out + o];
                            }
                        }
                    }
                    assertEquals(s, y[(oy * 2 + ox) * out + o], 1e-5, "y(" + oy + "," + ox + "," + o + ")");
                }
            }
        }
    }

    @Test
    void transformsMatchTheirMatrices() {
        float[] d = KernelTesting.random(16, 3);
        float[] v = new float[16];
        new ScalarKernels().winogradInputTile(d, 0, 4, 1, v, 0, 1);
        double[][] dm = new double[4][4];
        for (int i = 0; i < 16; i++) {
            dm[i / 4][i % 4] = d[i];
        }
        double[][] expect = mul(mul(BT, dm), transpose(BT));
        for (int i = 0; i < 16; i++) {
            assertEquals(expect[i / 4][i % 4], v[i], 1e-6);
        }
        float[] g = KernelTesting.random(9, 4);
        float[] u = new float[16];
        new ScalarKernels().winogradKernelTile(g, 0, 1, 1, u, 0, 1);
        double[][] gm = new double[3][3];
        for (int i = 0; i < 9; i++) {
            gm[i / 3][i % 3] = g[i];
        }
        double[][] ue = mul(mul(G, gm), transpose(G));
        for (int i = 0; i < 16; i++) {
            assertEquals(ue[i / 4][i % 4], u[i], 1e-6);
        }
        float[] mm = KernelTesting.random(16, 5);
        float[] y = new float[4];
        new ScalarKernels().winogradOutputTile(mm, 0, 1, 1, null, false, y, 0, 2, 2, 2);
        double[][] m4 = new double[4][4];
        for (int i = 0; i < 16; i++) {
            m4[i / 4][i % 4] = mm[i];
        }
        double[][] ye = mul(mul(AT, m4), transpose(AT));
        for (int i = 0; i < 4; i++) {
            assertEquals(ye[i / 2][i % 2], y[i], 1e-6);
        }
    }

    @Test
    void vectorKernelsGiveTheScalarBits() {
        Kernels scalar = KernelTesting.impl(KernelTesting.SCALAR);
        Kernels vector = KernelTesting.impl(KernelTesting.VECTOR);
        for (int ch : new int[]{1, 7, 16, 37, 64}) {
            float[] src = KernelTesting.random(5 * 6 * ch, ch);
            float[] a = new float[16 * ch + 3], b = new float[16 * ch + 3];
            scalar.winogradInputTile(src, ch + 1, 6 * ch, ch, a, 3, ch);
            vector.winogradInputTile(src, ch + 1, 6 * ch, ch, b, 3, ch);
            assertArrayEquals(a, b, "input transform, " + ch + " channels");

            float[] w = KernelTesting.random(9 * 2 * ch, ch + 100);
            float[] ua = new float[16 * 2 * ch + 2], ub = new float[16 * 2 * ch + 2];
            scalar.winogradKernelTile(w, 1, 2 * ch, ch, ua, 2, 2 * ch);
            vector.winogradKernelTile(w, 1, 2 * ch, ch, ub, 2, 2 * ch);
            assertArrayEquals(ua, ub, "kernel transform, " + ch + " filters");

            float[] m = KernelTesting.random(16 * ch + 2, ch + 200);
            float[] bias = KernelTesting.random(ch, ch + 300);
            for (int rows = 1; rows <= 2; rows++) {
                for (int cols = 1; cols <= 2; cols++) {
                    for (boolean relu : new boolean[]{false, true}) {
                        float[] ya = new float[8 * ch + 1], yb = new float[8 * ch + 1];
                        scalar.winogradOutputTile(m, 2, ch, ch, relu ? bias : null, relu, ya, 1, 3 * ch, rows, cols);
                        vector.winogradOutputTile(m, 2, ch, ch, relu ? bias : null, relu, yb, 1, 3 * ch, rows, cols);
                        assertArrayEquals(ya, yb, "output transform, " + ch + " channels, " + rows + "x" + cols
                                + (relu ? ", bias and relu" : ""));
                    }
                }
            }
        }
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int p = 0; p < b.length; p++) {
                    c[i][j] += a[i][p] * b[p][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
