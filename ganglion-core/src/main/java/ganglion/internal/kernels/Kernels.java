package ganglion.internal.kernels;

/**
 * The contract every compute backend implements: raw loops over {@code float[]} with offsets and sizes.
 * No shapes, no autograd, no allocation policy. All matrices are row-major.
 *
 * <p>Determinism rule: for the same inputs an implementation returns bit-identical results whatever the
 * number of threads, so that a seeded run reproduces exactly on 1 or 2 cores.
 */
public interface Kernels {

    /** A short description, e.g. "vector (512-bit FMA)" or "scalar". */
    String name();

    /**
     * General matrix multiply: {@code C = op(A) * op(B) + beta * C}, where op(A) is m×k and op(B) is k×n.
     * When {@code transA} is false, A is stored m×k with row stride {@code lda}; when true, A is stored k×m.
     * Likewise B is k×n (or n×k when {@code transB}). C is m×n with row stride {@code ldc}.
     * {@code beta} is 0 (overwrite, C may hold garbage) or 1 (accumulate).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** out[i] = a[i] + b[i] for i in [0, n). */
    void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** out[i] = a[i] - b[i]. */
    void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** out[i] = a[i] * b[i]. */
    void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** out[i] = a[i] / b[i]. */
    void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

    /** out[i] = a[i] + s. */
    void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** out[i] = a[i] * s. */
    void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n);

    /** y[i] += alpha * x[i]. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** Sum of a[off .. off+n). */
    float sum(float[] a, int off, int n);

    /** Maximum of a[off .. off+n); n must be positive. */
    float max(float[] a, int off, int n);

    /** Dot product of two runs of n floats. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** out[i] = max(a[i], 0). */
    void relu(float[] a, int aOff, float[] out, int outOff, int n);

    /** gradIn[i] += x[i] > 0 ? gradOut[i] : 0, where x is the relu's input (or output: same sign). */
    void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n);

    /** Row-wise softmax of a rows×cols matrix: out = exp(a - rowmax) / rowsum. */
    void softmaxRows(float[] a, int aOff, float[] out, int outOff, int rows, int cols);

    /** out[r, c] = mat[r, c] + vec[c] for a rows×cols matrix (bias broadcast). out may be mat. */
    void addRowVector(float[] mat, int matOff, float[] vec, int vecOff, float[] out, int outOff, int rows, int cols);

    /** out[c] += sum over r of mat[r, c] (bias gradient). Sums each column in row order. */
    void sumRowsInto(float[] mat, int matOff, int rows, int cols, float[] out, int outOff);

    /**
     * Winograd F(2x2, 3x3) input transform of one 4x4 tile, channel by channel ({@code V = Bᵀ d B}, see
     * {@link WinogradTransforms}): pixel (r, c) of the tile is {@code channels} floats at
     * {@code src[off + r*rowStride + c*channels]}; position p = 4i + j of V is written to
     * {@code v[vOff + p*vStride ..+ channels)}.
     */
    default void winogradInputTile(float[] src, int off, int rowStride, int channels, float[] v, int vOff,
                                   int vStride) {
        WinogradTransforms.input(src, off, rowStride, channels, channels, v, vOff, vStride);
    }

    /**
     * Winograd F(2x2, 3x3) kernel transform ({@code U = G g Gᵀ}) of {@code count} 3x3 filters side by side: tap
     * (ky, kx) of filter j is {@code w[wOff + (3*ky + kx)*tapStride + j]}; position p of U is written to
     * {@code u[uOff + p*uStride + j]}.
     */
    default void winogradKernelTile(float[] w, int wOff, int tapStride, int count, float[] u, int uOff,
                                    int uStride) {
        WinogradTransforms.kernel(w, wOff, tapStride, count, u, uOff, uStride);
    }

    /**
     * Winograd F(2x2, 3x3) output transform of one tile ({@code Y = Aᵀ M A}), plus {@code bias} (or nothing when
     * null), then {@code max(y, 0)} when {@code relu}: position p of M is {@code channels} floats at
     * {@code m[mOff + p*mStride]}; output pixel (r, c) goes to {@code y[yOff + r*yRowStride + c*channels]}, for
     * r below {@code rows} and c below {@code cols} (1 or 2: edge tiles are cut).
     */
    default void winogradOutputTile(float[] m, int mOff, int mStride, int channels, float[] bias, boolean relu,
                                    float[] y, int yOff, int yRowStride, int rows, int cols) {
        WinogradTransforms.output(m, mOff, mStride, channels, channels, bias, 0, relu, y, yOff, yRowStride, rows, cols);
    }

    /**
     * One Adam step over n parameters, fused into a single pass (Keras's "epsilon hat" form):
     * {@code m += (g - m) * c1; v += (g*g - v) * c2; w -= m * alpha / (sqrt(v) + eps)}, and, when
     * {@code zeroGrad}, {@code g = 0} afterwards. Every element is computed with the same correctly rounded
     * operations (no fused multiply-add), so the result does not depend on vector width or thread count.
     */
    default void adam(float[] w, float[] g, float[] m, float[] v, int n, float alpha, float c1, float c2, float eps,
                      boolean zeroGrad) {
        // A plain loop that C2 vectorises by itself, and that C1 runs fast before that (Vector API code would be slow
        // until C2 compiles it); large variables are split over the kernel threads.
        if (n >= 1 << 16 && Parallel.threads() > 1) {
            Parallel.forRange(n, 1 << 15, (s, e) -> ScalarKernels.adamRange(w, g, m, v, s, e, alpha, c1, c2, eps,
                    zeroGrad));
        } else {
            ScalarKernels.adamRange(w, g, m, v, 0, n, alpha, c1, c2, eps, zeroGrad);
        }
    }

    /**
     * Runs this backend's kernels on small inputs until the JIT has compiled them, if the backend needs that (the
     * Vector API kernels do); {@link KernelWarmup} calls it once, on its own background thread. Must leave no
     * state behind that changes a later result. Does nothing by default.
     */
    default void warmUp() {
    }
}
