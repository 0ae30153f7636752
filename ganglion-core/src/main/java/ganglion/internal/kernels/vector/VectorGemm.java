package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.GemmArgs;
import ganglion.internal.kernels.Parallel;

/**
 * Packed, cache-blocked single-precision GEMM, {@code C = op(A) op(B) + beta C}, in the GotoBLAS/BLIS shape:
 * for each block of {@link #NC} columns and {@link #KC} k steps, B is packed into column panels; for each block
 * of {@link #MC} rows, A is packed into row panels; register-blocked micro-kernels ({@link VectorMicroKernels})
 * then sweep the tiles, accumulating in registers with fused multiply-adds.
 *
 * <p>Operands are packed only when a block is reused enough to repay the copy ({@link VectorGemmSweep} reads them
 * in place otherwise): small products skip packing altogether. {@code C = A B^T} with a short A runs as
 * {@code C^T = B A^T}, so that the large B is read in place rather than transposed, and with one to four rows as
 * dot products ({@link VectorGemmDots}).
 *
 * <p>Determinism: every C element is a zero-started FMA chain over one k block, added to C once per block (or
 * stored, for the first block when beta is 0), and the k blocking depends only on k. Threads split the work
 * over column panels or row panels of C (never over k), each with its own packing buffers, so the result is
 * bitwise the same for any thread count.
 */
final class VectorGemm {

    private static final int L = VectorLanes.L;
    /** Rows of the main micro-kernel. */
    static final int MR = 6;
    /** Vectors per row of the main micro-kernel: 4 with 32 vector registers (AVX-512), else 2. */
    static final int NRV = L >= 16 ? 4 : 2;
    /** Columns of the main micro-kernel. */
    static final int NR = NRV * L;
    /** Depth of a k block: a packed B panel of KC x NR floats streams from L1/L2. */
    static final int KC = 256;
    /** Rows of an A block (a multiple of MR): the packed A block stays in L2. */
    static final int MC = 72;
    /** Columns of a B block (a multiple of NR). */
    static final int NC = 64 * NR;
    /** A B^T with at most this many rows runs as dot products ({@link VectorGemmDots}). */
    static final int DOT_MAX_ROWS = 4;
    /** Products below this many flops run on one thread. */
    static final double PARALLEL_MIN_FLOPS = 4e6;
    /** A blocks are packed when they serve more columns than this (else A is read in place). */
    static final int PACK_A_MIN_COLUMNS = 2 * NR;
    /** B blocks are packed when they serve more rows than this (else B is read in place, unless transposed). */
    static final int PACK_B_MIN_ROWS = 48;

    private VectorGemm() {
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
                VectorElementwise.mulScalar(c, cOff + i * ldc, beta, c, cOff + i * ldc, n);
            }
            beta = 1f;
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
        if (transB && !transA && m <= DOT_MAX_ROWS) {
            VectorGemmDots.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
            return;
        }
        if (transB && swapPays(transA, m, n, k)) {
            // C = op(A) B^T as C^T = B op(A)^T: B is read in place instead of transposed, C is written transposed.
            run(new Call(false, !transA, n, m, k, b, bOff, ldb, a, aOff, lda, accumulate, c, cOff, 1, ldc));
        } else {
            run(new Call(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc, 1));
        }
    }

    /**
     * Whether computing C^T = B op(A)^T moves fewer floats than transposing B into panels: it transposes A
     * instead (unless A is stored transposed already) and writes C through a transposed tile once per k block.
     */
    private static boolean swapPays(boolean transA, int m, int n, int k) {
        if (m < L / 2) {
            return false;   // C^T's rows would fill less than half a vector
        }
        long kBlocks = ceilDiv(k, KC);
        long swapped = (transA ? 0L : (long) m * k) + 2L * m * n * kBlocks;
        return swapped < (long) n * k;
    }

    /** One product in the blocked form: C(i, j) = c[cOff + i*crs + j*ccs] (+)= sum_p op(A)(i, p) op(B)(p, j). */
    static final class Call {
        final boolean transA, transB, accumulate;
        final int m, n, k, aOff, lda, bOff, ldb, cOff, crs, ccs;
        final float[] a, b, c;

        Call(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
             float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int crs, int ccs) {
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.accumulate = accumulate;
            this.c = c;
            this.cOff = cOff;
            this.crs = crs;
            this.ccs = ccs;
        }
    }

    /**
     * Runs a product on the calling thread or over the kernel threads. Products with enough column panels split
     * them, each thread packing what it needs ({@link #blocked} per column range: B stays in the thread's own L2,
     * measured faster than sharing it); tall, narrow ones split their rows and pack each B block once, together
     * ({@link #sharedB}).
     */
    private static void run(Call p) {
        int m = p.m, n = p.n, k = p.k;
        int threads = Parallel.threads();
        int colPanels = (n + NR - 1) / NR;
        int rowPanels = (m + MR - 1) / MR;
        if (threads < 2 || 2.0 * m * n * k < PARALLEL_MIN_FLOPS || (colPanels < 2 && rowPanels < 2)) {
            blocked(p, 0, m, 0, n);
        } else if (colPanels < 2 * threads && rowPanels >= 2 * threads
                && (p.transB || m / threads > PACK_B_MIN_ROWS)) {
            sharedB(p);
        } else if (colPanels >= 2) {
            Parallel.forRange(colPanels, 1, (s, e) -> blocked(p, 0, m, s * NR, Math.min(n, e * NR)));
        } else {
            Parallel.forRange(rowPanels, 1, (s, e) -> blocked(p, s * MR, Math.min(m, e * MR), 0, n));
        }
    }

    /** The sequential blocked product for rows [i0, i1) and columns [j0, j1) of C. */
    static void blocked(Call call, int i0, int i1, int j0, int j1) {
        int k = call.k;
        int kBlocks = ceilDiv(k, KC);
        int kcMax = ceilDiv(k, kBlocks);
        // B must be packed when transposed (the kernels need its rows contiguous); otherwise only when the
        // block serves enough rows to repay the copy.
        boolean packB = call.transB || i1 - i0 > PACK_B_MIN_ROWS;
        float[] bp = packB
                ? VectorGemmWorkspace.get().packedB(kcMax * Math.min(NC, ceilDiv(j1 - j0, NR) * NR))
                : null;
        int bStart = VectorGemmWorkspace.packedBStart();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                int p0 = kBlockStart(k, kBlocks, kb);
                int kc = kBlockStart(k, kBlocks, kb + 1) - p0;
                if (packB) {
                    VectorGemmPacking.packB(call.transB, call.b, call.bOff, call.ldb, p0, jc, nc, kc, bp, bStart);
                }
                rows(call, i0, i1, jc, nc, p0, kc, kb, bp, bStart);
            }
        }
    }

    /**
     * The product with its rows split over the threads: for each block of B, the threads first pack its column
     * panels together into the calling thread's buffer, then each runs its rows against it.
     */
    private static void sharedB(Call call) {
        int k = call.k, m = call.m, n = call.n;
        int kBlocks = ceilDiv(k, KC);
        int kcMax = ceilDiv(k, kBlocks);
        float[] bp = VectorGemmWorkspace.get().packedB(kcMax * Math.min(NC, ceilDiv(n, NR) * NR));
        int bStart = VectorGemmWorkspace.packedBStart();
        int rowPanels = ceilDiv(m, MR);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int j0 = jc;
            for (int kb = 0; kb < kBlocks; kb++) {
                int p0 = kBlockStart(k, kBlocks, kb);
                int kc = kBlockStart(k, kBlocks, kb + 1) - p0;
                int b0 = kb;
                Parallel.forRange(ceilDiv(nc, NR), 1, (s, e) -> VectorGemmPacking.packB(call.transB, call.b, call.bOff,
                        call.ldb, p0, j0 + s * NR, Math.min(nc, e * NR) - s * NR, kc, bp, bStart + s * NR * kc));
                Parallel.forRange(rowPanels, 1, (s, e) -> rows(call, s * MR, Math.min(m, e * MR), j0, nc, p0, kc, b0,
                        bp, bStart));
            }
        }
    }

    /**
     * Rows [i0, i1) of C's column block [jc, jc+nc) for the k block [p0, p0+kc) (number kb), against B packed at
     * {@code packedB[bStart..]}, or B read in place when packedB is null. Uses the calling thread's workspace.
     */
    private static void rows(Call call, int i0, int i1, int jc, int nc, int p0, int kc, int kb,
                             float[] packedB, int bStart) {
        VectorGemmWorkspace ws = VectorGemmWorkspace.get();
        VectorGemmSweep sw = ws.sweep;
        sw.c = call.c;
        sw.crs = call.crs;
        sw.ccs = call.ccs;
        sw.kc = kc;
        sw.overwrite = !call.accumulate && kb == 0;
        if (packedB != null) {
            sw.setPackedB(packedB, bStart);
        } else {
            sw.setInPlaceB(call.b, call.bOff, call.ldb, p0, jc, ws.packedB(kc * NR), bStart);
        }
        // Pack A only when the block serves enough columns to repay the copy.
        boolean packA = nc > PACK_A_MIN_COLUMNS;
        float[] ap = packA ? ws.packedA(kc * Math.min(MC, i1 - i0)) : null;
        int ars = call.transA ? 1 : call.lda;   // A(i, p) = a[aOff + i*ars + p*acs]
        int acs = call.transA ? call.lda : 1;
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            if (packA) {
                VectorGemmPacking.packA(call.transA, call.a, call.aOff, call.lda, ic, p0, mc, kc, ap);
                sw.setA(ap, 0, -1, -1);
            } else {
                sw.setA(call.a, call.aOff + ic * ars + p0 * acs, ars, acs);
            }
            sw.run(mc, nc, call.cOff + ic * call.crs + jc * call.ccs, ws.tile);
        }
    }

    /** Start of k block kb of kBlocks balanced blocks: depends on k alone (part of the reproducibility contract). */
    private static int kBlockStart(int k, int kBlocks, int kb) {
        return (int) ((long) k * kb / kBlocks);
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }
}
