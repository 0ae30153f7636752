package ganglion.internal.kernels;

/**
 * Plain-Java kernels, written as simple counted loops over arrays so that C2 auto-vectorises them.
 * Always available; also the reference the vector kernels are tested against.
 */
public class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    /**
     * C = op(A) op(B) + beta C; the plain definition is
     * {@code C[i][j] = beta*C[i][j] + sum_p op(A)[i][p] * op(B)[p][j]}. Runs the blocked, auto-vectorised
     * {@link ScalarGemm}.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    @Override
    public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] - b[bOff + i];
        }
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] / b[bOff + i];
        }
    }

    @Override
    public void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] + s;
        }
    }

    @Override
    public void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = a[aOff + i] * s;
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public float sum(float[] a, int off, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    @Override
    public float max(float[] a, int off, int n) {
        float m = a[off];
        for (int i = 1; i < n; i++) {
            float v = a[off + i];
            if (v > m || Float.isNaN(v)) {
                m = v;
            }
        }
        return m;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    @Override
    public void relu(float[] a, int aOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.max(a[aOff + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
        for (int i = 0; i < n; i++) {
            gradIn[giOff + i] += x[xOff + i] > 0f ? gradOut[gOff + i] : 0f;
        }
    }

    @Override
    public void softmaxRows(float[] a, int aOff, float[] out, int outOff, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int in = aOff + r * cols;
            int o = outOff + r * cols;
            float mx = max(a, in, cols);
            float s = 0f;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(a[in + j] - mx);
                out[o + j] = e;
                s += e;
            }
            float inv = 1f / s;
            for (int j = 0; j < cols; j++) {
                out[o + j] *= inv;
            }
        }
    }

    @Override
    public void addRowVector(float[] mat, int matOff, float[] vec, int vecOff, float[] out, int outOff,
                             int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            add(mat, matOff + r * cols, vec, vecOff, out, outOff + r * cols, cols);
        }
    }

    @Override
    public void sumRowsInto(float[] mat, int matOff, int rows, int cols, float[] out, int outOff) {
        for (int r = 0; r < rows; r++) {
            int row = matOff + r * cols;
            for (int c = 0; c < cols; c++) {
                out[outOff + c] += mat[row + c];
            }
        }
    }

    /** The scalar Adam step over [from, to): see {@link Kernels#adam}. */
    public static void adamRange(float[] w, float[] g, float[] m, float[] v, int from, int to, float alpha, float c1,
                          float c2, float eps, boolean zeroGrad) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
            if (zeroGrad) {
                g[i] = 0f;
            }
        }
    }
}
