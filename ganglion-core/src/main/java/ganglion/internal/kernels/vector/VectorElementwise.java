package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise vector kernels: whole vectors, then a scalar tail (no masked loads: they are slow on JDK 17).
 * Runs of at least {@link #PARALLEL_MIN} elements are split over the kernel threads; every element is computed
 * the same way wherever the split falls, so results do not depend on the thread count.
 */
final class VectorElementwise {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;
    /** Element-wise work below this length stays on the calling thread. */
    static final int PARALLEL_MIN = 1 << 18;
    private static final int MIN_CHUNK = 1 << 16;

    private VectorElementwise() {
    }

    /** Whether a run of n elements is worth splitting over the kernel threads. */
    static boolean parallel(long n) {
        return n >= PARALLEL_MIN && Parallel.threads() > 1;
    }

    /** Binary operations; the code is an index into the switch of {@link #binaryRange}. */
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3;

    static void binary(int op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK,
                    (s, e) -> binaryRange(op, a, aOff + s, b, bOff + s, out, outOff + s, e - s));
        } else {
            binaryRange(op, a, aOff, b, bOff, out, outOff, n);
        }
    }

    private static void binaryRange(int op, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        switch (op) {
            case ADD -> add(a, aOff, b, bOff, out, outOff, n);
            case SUB -> sub(a, aOff, b, bOff, out, outOff, n);
            case MUL -> mul(a, aOff, b, bOff, out, outOff, n);
            case DIV -> div(a, aOff, b, bOff, out, outOff, n);
            default -> throw new IllegalArgumentException("unknown binary op " + op);
        }
    }

    static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).add(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    static void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).sub(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] - b[bOff + i];
        }
    }

    static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    static void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).div(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] / b[bOff + i];
        }
    }

    static void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK, (lo, hi) -> addScalarRange(a, aOff + lo, s, out, outOff + lo, hi - lo));
        } else {
            addScalarRange(a, aOff, s, out, outOff, n);
        }
    }

    private static void addScalarRange(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        FloatVector sv = FloatVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).add(sv).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] + s;
        }
    }

    static void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK, (lo, hi) -> mulScalarRange(a, aOff + lo, s, out, outOff + lo, hi - lo));
        } else {
            mulScalarRange(a, aOff, s, out, outOff, n);
        }
    }

    private static void mulScalarRange(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        FloatVector sv = FloatVector.broadcast(S, s);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).mul(sv).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] * s;
        }
    }

    /** y += alpha * x, as a fused multiply-add in every lane and in the tail. */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK, (lo, hi) -> axpyRange(alpha, x, xOff + lo, y, yOff + lo, hi - lo));
        } else {
            axpyRange(alpha, x, xOff, y, yOff, n);
        }
    }

    private static void axpyRange(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            av.fma(FloatVector.fromArray(S, x, xOff + i), FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /** out = max(a, 0), with Math.max semantics (NaN stays NaN, -0 becomes 0). */
    static void relu(float[] a, int aOff, float[] out, int outOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK, (lo, hi) -> reluRange(a, aOff + lo, out, outOff + lo, hi - lo));
        } else {
            reluRange(a, aOff, out, outOff, n);
        }
    }

    private static void reluRange(float[] a, int aOff, float[] out, int outOff, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, a, aOff + i).lanewise(VectorOperators.MAX, zero).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = Math.max(a[aOff + i], 0f);
        }
    }

    /** gradIn += x > 0 ? gradOut : 0. */
    static void reluBackward(float[] x, int xOff, float[] g, int gOff, float[] gi, int giOff, int n) {
        if (parallel(n)) {
            Parallel.forRange(n, MIN_CHUNK,
                    (lo, hi) -> reluBackwardRange(x, xOff + lo, g, gOff + lo, gi, giOff + lo, hi - lo));
        } else {
            reluBackwardRange(x, xOff, g, gOff, gi, giOff, n);
        }
    }

    private static void reluBackwardRange(float[] x, int xOff, float[] g, int gOff, float[] gi, int giOff, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Float> pos = FloatVector.fromArray(S, x, xOff + i).compare(VectorOperators.GT, 0f);
            FloatVector pass = zero.blend(FloatVector.fromArray(S, g, gOff + i), pos);
            FloatVector.fromArray(S, gi, giOff + i).add(pass).intoArray(gi, giOff + i);
        }
        for (; i < n; i++) {
            gi[giOff + i] += x[xOff + i] > 0f ? g[gOff + i] : 0f;
        }
    }

    /** out[r, :] = mat[r, :] + vec for a rows x cols matrix; rows are split over threads when the matrix is large. */
    static void addRowVector(float[] mat, int matOff, float[] vec, int vecOff, float[] out, int outOff,
                             int rows, int cols) {
        if (parallel((long) rows * cols) && rows > 1) {
            int minRows = Math.max(1, MIN_CHUNK / Math.max(1, cols));
            Parallel.forRange(rows, minRows, (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    add(mat, matOff + r * cols, vec, vecOff, out, outOff + r * cols, cols);
                }
            });
            return;
        }
        for (int r = 0; r < rows; r++) {
            add(mat, matOff + r * cols, vec, vecOff, out, outOff + r * cols, cols);
        }
    }
}
