package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.WinogradTransforms;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Winograd F(2x2, 3x3) transforms on whole vectors of channels, then a scalar tail: the same expressions, in the
 * same order, as the scalar {@code WinogradTransforms} (see there for the algebra), so both give the same bits.
 * Each vector step loads the 16 (or 9) channel vectors of one tile into registers and stores its 16 results once.
 */
final class VectorWinograd {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;

    private VectorWinograd() {
    }

    static void input(float[] src, int off, int rowStride, int channels, float[] v, int vOff, int vStride) {
        // Row by row of V (two passes over the 4x4 tile's loads, which stay in L1), so that each pass is small enough
        // for C2 to inline every vector operation.
        inputRows(src, off, rowStride, channels, v, vOff, vStride, 0);
        inputRows(src, off, rowStride, channels, v, vOff, vStride, 2);
        int ch = S.loopBound(channels);
        if (ch < channels) {
            WinogradTransforms.input(src, off + ch, rowStride, channels, channels - ch, v, vOff + ch, vStride);
        }
    }

    /** Rows {@code first} and {@code first + 1} of V = Bᵀ d B, for the whole vectors of channels. */
    private static void inputRows(float[] src, int off, int rowStride, int channels, float[] v, int vOff, int vStride,
                                  int first) {
        int c1 = channels, c2 = 2 * channels, c3 = 3 * channels;
        int r1 = rowStride, r2 = 2 * rowStride, r3 = 3 * rowStride;
        for (int ch = 0, bound = S.loopBound(channels); ch < bound; ch += L) {
            int o = off + ch, w = vOff + ch + 4 * first * vStride;
            FloatVector d10 = FloatVector.fromArray(S, src, o + r1), d11 = FloatVector.fromArray(S, src, o + r1 + c1);
            FloatVector d12 = FloatVector.fromArray(S, src, o + r1 + c2), d13 = FloatVector.fromArray(S, src, o + r1 + c3);
            FloatVector d20 = FloatVector.fromArray(S, src, o + r2), d21 = FloatVector.fromArray(S, src, o + r2 + c1);
            FloatVector d22 = FloatVector.fromArray(S, src, o + r2 + c2), d23 = FloatVector.fromArray(S, src, o + r2 + c3);
            FloatVector ta0, ta1, ta2, ta3, tb0, tb1, tb2, tb3;
            if (first == 0) {
                ta0 = FloatVector.fromArray(S, src, o).sub(d20);
                ta1 = FloatVector.fromArray(S, src, o + c1).sub(d21);
                ta2 = FloatVector.fromArray(S, src, o + c2).sub(d22);
                ta3 = FloatVector.fromArray(S, src, o + c3).sub(d23);
                tb0 = d10.add(d20);
                tb1 = d11.add(d21);
                tb2 = d12.add(d22);
                tb3 = d13.add(d23);
            } else {
                ta0 = d20.sub(d10);
                ta1 = d21.sub(d11);
                ta2 = d22.sub(d12);
                ta3 = d23.sub(d13);
                tb0 = d10.sub(FloatVector.fromArray(S, src, o + r3));
                tb1 = d11.sub(FloatVector.fromArray(S, src, o + r3 + c1));
                tb2 = d12.sub(FloatVector.fromArray(S, src, o + r3 + c2));
                tb3 = d13.sub(FloatVector.fromArray(S, src, o + r3 + c3));
            }
            // a row of V = t B: (t0 - t2, t1 + t2, t2 - t1, t1 - t3)
            ta0.sub(ta2).intoArray(v, w);
            ta1.add(ta2).intoArray(v, w + vStride);
            ta2.sub(ta1).intoArray(v, w + 2 * vStride);
            ta1.sub(ta3).intoArray(v, w + 3 * vStride);
            w += 4 * vStride;
            tb0.sub(tb2).intoArray(v, w);
            tb1.add(tb2).intoArray(v, w + vStride);
            tb2.sub(tb1).intoArray(v, w + 2 * vStride);
            tb1.sub(tb3).intoArray(v, w + 3 * vStride);
        }
    }

    static void kernel(float[] w, int wOff, int tapStride, int count, float[] u, int uOff, int uStride) {
        // U = G g Gᵀ, rows 0 and 3 of G g (kernel rows 0 and 2 as they are) in one pass, rows 1 and 2 in another:
        // passes small enough for C2 to inline every vector operation.
        kernelOuterRows(w, wOff, tapStride, count, u, uOff, uStride);
        kernelInnerRows(w, wOff, tapStride, count, u, uOff, uStride);
        int j = S.loopBound(count);
        if (j < count) {
            WinogradTransforms.kernel(w, wOff + j, tapStride, count - j, u, uOff + j, uStride);
        }
    }

    /** Rows 0 and 3 of U: kernel rows 0 and 2 times Gᵀ. */
    private static void kernelOuterRows(float[] w, int wOff, int tapStride, int count, float[] u, int uOff,
                                        int uStride) {
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int j = 0, bound = S.loopBound(count); j < bound; j += L) {
            int o = wOff + j, q = uOff + j;
            for (int r = 0; r < 2; r++) {
                int gr = o + 6 * r * tapStride, ur = q + 12 * r * uStride;
                FloatVector a = FloatVector.fromArray(S, w, gr);
                FloatVector b = FloatVector.fromArray(S, w, gr + tapStride);
                FloatVector c = FloatVector.fromArray(S, w, gr + 2 * tapStride);
                a.intoArray(u, ur);
                a.add(b).add(c).mul(half).intoArray(u, ur + uStride);
                a.sub(b).add(c).mul(half).intoArray(u, ur + 2 * uStride);
                c.intoArray(u, ur + 3 * uStride);
            }
        }
    }

    /** Rows 1 and 2 of U: (g0 + g1 + g2) / 2 and (g0 - g1 + g2) / 2 over kernel rows, times Gᵀ. */
    private static void kernelInnerRows(float[] w, int wOff, int tapStride, int count, float[] u, int uOff,
                                        int uStride) {
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        for (int j = 0, bound = S.loopBound(count); j < bound; j += L) {
            int o = wOff + j, q = uOff + j;
            // The nine taps are loaded again for each row (from L1) to keep the loop body small: the first version,
            // all rows in one body, was not fully inlined by C2 and boxed its vectors.
            for (int r = 0; r < 2; r++) {
                FloatVector h0, h1, h2;
                FloatVector g00 = FloatVector.fromArray(S, w, o);
                FloatVector g10 = FloatVector.fromArray(S, w, o + 3 * tapStride);
                FloatVector g20 = FloatVector.fromArray(S, w, o + 6 * tapStride);
                FloatVector g01 = FloatVector.fromArray(S, w, o + tapStride);
                FloatVector g11 = FloatVector.fromArray(S, w, o + 4 * tapStride);
                FloatVector g21 = FloatVector.fromArray(S, w, o + 7 * tapStride);
                FloatVector g02 = FloatVector.fromArray(S, w, o + 2 * tapStride);
                FloatVector g12 = FloatVector.fromArray(S, w, o + 5 * tapStride);
                FloatVector g22 = FloatVector.fromArray(S, w, o + 8 * tapStride);
                if (r == 0) {
                    h0 = g00.add(g10).add(g20).mul(half);
                    h1 = g01.add(g11).add(g21).mul(half);
                    h2 = g02.add(g12).add(g22).mul(half);
                } else {
                    h0 = g00.sub(g10).add(g20).mul(half);
                    h1 = g01.sub(g11).add(g21).mul(half);
                    h2 = g02.sub(g12).add(g22).mul(half);
                }
                int ur = q + (4 + 4 * r) * uStride;
                h0.intoArray(u, ur);
                h0.add(h1).add(h2).mul(half).intoArray(u, ur + uStride);
                h0.sub(h1).add(h2).mul(half).intoArray(u, ur + 2 * uStride);
                h2.intoArray(u, ur + 3 * uStride);
            }
        }
    }

    static void output(float[] m, int mOff, int mStride, int channels, float[] bias, boolean relu,
                       float[] y, int yOff, int yRowStride, int rows, int cols) {
        int ch = 0;
        FloatVector zero = FloatVector.zero(S);
        for (int bound = S.loopBound(channels); ch < bound; ch += L) {
            int o = mOff + ch;
            FloatVector m1 = load(m, o + mStride), m2 = load(m, o + 2 * mStride);
            FloatVector s00 = load(m, o).add(m1).add(m2);
            FloatVector s01 = m1.sub(m2).sub(load(m, o + 3 * mStride));
            FloatVector m5 = load(m, o + 5 * mStride), m6 = load(m, o + 6 * mStride);
            FloatVector s10 = load(m, o + 4 * mStride).add(m5).add(m6);
            FloatVector s11 = m5.sub(m6).sub(load(m, o + 7 * mStride));
            FloatVector m9 = load(m, o + 9 * mStride), m10 = load(m, o + 10 * mStride);
            FloatVector s20 = load(m, o + 8 * mStride).add(m9).add(m10);
            FloatVector s21 = m9.sub(m10).sub(load(m, o + 11 * mStride));
            FloatVector m13 = load(m, o + 13 * mStride), m14 = load(m, o + 14 * mStride);
            FloatVector s30 = load(m, o + 12 * mStride).add(m13).add(m14);
            FloatVector s31 = m13.sub(m14).sub(load(m, o + 15 * mStride));
            FloatVector b = bias == null ? zero : load(bias, ch);
            FloatVector y00 = s00.add(s10).add(s20).add(b), y01 = s01.add(s11).add(s21).add(b);
            FloatVector y10 = s10.sub(s20).sub(s30).add(b), y11 = s11.sub(s21).sub(s31).add(b);
            if (relu) {
                y00 = y00.max(zero);
                y01 = y01.max(zero);
                y10 = y10.max(zero);
                y11 = y11.max(zero);
            }
            int q = yOff + ch;
            y00.intoArray(y, q);
            if (cols > 1) {
                y01.intoArray(y, q + channels);
            }
            if (rows > 1) {
                y10.intoArray(y, q + yRowStride);
                if (cols > 1) {
                    y11.intoArray(y, q + yRowStride + channels);
                }
            }
        }
        if (ch < channels) {
            WinogradTransforms.output(m, mOff + ch, mStride, channels, channels - ch, bias, ch, relu, y, yOff + ch,
                    yRowStride, rows, cols);
        }
    }

    private static FloatVector load(float[] a, int i) {
        return FloatVector.fromArray(S, a, i);
    }
}
