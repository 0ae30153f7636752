package ganglion.bench;

import ganglion.internal.kernels.Kernels;

/**
 * The GEMM shapes the matmul benchmarks time, written {@code m x k x n} for {@code C = A.B} with A m x k and
 * B k x n, plus the two products backpropagation runs for the dense-layer shapes: {@code dA = dC.B^T} and
 * {@code dB = A^T.dC}. {@code bench/scripts/matmul_numpy.py} times the same list with numpy.
 */
public enum MatmulShape {
    SQUARE_512("512x512x512 A.B", false, false, 512, 512, 512),
    SQUARE_1024("1024x1024x1024 A.B", false, false, 1024, 1024, 1024),
    DENSE_32x1600x128("32x1600x128 A.B", false, false, 32, 128, 1600),
    DENSE_32x1600x128_DA("32x1600x128 dC.B^T", false, true, 32, 1600, 128),
    DENSE_32x1600x128_DB("32x1600x128 A^T.dC", true, false, 1600, 128, 32),
    DENSE_128x784x512("128x784x512 A.B", false, false, 128, 512, 784),
    DENSE_128x784x512_DA("128x784x512 dC.B^T", false, true, 128, 784, 512),
    DENSE_128x784x512_DB("128x784x512 A^T.dC", true, false, 784, 512, 128);

    /** Label in the numpy script's notation. */
    public final String label;
    /** GEMM arguments: op(A) is m x k, op(B) is k x n. */
    public final boolean transA, transB;
    public final int m, n, k;

    MatmulShape(String label, boolean transA, boolean transB, int m, int n, int k) {
        this.label = label;
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** Floating-point operations of one product. */
    public double flops() {
        return 2.0 * m * n * k;
    }

    /** Operands for this shape, filled with seeded values in [-1, 1). */
    public Operands operands() {
        return new Operands(this);
    }

    /** Stored operands (A stored k x m when transposed, B stored n x k when transposed) and the output. */
    public static final class Operands {
        private final MatmulShape s;
        final float[] a, b, c;

        Operands(MatmulShape s) {
            this.s = s;
            java.util.Random r = new java.util.Random(7);
            a = new float[s.m * s.k];
            b = new float[s.k * s.n];
            c = new float[s.m * s.n];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextFloat() * 2f - 1f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextFloat() * 2f - 1f;
            }
        }

        /** Runs C = op(A) op(B) once and returns C. */
        public float[] run(Kernels kernels) {
            kernels.gemm(s.transA, s.transB, s.m, s.n, s.k, a, 0, s.transA ? s.m : s.k, b, 0, s.transB ? s.k : s.n,
                    0f, c, 0, s.n);
            return c;
        }
    }
}
