package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Kernels;
import jdk.incubator.vector.FloatVector;

/**
 * The {@link Kernels} on the Vector API ({@code jdk.incubator.vector}): a packed, register-blocked GEMM
 * ({@link VectorGemm}) and vectorised element-wise and reduction kernels. The only code in Ganglion that touches
 * the incubator module; {@code KernelProvider} loads it by name and falls back to the scalar kernels when its
 * constructor refuses the machine.
 */
public final class VectorKernels implements Kernels {

    /** Refuses vectors narrower than 128 bits, where the scalar kernels are as fast. */
    public VectorKernels() {
        if (FloatVector.SPECIES_PREFERRED.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("vectors narrower than 128 bits ("
                    + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "): use the scalar kernels");
        }
    }

    @Override
    public String name() {
        return "vector (" + VectorLanes.SPECIES.vectorBitSize() + "-bit FMA, GEMM " + VectorGemm.MR + "x"
                + VectorGemm.NR + ")";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        VectorElementwise.binary(VectorElementwise.ADD, a, aOff, b, bOff, out, outOff, n);
    }

    @Override
    public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        VectorElementwise.binary(VectorElementwise.SUB, a, aOff, b, bOff, out, outOff, n);
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        VectorElementwise.binary(VectorElementwise.MUL, a, aOff, b, bOff, out, outOff, n);
    }

    @Override
    public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        VectorElementwise.binary(VectorElementwise.DIV, a, aOff, b, bOff, out, outOff, n);
    }

    @Override
    public void addScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        VectorElementwise.addScalar(a, aOff, s, out, outOff, n);
    }

    @Override
    public void mulScalar(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        VectorElementwise.mulScalar(a, aOff, s, out, outOff, n);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        VectorElementwise.axpy(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public float sum(float[] a, int off, int n) {
        return VectorReductions.sum(a, off, n);
    }

    @Override
    public float max(float[] a, int off, int n) {
        return VectorReductions.max(a, off, n);
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return VectorReductions.dot(a, aOff, b, bOff, n);
    }

    @Override
    public void winogradInputTile(float[] src, int off, int rowStride, int channels, float[] v, int vOff,
                                  int vStride) {
        VectorWinograd.input(src, off, rowStride, channels, v, vOff, vStride);
    }

    @Override
    public void winogradKernelTile(float[] w, int wOff, int tapStride, int count, float[] u, int uOff, int uStride) {
        VectorWinograd.kernel(w, wOff, tapStride, count, u, uOff, uStride);
    }

    @Override
    public void winogradOutputTile(float[] m, int mOff, int mStride, int channels, float[] bias, boolean relu,
                                   float[] y, int yOff, int yRowStride, int rows, int cols) {
        VectorWinograd.output(m, mOff, mStride, channels, bias, relu, y, yOff, yRowStride, rows, cols);
    }

    @Override
    public void relu(float[] a, int aOff, float[] out, int outOff, int n) {
        VectorElementwise.relu(a, aOff, out, outOff, n);
    }

    @Override
    public void reluBackward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
        VectorElementwise.reluBackward(x, xOff, gradOut, gOff, gradIn, giOff, n);
    }

    @Override
    public void softmaxRows(float[] a, int aOff, float[] out, int outOff, int rows, int cols) {
        VectorReductions.softmaxRows(a, aOff, out, outOff, rows, cols);
    }

    @Override
    public void addRowVector(float[] mat, int matOff, float[] vec, int vecOff, float[] out, int outOff,
                             int rows, int cols) {
        VectorElementwise.addRowVector(mat, matOff, vec, vecOff, out, outOff, rows, cols);
    }

    @Override
    public void sumRowsInto(float[] mat, int matOff, int rows, int cols, float[] out, int outOff) {
        VectorReductions.sumRowsInto(mat, matOff, rows, cols, out, outOff);
    }


    /** Runs {@link VectorWarmup} on the calling thread. */
    @Override
    public void warmUp() {
        new VectorWarmup(this).run();
    }
}
