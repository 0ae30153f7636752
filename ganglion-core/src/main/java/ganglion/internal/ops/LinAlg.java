package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

import java.util.Arrays;

/**
 * Matrix products with gradients (keras.ops.matmul), all on the GEMM kernel: no transposed copies are made.
 * Semantics are numpy.matmul's: 1-D operands are promoted to a row (first) or column (second) vector and
 * the added axis is removed again; leading (batch) axes broadcast against each other.
 */
public final class LinAlg {

    private LinAlg() {
    }

    /** numpy.matmul with optional transposition of the last two axes of either operand (ignored for 1-D). */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length == 0 || bs.length == 0) {
            throw new IllegalArgumentException("matmul: scalars are not matrices (shapes " + Shapes.str(as)
                    + " and " + Shapes.str(bs) + "); use mul for scaling");
        }
        boolean vecA = as.length == 1, vecB = bs.length == 1;
        Tensor a2 = vecA ? a.reshape(1, as[0]) : a;
        Tensor b2 = vecB ? b.reshape(bs[0], 1) : b;
        Tensor r = matmulNd(a2, b2, transA && !vecA, transB && !vecB, as, bs);
        if (!vecA && !vecB) {
            return r;
        }
        int[] s = r.shape();
        int[] t;
        if (vecA && vecB) {
            t = Arrays.copyOf(s, s.length - 2);
        } else if (vecA) {
            t = new int[s.length - 1];
            System.arraycopy(s, 0, t, 0, s.length - 2);
            t[t.length - 1] = s[s.length - 1];
        } else {
            t = Arrays.copyOf(s, s.length - 1);
        }
        return r.reshape(t);
    }

    private static Tensor matmulNd(Tensor a, Tensor b, boolean transA, boolean transB, int[] origA, int[] origB) {
        int[] as = a.shape(), bs = b.shape();
        int ra = as.length, rb = bs.length;
        int m = transA ? as[ra - 1] : as[ra - 2];
        int k = transA ? as[ra - 2] : as[ra - 1];
        int kb = transB ? bs[rb - 1] : bs[rb - 2];
        int n = transB ? bs[rb - 2] : bs[rb - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(origA) + (transA ? " (transposed)" : "")
                    + " and " + Shapes.str(origB) + (transB ? " (transposed)" : "") + " are not aligned: the first's "
                    + (transA ? "second-to-last" : "last") + " axis has " + k + " elements, the second's "
                    + (transB ? "last" : "second-to-last") + " axis has " + kb);
        }
        if (rb == 2 && !transA) {
            // [..., m, k] x [k, n]: fold every leading axis into the rows, one GEMM.
            int rows = Shapes.prod(as, 0, ra - 1);
            int[] outShape = as.clone();
            outShape[ra - 1] = n;
            return gemmOp(a, b, false, transB, rows, n, k, 1, null, null, outShape);
        }
        int[] aBatch = Arrays.copyOf(as, ra - 2), bBatch = Arrays.copyOf(bs, rb - 2);
        int[] batchShape;
        try {
            batchShape = Broadcast.shape(aBatch, bBatch, "matmul");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: the batch axes of shapes " + Shapes.str(origA) + " and "
                    + Shapes.str(origB) + " cannot be broadcast together (" + Shapes.str(aBatch) + " vs "
                    + Shapes.str(bBatch) + ")");
        }
        int batch = Shapes.checkedSize(batchShape);
        int[] aOff = offsets(aBatch, batchShape, m * k);
        int[] bOff = offsets(bBatch, batchShape, k * n);
        int[] outShape = Arrays.copyOf(batchShape, batchShape.length + 2);
        outShape[outShape.length - 2] = m;
        outShape[outShape.length - 1] = n;
        return gemmOp(a, b, transA, transB, m, n, k, batch, aOff, bOff, outShape);
    }

    /** Start of each batch's matrix in an operand broadcast to batchShape; null when it is i * stride. */
    private static int[] offsets(int[] opBatch, int[] batchShape, int stride) {
        if (Arrays.equals(opBatch, batchShape)) {
            return null;
        }
        int[] map = Broadcast.indexMap(opBatch, batchShape);
        for (int i = 0; i < map.length; i++) {
            map[i] *= stride;
        }
        return map;
    }

    /** C[i] = op(A[aOff[i]]) op(B[bOff[i]]) for each batch i (offsets null: i * matrix size). */
    private static Tensor gemmOp(Tensor a, Tensor b, boolean transA, boolean transB, int m, int n, int k,
                                 int batch, int[] aOff, int[] bOff, int[] outShape) {
        Kernels kern = KernelProvider.get();
        float[] ad = a.buffer(), bd = b.buffer();
        float[] out = new float[Shapes.checkedSize(outShape)];
        int lda = transA ? m : k, ldb = transB ? k : n;
        int aStride = m * k, bStride = k * n, cStride = m * n;
        if (k == 0) {
            // empty contraction: zeros (already)
        } else {
            for (int i = 0; i < batch; i++) {
                int ao = aOff == null ? i * aStride : aOff[i], bo = bOff == null ? i * bStride : bOff[i];
                kern.gemm(transA, transB, m, n, k, ad, ao, lda, bd, bo, ldb, 0f, out, i * cStride, n);
            }
        }
        if (!Autograd.needsGrad(a, b)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(a, b) {
            @Override
            public void backward(Tensor result, float[] g) {
                if (m == 0 || n == 0 || k == 0) {
                    if (a.requiresGrad()) {
                        gradOf(a);
                    }
                    if (b.requiresGrad()) {
                        gradOf(b);
                    }
                    return;
                }
                Kernels kk = KernelProvider.get();
                if (a.requiresGrad()) {
                    float[] ga = gradOf(a);
                    for (int i = 0; i < batch; i++) {
                        int go = i * cStride;
                        int ao = aOff == null ? i * aStride : aOff[i], bo = bOff == null ? i * bStride : bOff[i];
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
                        int go = i * cStride;
                        int ao = aOff == null ? i * aStride : aOff[i], bo = bOff == null ? i * bStride : bOff[i];
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
