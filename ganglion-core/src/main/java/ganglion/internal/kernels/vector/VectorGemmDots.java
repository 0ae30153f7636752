package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C (+)= A B^T} for a few rows of A (a matrix-vector product in disguise, e.g. backpropagating one or two
 * samples): both operands are stored with k contiguous, so each element is a dot product along k, read in place.
 * The blocked path would have to transpose all of B for a handful of rows. Every element is a zero-started FMA
 * chain (vector lanes, then the scalar tail), added to C once (C is zeroed first when beta is 0). Single-threaded.
 */
final class VectorGemmDots {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;

    private VectorGemmDots() {
    }

    static void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        dots(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** C += A B^T with both stored k-contiguous: dot products along k, four columns at a time. */
    private static void dots(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        int kv = k - k % L;
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int b0 = bOff + j * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < kv; p += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + p);
                    s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
                    s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
                    s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
                    s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
                }
                float t0 = VectorLanes.sum(s0), t1 = VectorLanes.sum(s1);
                float t2 = VectorLanes.sum(s2), t3 = VectorLanes.sum(s3);
                for (int p = kv; p < k; p++) {
                    float x = a[ai + p];
                    t0 = Math.fma(x, b[b0 + p], t0);
                    t1 = Math.fma(x, b[b1 + p], t1);
                    t2 = Math.fma(x, b[b2 + p], t2);
                    t3 = Math.fma(x, b[b3 + p], t3);
                }
                c[ci + j] = t0 + c[ci + j];
                c[ci + j + 1] = t1 + c[ci + j + 1];
                c[ci + j + 2] = t2 + c[ci + j + 2];
                c[ci + j + 3] = t3 + c[ci + j + 3];
            }
            for (; j < n; j++) {
                int bj = bOff + j * ldb;
                FloatVector s = FloatVector.zero(S);
                for (int p = 0; p < kv; p += L) {
                    s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s);
                }
                float t = VectorLanes.sum(s);
                for (int p = kv; p < k; p++) {
                    t = Math.fma(a[ai + p], b[bj + p], t);
                }
                c[ci + j] = t + c[ci + j];
            }
        }
    }
}
