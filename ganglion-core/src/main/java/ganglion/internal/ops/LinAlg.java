package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

/** Matrix products with gradients, all on the GEMM kernel (no transposed copies are made). */
public final class LinAlg {

    private LinAlg() {
    }

    /**
     * numpy.matmul semantics with optional transposition of the last two axes of either operand.
     * Supported: 1-D and 2-D operands, n-D × 2-D (leading axes folded into rows), and n-D × n-D with
     * equal leading (batch) axes.
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length == 0 || bs.length == 0) {
            throw new IllegalArgumentException("matmul: scalars are not matrices (shapes " + Shapes.str(as)
                    + " and " + Shapes.str(bs) + ")");
        }
        boolean vecA = as.length == 1, vecB = bs.length == 1;
        Tensor a2 = vecA ? a.reshape(1, as[0]) : a;
        Tensor b2 = vecB ? b.reshape(bs[0], 1) : b;
        Tensor r = matmulNd(a2, b2, transA && !vecA, transB && !vecB);
        if (vecA && vecB) {
            return r.reshape();
        }
        if (vecA) {
            int[] s = r.shape();
            int[] t = new int[s.length - 1];
            System.arraycopy(s, 0, t, 0, s.length - 2);
            t[t.length - 1] = s[s.length - 1];
            return r.reshape(t);
        }
        if (vecB) {
            int[] s = r.shape();
            return r.reshape(java.util.Arrays.copyOf(s, s.length - 1));
        }
        return r;
    }

    private static Tensor matmulNd(Tensor a, Tensor b, boolean transA, boolean transB) {
        int[] as = a.shape(), bs = b.shape();
        int ra = as.length, rb = bs.length;
        int aRows = as[ra - 2], aCols = as[ra - 1];
        int bRows = bs[rb - 2], bCols = bs[rb - 1];
        int m = transA ? aCols : aRows;
        int k = transA ? aRows : aCols;
        int kb = transB ? bCols : bRows;
        int n = transB ? bRows : bCols;
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(as) + (transA ? "ᵀ" : "") + " and "
                    + Shapes.str(bs) + (transB ? "ᵀ" : "") + " are not aligned: " + k + " (last axis of the first)"
                    + " != " + kb + " (first matrix axis of the second)");
        }
        if (rb == 2) {
            if (!transA || ra == 2) {
                int batchRows = ra == 2 ? m : Shapes.prod(as, 0, ra - 1);
                int[] outShape = as.clone();
                if (transA) {
                    outShape[ra - 2] = m;
                }
                outShape[ra - 1] = n;
                return gemmOp(a, b, transA, transB, ra == 2 ? m : batchRows, n, k, 1, outShape);
            }
        }
        // batched: equal leading axes
        if (ra != rb) {
            throw new IllegalArgumentException("matmul: batched operands need equal ranks, got " + Shapes.str(as)
                    + " and " + Shapes.str(bs));
        }
        for (int i = 0; i < ra - 2; i++) {
            if (as[i] != bs[i]) {
                throw new IllegalArgumentException("matmul: batch axes differ: " + Shapes.str(as) + " and "
                        + Shapes.str(bs));
            }
        }
        int batch = Shapes.prod(as, 0, ra - 2);
        int[] outShape = as.clone();
        outShape[ra - 2] = m;
        outShape[ra - 1] = n;
        return gemmOp(a, b, transA, transB, m, n, k, batch, outShape);
    }

    /** C[batch] = op(A[batch]) op(B[batch]) (B shared when batch > 1 and B is 2-D). */
    private static Tensor gemmOp(Tensor a, Tensor b, boolean transA, boolean transB,
                                 int m, int n, int k, int batch, int[] outShape) {
        Kernels kern = KernelProvider.get();
        float[] ad = a.buffer(), bd = b.buffer();
        float[] out = new float[Shapes.checkedSize(outShape)];
        int lda = transA ? m : k, ldb = transB ? k : n;
        int aStride = m * k, bStride = b.rank() == 2 ? 0 : k * n, cStride = m * n;
        for (int i = 0; i < batch; i++) {
            kern.gemm(transA, transB, m, n, k, ad, i * aStride, lda, bd, i * bStride, ldb, 0f, out, i * cStride, n);
        }
        if (!Autograd.needsGrad(a, b)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(a, b) {
            @Override
            public void backward(Tensor result, float[] g) {
                Kernels kk = KernelProvider.get();
                if (a.requiresGrad()) {
                    float[] ga = gradOf(a);
                    for (int i = 0; i < batch; i++) {
                        int go = i * cStride, ao = i * aStride, bo = i * bStride;
                        if (!transA) {
                            // dA (m×k) = dC (m×n) · op(B)ᵀ
                            kk.gemm(false, !transB, m, k, n, g, go, n, bd, bo, ldb, 1f, ga, ao, k);
                        } else {
                            // A stored k×m: dA = op(B) · dCᵀ
                            kk.gemm(transB, true, k, m, n, bd, bo, ldb, g, go, n, 1f, ga, ao, m);
                        }
                    }
                }
                if (b.requiresGrad()) {
                    float[] gb = gradOf(b);
                    for (int i = 0; i < batch; i++) {
                        int go = i * cStride, ao = i * aStride, bo = i * bStride;
                        if (!transB) {
                            // dB (k×n) = op(A)ᵀ · dC
                            kk.gemm(!transA, false, k, n, m, ad, ao, lda, g, go, n, 1f, gb, bo, n);
                        } else {
                            // B stored n×k: dB = dCᵀ · op(A)
                            kk.gemm(true, transA, n, k, m, g, go, n, ad, ao, lda, 1f, gb, bo, k);
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "matmul";
            }
        });
    }
}
