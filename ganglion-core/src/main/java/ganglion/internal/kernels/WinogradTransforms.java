package ganglion.internal.kernels;

/**
 * The three transforms of Winograd's minimal filtering algorithm F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for
 * Convolutional Neural Networks", 2016), channel by channel, in plain loops: the scalar form of
 * {@link Kernels#winogradInputTile}, {@link Kernels#winogradKernelTile} and {@link Kernels#winogradOutputTile}.
 * The vector kernels compute the same expressions in the same order, so both give the same bits.
 *
 * <p>With d a 4x4 input tile, g a 3x3 kernel and the matrices
 * <pre>
 *   Bᵀ = | 1  0 -1  0 |     G = | 1    0    0   |     Aᵀ = | 1  1  1  0 |
 *        | 0  1  1  0 |         | 1/2  1/2  1/2 |          | 0  1 -1 -1 |
 *        | 0 -1  1  0 |         | 1/2 -1/2  1/2 |
 *        | 0  1  0 -1 |         | 0    0    1   |
 * </pre>
 * the 2x2 output tile of the cross-correlation is {@code Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A}: 16 multiplications instead of
 * 36. Summed over input channels, the element-wise products become 16 matrix products, one per tile position.
 */
public final class WinogradTransforms {

    private WinogradTransforms() {
    }

    /**
     * {@link Kernels#winogradInputTile} for channels [0, count) of pixels {@code pixelStride} floats apart (the
     * vector kernels pass their tail here).
     */
    public static void input(float[] src, int off, int rowStride, int pixelStride, int count, float[] v, int vOff,
                             int vStride) {
        int c0 = pixelStride, r1 = rowStride, r2 = 2 * rowStride, r3 = 3 * rowStride;
        for (int ch = 0; ch < count; ch++) {
            int o = off + ch;
            // rows combined: t[i][col] = (Bᵀ d)[i][col]
            float t00 = src[o] - src[o + r2], t01 = src[o + c0] - src[o + r2 + c0];
            float t02 = src[o + 2 * c0] - src[o + r2 + 2 * c0], t03 = src[o + 3 * c0] - src[o + r2 + 3 * c0];
            float t10 = src[o + r1] + src[o + r2], t11 = src[o + r1 + c0] + src[o + r2 + c0];
            float t12 = src[o + r1 + 2 * c0] + src[o + r2 + 2 * c0], t13 = src[o + r1 + 3 * c0] + src[o + r2 + 3 * c0];
            float t20 = src[o + r2] - src[o + r1], t21 = src[o + r2 + c0] - src[o + r1 + c0];
            float t22 = src[o + r2 + 2 * c0] - src[o + r1 + 2 * c0], t23 = src[o + r2 + 3 * c0] - src[o + r1 + 3 * c0];
            float t30 = src[o + r1] - src[o + r3], t31 = src[o + r1 + c0] - src[o + r3 + c0];
            float t32 = src[o + r1 + 2 * c0] - src[o + r3 + 2 * c0], t33 = src[o + r1 + 3 * c0] - src[o + r3 + 3 * c0];
            // then columns: V[i][j] = (t B)[i][j]
            int w = vOff + ch;
            v[w] = t00 - t02;
            v[w + vStride] = t01 + t02;
            v[w + 2 * vStride] = t02 - t01;
            v[w + 3 * vStride] = t01 - t03;
            v[w + 4 * vStride] = t10 - t12;
            v[w + 5 * vStride] = t11 + t12;
            v[w + 6 * vStride] = t12 - t11;
            v[w + 7 * vStride] = t11 - t13;
            v[w + 8 * vStride] = t20 - t22;
            v[w + 9 * vStride] = t21 + t22;
            v[w + 10 * vStride] = t22 - t21;
            v[w + 11 * vStride] = t21 - t23;
            v[w + 12 * vStride] = t30 - t32;
            v[w + 13 * vStride] = t31 + t32;
            v[w + 14 * vStride] = t32 - t31;
            v[w + 15 * vStride] = t31 - t33;
        }
    }

    /** {@link Kernels#winogradKernelTile}. */
    public static void kernel(float[] w, int wOff, int tapStride, int count, float[] u, int uOff, int uStride) {
        for (int j = 0; j < count; j++) {
            int o = wOff + j;
            float g00 = w[o], g01 = w[o + tapStride], g02 = w[o + 2 * tapStride];
            float g10 = w[o + 3 * tapStride], g11 = w[o + 4 * tapStride], g12 = w[o + 5 * tapStride];
            float g20 = w[o + 6 * tapStride], g21 = w[o + 7 * tapStride], g22 = w[o + 8 * tapStride];
            // rows combined: h = G g (4x3)
            float h10 = 0.5f * (g00 + g10 + g20), h11 = 0.5f * (g01 + g11 + g21), h12 = 0.5f * (g02 + g12 + g22);
            float h20 = 0.5f * (g00 - g10 + g20), h21 = 0.5f * (g01 - g11 + g21), h22 = 0.5f * (g02 - g12 + g22);
            // then columns: U = h Gᵀ (4x4); row 0 of h is g row 0, row 3 is g row 2
            int q = uOff + j;
            kernelRow(g00, g01, g02, u, q, uStride);
            kernelRow(h10, h11, h12, u, q + 4 * uStride, uStride);
            kernelRow(h20, h21, h22, u, q + 8 * uStride, uStride);
            kernelRow(g20, g21, g22, u, q + 12 * uStride, uStride);
        }
    }

    private static void kernelRow(float a, float b, float c, float[] u, int q, int uStride) {
        u[q] = a;
        u[q + uStride] = 0.5f * (a + b + c);
        u[q + 2 * uStride] = 0.5f * (a - b + c);
        u[q + 3 * uStride] = c;
    }

    /**
     * {@link Kernels#winogradOutputTile} for channels [0, count) of pixels {@code pixelStride} floats apart, the
     * bias of channel ch at {@code bias[biasOff + ch]}.
     */
    public static void output(float[] m, int mOff, int mStride, int pixelStride, int count, float[] bias,
                              int biasOff, boolean relu, float[] y, int yOff, int yRowStride, int rows, int cols) {
        int channels = pixelStride;
        for (int ch = 0; ch < count; ch++) {
            int o = mOff + ch;
            // columns combined: s[i][*] = (M A)[i][*]
            float s00 = m[o] + m[o + mStride] + m[o + 2 * mStride];
            float s01 = m[o + mStride] - m[o + 2 * mStride] - m[o + 3 * mStride];
            float s10 = m[o + 4 * mStride] + m[o + 5 * mStride] + m[o + 6 * mStride];
            float s11 = m[o + 5 * mStride] - m[o + 6 * mStride] - m[o + 7 * mStride];
            float s20 = m[o + 8 * mStride] + m[o + 9 * mStride] + m[o + 10 * mStride];
            float s21 = m[o + 9 * mStride] - m[o + 10 * mStride] - m[o + 11 * mStride];
            float s30 = m[o + 12 * mStride] + m[o + 13 * mStride] + m[o + 14 * mStride];
            float s31 = m[o + 13 * mStride] - m[o + 14 * mStride] - m[o + 15 * mStride];
            // then rows: Y = Aᵀ s, plus the bias
            float b = bias == null ? 0f : bias[biasOff + ch];
            float y00 = s00 + s10 + s20 + b, y01 = s01 + s11 + s21 + b;
            float y10 = s10 - s20 - s30 + b, y11 = s11 - s21 - s31 + b;
            if (relu) {
                y00 = Math.max(y00, 0f);
                y01 = Math.max(y01, 0f);
                y10 = Math.max(y10, 0f);
                y11 = Math.max(y11, 0f);
            }
            int q = yOff + ch;
            y[q] = y00;
            if (cols > 1) {
                y[q + channels] = y01;
            }
            if (rows > 1) {
                y[q + yRowStride] = y10;
                if (cols > 1) {
                    y[q + yRowStride + channels] = y11;
                }
            }
        }
    }
}
