package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector reductions and row-wise kernels: sum, max, dot, column sums and softmax. Full reductions (sum, max,
 * dot) run on the calling thread so that their rounding never depends on the thread count; row-wise kernels
 * split over rows or column blocks, which leaves each result's order of operations unchanged.
 */
final class VectorReductions {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;

    private VectorReductions() {
    }

    static float sum(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(S, a, off + i));
            s1 = s1.add(FloatVector.fromArray(S, a, off + i + L));
            s2 = s2.add(FloatVector.fromArray(S, a, off + i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(S, a, off + i + 3 * L));
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, a, off + i));
        }
        float s = VectorLanes.sum(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
            s1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), s1);
            s2 = FloatVector.fromArray(S, a, aOff + i + 2 * L).fma(FloatVector.fromArray(S, b, bOff + i + 2 * L), s2);
            s3 = FloatVector.fromArray(S, a, aOff + i + 3 * L).fma(FloatVector.fromArray(S, b, bOff + i + 3 * L), s3);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            s0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), s0);
        }
        float s = VectorLanes.sum(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    /** Maximum with Math.max semantics: any NaN gives NaN. */
    static float max(float[] a, int off, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("max of an empty run (n=" + n + "); pass n >= 1");
        }
        float m;
        int i;
        if (n >= 4 * L) {
            FloatVector m0 = FloatVector.fromArray(S, a, off), m1 = FloatVector.fromArray(S, a, off + L);
            FloatVector m2 = FloatVector.fromArray(S, a, off + 2 * L), m3 = FloatVector.fromArray(S, a, off + 3 * L);
            i = 4 * L;
            for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
                m0 = m0.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i));
                m1 = m1.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i + L));
                m2 = m2.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i + 2 * L));
                m3 = m3.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i + 3 * L));
            }
            for (int bound = S.loopBound(n); i < bound; i += L) {
                m0 = m0.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i));
            }
            m = m0.lanewise(VectorOperators.MAX, m1).lanewise(VectorOperators.MAX, m2.lanewise(VectorOperators.MAX, m3))
                    .reduceLanes(VectorOperators.MAX);
        } else if (n >= L) {
            FloatVector mv = FloatVector.fromArray(S, a, off);
            i = L;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                mv = mv.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, a, off + i));
            }
            m = mv.reduceLanes(VectorOperators.MAX);
        } else {
            m = a[off];
            i = 1;
        }
        for (; i < n; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    /** out[c] += sum over r of mat[r, c], each column summed in row order (as the scalar kernel does). */
    static void sumRowsInto(float[] mat, int matOff, int rows, int cols, float[] out, int outOff) {
        int blocks = cols / (4 * L);
        if (VectorElementwise.parallel((long) rows * cols) && blocks >= 2) {
            Parallel.forRange(blocks, 1, (s, e) ->
                    columnSums(mat, matOff, rows, cols, out, outOff, s * 4 * L, e * 4 * L));
            columnSums(mat, matOff, rows, cols, out, outOff, blocks * 4 * L, cols);
        } else {
            columnSums(mat, matOff, rows, cols, out, outOff, 0, cols);
        }
    }

    private static void columnSums(float[] mat, int matOff, int rows, int cols, float[] out, int outOff,
                                   int c0, int c1) {
        int c = c0;
        for (; c + 4 * L <= c1; c += 4 * L) {
            int o = outOff + c;
            FloatVector s0 = FloatVector.fromArray(S, out, o), s1 = FloatVector.fromArray(S, out, o + L);
            FloatVector s2 = FloatVector.fromArray(S, out, o + 2 * L), s3 = FloatVector.fromArray(S, out, o + 3 * L);
            int row = matOff + c;
            for (int r = 0; r < rows; r++) {
                s0 = s0.add(FloatVector.fromArray(S, mat, row));
                s1 = s1.add(FloatVector.fromArray(S, mat, row + L));
                s2 = s2.add(FloatVector.fromArray(S, mat, row + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, mat, row + 3 * L));
                row += cols;
            }
            s0.intoArray(out, o);
            s1.intoArray(out, o + L);
            s2.intoArray(out, o + 2 * L);
            s3.intoArray(out, o + 3 * L);
        }
        for (; c + L <= c1; c += L) {
            FloatVector s0 = FloatVector.fromArray(S, out, outOff + c);
            int row = matOff + c;
            for (int r = 0; r < rows; r++) {
                s0 = s0.add(FloatVector.fromArray(S, mat, row));
                row += cols;
            }
            s0.intoArray(out, outOff + c);
        }
        for (; c < c1; c++) {
            float s = out[outOff + c];
            int row = matOff + c;
            for (int r = 0; r < rows; r++) {
                s += mat[row];
                row += cols;
            }
            out[outOff + c] = s;
        }
    }

    /** Row-wise softmax, out = exp(a - rowmax) / rowsum; out may be a. */
    static void softmaxRows(float[] a, int aOff, float[] out, int outOff, int rows, int cols) {
        if (VectorElementwise.parallel(4L * rows * cols) && rows > 1) {
            int minRows = Math.max(1, (1 << 14) / Math.max(1, cols));
            Parallel.forRange(rows, minRows, (lo, hi) -> softmaxRange(a, aOff, out, outOff, lo, hi, cols));
        } else {
            softmaxRange(a, aOff, out, outOff, 0, rows, cols);
        }
    }

    private static void softmaxRange(float[] a, int aOff, float[] out, int outOff, int r0, int r1, int cols) {
        for (int r = r0; r < r1; r++) {
            int in = aOff + r * cols;
            int o = outOff + r * cols;
            float mx = max(a, in, cols);
            FloatVector mv = FloatVector.broadcast(S, mx);
            FloatVector sv = FloatVector.zero(S);
            int j = 0;
            for (int bound = S.loopBound(cols); j < bound; j += L) {
                FloatVector e = VectorExp.exp(FloatVector.fromArray(S, a, in + j).sub(mv));
                e.intoArray(out, o + j);
                sv = sv.add(e);
            }
            float s = VectorLanes.sum(sv);
            for (; j < cols; j++) {
                float e = VectorExp.exp(a[in + j] - mx);
                out[o + j] = e;
                s += e;
            }
            VectorElementwise.mulScalar(out, o, 1f / s, out, o, cols);
        }
    }
}
