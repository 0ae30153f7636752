package ganglion.internal.kernels;

/**
 * Blocked single-precision GEMM in plain Java, {@code C = op(A) op(B) + beta C}, shaped so that C2's
 * auto-vectoriser handles the inner loop on JDK 17: a k block of op(B) is copied into per-thread rows
 * ({@code float[][]}, each starting at index 0) and four rows of C are accumulated in per-thread zero-based rows,
 * so the hot loop is {@code t[j] += a * bRow[j]} over arrays without offsets, the one form C2 vectorises there.
 *
 * <p>Each C element is a zero-started sum over one k block of rounded products, in k order, added to C once per
 * block; rows are split over threads and k blocks depend on k alone, so results do not depend on the thread count.
 */
final class ScalarGemm {

    /** Depth of a k block. */
    static final int KC = 256;
    /** Columns of a block: four accumulator rows and one B row stay in L1. */
    static final int NC = 512;
    private static final double PARALLEL_MIN_FLOPS = 2e6;

    private ScalarGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        GemmArgs.check(transA, transB, m, n, k, lda, ldb, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (beta != 0f && beta != 1f) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + i * ldc + j] *= beta;
                }
            }
        }
        boolean accumulate = beta != 0f;
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        int kBlocks = (k + KC - 1) / KC;
        float[][] bRows = Workspace.get().bRows(Math.min(KC, k), Math.min(NC, n));
        int rowBlocks = (m + 3) / 4;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                int p0 = (int) ((long) k * kb / kBlocks);
                int kc = (int) ((long) k * (kb + 1) / kBlocks) - p0;
                boolean acc = accumulate || kb > 0;
                packB(transB, b, bOff, ldb, p0, kc, jc, nc, bRows);
                int j0 = jc;
                Parallel.RangeBody body = (s, e) -> rows(transA, a, aOff, lda, 4 * s, Math.min(m, 4 * e), p0, kc,
                        bRows, nc, acc, c, cOff + j0, ldc);
                if (Parallel.threads() > 1 && rowBlocks >= 2 && 2.0 * m * nc * kc >= PARALLEL_MIN_FLOPS) {
                    Parallel.forRange(rowBlocks, 1, body);
                } else {
                    body.run(0, rowBlocks);
                }
            }
        }
    }

    /** bRows[p][j] = op(B)(p0 + p, j0 + j). */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                              float[][] bRows) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (p0 + p) * ldb + j0, bRows[p], 0, nc);
            }
        } else {
            for (int j = 0; j < nc; j++) {
                int s = bOff + (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    bRows[p][j] = b[s + p];
                }
            }
        }
    }

    /** Rows [i0, i1) of C's current column block, for one k block. */
    private static void rows(boolean transA, float[] a, int aOff, int lda, int i0, int i1, int p0, int kc,
                             float[][] bRows, int nc, boolean acc, float[] c, int cBase, int ldc) {
        float[][] t = Workspace.get().cRows(nc);
        float[] t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3];
        // A(i, p) = a[aOff + i*rs + p*ps]
        int rs = transA ? 1 : lda;
        int ps = transA ? lda : 1;
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            java.util.Arrays.fill(t0, 0, nc, 0f);
            java.util.Arrays.fill(t1, 0, nc, 0f);
            java.util.Arrays.fill(t2, 0, nc, 0f);
            java.util.Arrays.fill(t3, 0, nc, 0f);
            int ai = aOff + i * rs + p0 * ps;
            for (int p = 0; p < kc; p++) {
                fourRows(t0, t1, t2, t3, a[ai], a[ai + rs], a[ai + 2 * rs], a[ai + 3 * rs], bRows[p], nc);
                ai += ps;
            }
            merge(t0, nc, c, cBase + i * ldc, acc);
            merge(t1, nc, c, cBase + (i + 1) * ldc, acc);
            merge(t2, nc, c, cBase + (i + 2) * ldc, acc);
            merge(t3, nc, c, cBase + (i + 3) * ldc, acc);
        }
        for (; i < i1; i++) {
            java.util.Arrays.fill(t0, 0, nc, 0f);
            int ai = aOff + i * rs + p0 * ps;
            for (int p = 0; p < kc; p++) {
                oneRow(t0, a[ai], bRows[p], nc);
                ai += ps;
            }
            merge(t0, nc, c, cBase + i * ldc, acc);
        }
    }

    /** t_r[j] += a_r * b[j] for four rows: the auto-vectorised inner loop. */
    private static void fourRows(float[] t0, float[] t1, float[] t2, float[] t3,
                                 float a0, float a1, float a2, float a3, float[] b, int n) {
        for (int j = 0; j < n; j++) {
            float bv = b[j];
            t0[j] += a0 * bv;
            t1[j] += a1 * bv;
            t2[j] += a2 * bv;
            t3[j] += a3 * bv;
        }
    }

    private static void oneRow(float[] t, float av, float[] b, int n) {
        for (int j = 0; j < n; j++) {
            t[j] += av * b[j];
        }
    }

    /** C row = (acc ? C row : 0) + t. */
    private static void merge(float[] t, int n, float[] c, int ci, boolean acc) {
        if (acc) {
            for (int j = 0; j < n; j++) {
                c[ci + j] = t[j] + c[ci + j];
            }
        } else {
            System.arraycopy(t, 0, c, ci, n);
        }
    }

    /** Per-thread blocks, reused between calls. */
    private static final class Workspace {
        private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);
        private float[][] bRows = new float[0][0];
        private float[][] cRows = new float[4][0];

        static Workspace get() {
            return LOCAL.get();
        }

        float[][] bRows(int rows, int cols) {
            if (bRows.length < rows || bRows[0].length < cols) {
                int oldCols = bRows.length == 0 ? 0 : bRows[0].length;
                bRows = new float[Math.max(rows, bRows.length)][Math.max(cols, oldCols)];
            }
            return bRows;
        }

        float[][] cRows(int cols) {
            if (cRows[0].length < cols) {
                cRows = new float[4][cols];
            }
            return cRows;
        }
    }
}
