package ganglion.internal.kernels;

/**
 * Argument checks shared by every {@link Kernels#gemm} implementation, so that a bad leading dimension fails
 * with a message naming the operand and the fix instead of an index error deep in a packing loop.
 */
public final class GemmArgs {

    private GemmArgs() {
    }

    /** Throws IllegalArgumentException when the sizes or leading dimensions cannot describe the operands. */
    public static void check(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be non-negative. Received: m=" + m + ", n=" + n
                    + ", k=" + k);
        }
        checkLd("A", transA ? m : k, lda, transA ? k : m, transA);
        checkLd("B", transB ? k : n, ldb, transB ? n : k, transB);
        if (m > 0 && ldc < n) {
            throw new IllegalArgumentException("gemm: ldc=" + ldc + " is smaller than the row length n=" + n
                    + " of C (" + m + "x" + n + "); pass ldc >= " + n);
        }
    }

    private static void checkLd(String name, int rowLength, int ld, int rows, boolean trans) {
        if (rows > 0 && ld < rowLength) {
            throw new IllegalArgumentException("gemm: ld" + name.toLowerCase() + "=" + ld
                    + " is smaller than the stored row length " + rowLength + " of " + name + " (stored " + rows
                    + "x" + rowLength + (trans ? ", transposed" : "") + "); pass ld" + name.toLowerCase() + " >= "
                    + rowLength);
        }
    }
}
