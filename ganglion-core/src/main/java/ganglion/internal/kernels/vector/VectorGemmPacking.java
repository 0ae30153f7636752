package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels stream through, whatever the
 * transpose flags, offsets and leading dimensions of the caller's matrices.
 *
 * <p>Packed A: a block of {@code mc} rows by {@code kc} steps is cut into panels of {@link #rowsAt} rows; panel
 * rows {@code ir .. ir+mr} start at {@code ir*kc} and hold, for each k step, the {@code mr} values of that step.
 * Packed B: a block of {@code kc} steps by {@code nc} columns is cut into panels of {@link VectorGemm#NR}
 * columns (the last one rounded up to whole vectors and zero-padded); panel {@code jr} starts at {@code jr*kc}
 * (after the buffer's start offset) and holds, for each k step, its row of columns. Transposed B is turned
 * around 16 x 16 blocks at a time in registers when vectors have 16 lanes.
 */
final class VectorGemmPacking {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;

    private VectorGemmPacking() {
    }

    /** Rows of the next A panel when {@code remaining} rows are left: 6, then 2s, then 1, so no row is padding. */
    static int rowsAt(int remaining) {
        return remaining >= MR ? MR : remaining >= 2 ? 2 : 1;
    }

    /**
     * Packs op(A)[i0 .. i0+mc) x [p0 .. p0+kc) into {@code ap} from index 0; A(i, p) is a[aOff + i*lda + p], or
     * a[aOff + p*lda + i] when transposed.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int p0, int mc, int kc, float[] ap) {
        int dst = 0;
        for (int ir = 0; ir < mc; ) {
            int mr = rowsAt(mc - ir);
            int i = i0 + ir;
            if (transA) {
                dst = packRowsOfTransposed(a, aOff + p0 * lda + i, lda, mr, kc, ap, dst);
            } else if (mr == 6) {
                int s0 = aOff + i * lda + p0, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda, s5 = s4 + lda;
                for (int p = 0; p < kc; p++) {
                    ap[dst] = a[s0 + p];
                    ap[dst + 1] = a[s1 + p];
                    ap[dst + 2] = a[s2 + p];
                    ap[dst + 3] = a[s3 + p];
                    ap[dst + 4] = a[s4 + p];
                    ap[dst + 5] = a[s5 + p];
                    dst += 6;
                }
            } else {
                int s0 = aOff + i * lda + p0;
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < mr; r++) {
                        ap[dst + r] = a[s0 + r * lda + p];
                    }
                    dst += mr;
                }
            }
            ir += mr;
        }
    }

    /** Stored k x m (transposed A): each k step's {@code mr} values are already contiguous. */
    private static int packRowsOfTransposed(float[] a, int src, int lda, int mr, int kc, float[] ap, int dst) {
        if (mr == 6) {
            for (int p = 0; p < kc; p++) {
                ap[dst] = a[src];
                ap[dst + 1] = a[src + 1];
                ap[dst + 2] = a[src + 2];
                ap[dst + 3] = a[src + 3];
                ap[dst + 4] = a[src + 4];
                ap[dst + 5] = a[src + 5];
                dst += 6;
                src += lda;
            }
        } else {
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < mr; r++) {
                    ap[dst + r] = a[src + r];
                }
                dst += mr;
                src += lda;
            }
        }
        return dst;
    }

    /**
     * Packs op(B)[p0 .. p0+kc) x [j0 .. j0+nc) into {@code bp} from index {@code bpOff}; B(p, j) is
     * b[bOff + p*ldb + j], or b[bOff + j*ldb + p] when transposed.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int j0, int nc, int kc, float[] bp,
                      int bpOff) {
        for (int jr = 0; jr < nc; jr += NR) {
            int valid = Math.min(NR, nc - jr);
            int w = roundUpToVector(valid);
            int dst = bpOff + jr * kc;
            if (transB) {
                packColumnsOfTransposed(b, bOff + (j0 + jr) * ldb + p0, ldb, valid, w, kc, bp, dst);
            } else if (valid == NR) {
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++) {
                    for (int v = 0; v < NR; v += L) {
                        FloatVector.fromArray(S, b, src + v).intoArray(bp, dst + v);
                    }
                    src += ldb;
                    dst += NR;
                }
            } else {
                int src = bOff + p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src, bp, dst, valid);
                    for (int j = valid; j < w; j++) {
                        bp[dst + j] = 0f;
                    }
                    src += ldb;
                    dst += w;
                }
            }
        }
    }

    /**
     * Stored n x k (transposed B): column j of the panel is the contiguous run b[src + j*ldb ..]. With 16-lane
     * vectors, whole 16 x 16 blocks are transposed in registers; the rest is copied element by element.
     */
    private static void packColumnsOfTransposed(float[] b, int src, int ldb, int valid, int w, int kc,
                                                float[] bp, int dst) {
        int fastCols = 0, fastSteps = 0;
        if (L == 16) {
            fastCols = valid - valid % 16;
            fastSteps = kc - kc % 16;
            for (int j = 0; j < fastCols; j += 16) {
                for (int p = 0; p < fastSteps; p += 16) {
                    Transpose16.run(b, src + j * ldb + p, ldb, bp, dst + p * w + j, w);
                }
            }
        }
        for (int j = 0; j < valid; j++) {
            int s = src + j * ldb;
            int d = dst + j;
            for (int p = j < fastCols ? fastSteps : 0; p < kc; p++) {
                bp[d + p * w] = b[s + p];
            }
        }
        for (int j = valid; j < w; j++) {
            int d = dst + j;
            for (int p = 0; p < kc; p++) {
                bp[d] = 0f;
                d += w;
            }
        }
    }

    static int roundUpToVector(int n) {
        return (n + L - 1) / L * L;
    }

    /**
     * In-register transpose of 16 x 16 floats for 16-lane vectors: four butterfly stages; stage d swaps bit d
     * of the row index with bit d of the lane index (a lane permutation plus a blend per row). Loaded only when
     * the species has 16 lanes.
     */
    private static final class Transpose16 {
        private static final VectorShuffle<Float> X1 = VectorShuffle.fromOp(S, l -> l ^ 1);
        private static final VectorShuffle<Float> X2 = VectorShuffle.fromOp(S, l -> l ^ 2);
        private static final VectorShuffle<Float> X4 = VectorShuffle.fromOp(S, l -> l ^ 4);
        private static final VectorShuffle<Float> X8 = VectorShuffle.fromOp(S, l -> l ^ 8);
        private static final VectorMask<Float> H1 = VectorMask.fromLong(S, 0xAAAAL), L1 = H1.not();
        private static final VectorMask<Float> H2 = VectorMask.fromLong(S, 0xCCCCL), L2 = H2.not();
        private static final VectorMask<Float> H4 = VectorMask.fromLong(S, 0xF0F0L), L4 = H4.not();
        private static final VectorMask<Float> H8 = VectorMask.fromLong(S, 0xFF00L), L8 = H8.not();

        /** dst[d + r*ldd + c] = src[s + c*lds + r] for r, c in [0, 16). */
        static void run(float[] src, int s, int lds, float[] dst, int d, int ldd) {
            FloatVector v0 = FloatVector.fromArray(S, src, s);
            FloatVector v1 = FloatVector.fromArray(S, src, s + 1 * lds);
            FloatVector v2 = FloatVector.fromArray(S, src, s + 2 * lds);
            FloatVector v3 = FloatVector.fromArray(S, src, s + 3 * lds);
            FloatVector v4 = FloatVector.fromArray(S, src, s + 4 * lds);
            FloatVector v5 = FloatVector.fromArray(S, src, s + 5 * lds);
            FloatVector v6 = FloatVector.fromArray(S, src, s + 6 * lds);
            FloatVector v7 = FloatVector.fromArray(S, src, s + 7 * lds);
            FloatVector v8 = FloatVector.fromArray(S, src, s + 8 * lds);
            FloatVector v9 = FloatVector.fromArray(S, src, s + 9 * lds);
            FloatVector v10 = FloatVector.fromArray(S, src, s + 10 * lds);
            FloatVector v11 = FloatVector.fromArray(S, src, s + 11 * lds);
            FloatVector v12 = FloatVector.fromArray(S, src, s + 12 * lds);
            FloatVector v13 = FloatVector.fromArray(S, src, s + 13 * lds);
            FloatVector v14 = FloatVector.fromArray(S, src, s + 14 * lds);
            FloatVector v15 = FloatVector.fromArray(S, src, s + 15 * lds);
            FloatVector t;
            // stage 1
            t = v0.blend(v1.rearrange(X1), H1); v1 = v1.blend(v0.rearrange(X1), L1); v0 = t;
            t = v2.blend(v3.rearrange(X1), H1); v3 = v3.blend(v2.rearrange(X1), L1); v2 = t;
            t = v4.blend(v5.rearrange(X1), H1); v5 = v5.blend(v4.rearrange(X1), L1); v4 = t;
            t = v6.blend(v7.rearrange(X1), H1); v7 = v7.blend(v6.rearrange(X1), L1); v6 = t;
            t = v8.blend(v9.rearrange(X1), H1); v9 = v9.blend(v8.rearrange(X1), L1); v8 = t;
            t = v10.blend(v11.rearrange(X1), H1); v11 = v11.blend(v10.rearrange(X1), L1); v10 = t;
            t = v12.blend(v13.rearrange(X1), H1); v13 = v13.blend(v12.rearrange(X1), L1); v12 = t;
            t = v14.blend(v15.rearrange(X1), H1); v15 = v15.blend(v14.rearrange(X1), L1); v14 = t;
            // stage 2
            t = v0.blend(v2.rearrange(X2), H2); v2 = v2.blend(v0.rearrange(X2), L2); v0 = t;
            t = v1.blend(v3.rearrange(X2), H2); v3 = v3.blend(v1.rearrange(X2), L2); v1 = t;
            t = v4.blend(v6.rearrange(X2), H2); v6 = v6.blend(v4.rearrange(X2), L2); v4 = t;
            t = v5.blend(v7.rearrange(X2), H2); v7 = v7.blend(v5.rearrange(X2), L2); v5 = t;
            t = v8.blend(v10.rearrange(X2), H2); v10 = v10.blend(v8.rearrange(X2), L2); v8 = t;
            t = v9.blend(v11.rearrange(X2), H2); v11 = v11.blend(v9.rearrange(X2), L2); v9 = t;
            t = v12.blend(v14.rearrange(X2), H2); v14 = v14.blend(v12.rearrange(X2), L2); v12 = t;
            t = v13.blend(v15.rearrange(X2), H2); v15 = v15.blend(v13.rearrange(X2), L2); v13 = t;
            // stage 4
            t = v0.blend(v4.rearrange(X4), H4); v4 = v4.blend(v0.rearrange(X4), L4); v0 = t;
            t = v1.blend(v5.rearrange(X4), H4); v5 = v5.blend(v1.rearrange(X4), L4); v1 = t;
            t = v2.blend(v6.rearrange(X4), H4); v6 = v6.blend(v2.rearrange(X4), L4); v2 = t;
            t = v3.blend(v7.rearrange(X4), H4); v7 = v7.blend(v3.rearrange(X4), L4); v3 = t;
            t = v8.blend(v12.rearrange(X4), H4); v12 = v12.blend(v8.rearrange(X4), L4); v8 = t;
            t = v9.blend(v13.rearrange(X4), H4); v13 = v13.blend(v9.rearrange(X4), L4); v9 = t;
            t = v10.blend(v14.rearrange(X4), H4); v14 = v14.blend(v10.rearrange(X4), L4); v10 = t;
            t = v11.blend(v15.rearrange(X4), H4); v15 = v15.blend(v11.rearrange(X4), L4); v11 = t;
            // stage 8
            t = v0.blend(v8.rearrange(X8), H8); v8 = v8.blend(v0.rearrange(X8), L8); v0 = t;
            t = v1.blend(v9.rearrange(X8), H8); v9 = v9.blend(v1.rearrange(X8), L8); v1 = t;
            t = v2.blend(v10.rearrange(X8), H8); v10 = v10.blend(v2.rearrange(X8), L8); v2 = t;
            t = v3.blend(v11.rearrange(X8), H8); v11 = v11.blend(v3.rearrange(X8), L8); v3 = t;
            t = v4.blend(v12.rearrange(X8), H8); v12 = v12.blend(v4.rearrange(X8), L8); v4 = t;
            t = v5.blend(v13.rearrange(X8), H8); v13 = v13.blend(v5.rearrange(X8), L8); v5 = t;
            t = v6.blend(v14.rearrange(X8), H8); v14 = v14.blend(v6.rearrange(X8), L8); v6 = t;
            t = v7.blend(v15.rearrange(X8), H8); v15 = v15.blend(v7.rearrange(X8), L8); v7 = t;
            v0.intoArray(dst, d); v1.intoArray(dst, d + 1 * ldd);
            v2.intoArray(dst, d + 2 * ldd); v3.intoArray(dst, d + 3 * ldd);
            v4.intoArray(dst, d + 4 * ldd); v5.intoArray(dst, d + 5 * ldd);
            v6.intoArray(dst, d + 6 * ldd); v7.intoArray(dst, d + 7 * ldd);
            v8.intoArray(dst, d + 8 * ldd); v9.intoArray(dst, d + 9 * ldd);
            v10.intoArray(dst, d + 10 * ldd); v11.intoArray(dst, d + 11 * ldd);
            v12.intoArray(dst, d + 12 * ldd); v13.intoArray(dst, d + 13 * ldd);
            v14.intoArray(dst, d + 14 * ldd); v15.intoArray(dst, d + 15 * ldd);
        }
    }

}
