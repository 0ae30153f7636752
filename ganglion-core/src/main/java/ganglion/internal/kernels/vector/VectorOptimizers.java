package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Parallel;
import ganglion.internal.kernels.ScalarKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused optimizer updates on the Vector API: one pass over weights, gradients and slots per step instead of one
 * per operation, split over the kernel threads for large variables. Each element sees the same correctly rounded
 * operations as the scalar code (no FMA), so results match it bit for bit whatever the split.
 */
final class VectorOptimizers {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;
    /** Variables below this size are updated on the calling thread. */
    static final int PARALLEL_MIN = 1 << 16;
    private static final int MIN_CHUNK = 1 << 15;

    private VectorOptimizers() {
    }

    static void adam(float[] w, float[] g, float[] m, float[] v, int n, float alpha, float c1, float c2, float eps,
                     boolean zeroGrad) {
        if (n >= PARALLEL_MIN && Parallel.threads() > 1) {
            Parallel.forRange(n, MIN_CHUNK, (s, e) -> adamRange(w, g, m, v, s, e, alpha, c1, c2, eps, zeroGrad));
        } else {
            adamRange(w, g, m, v, 0, n, alpha, c1, c2, eps, zeroGrad);
        }
    }

    static void adamRange(float[] w, float[] g, float[] m, float[] v, int from, int to, float alpha, float c1,
                          float c2, float eps, boolean zeroGrad) {
        FloatVector zero = FloatVector.zero(S);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mo = FloatVector.fromArray(S, m, i);
            FloatVector vo = FloatVector.fromArray(S, v, i);
            FloatVector mi = mo.add(gi.sub(mo).mul(c1));
            FloatVector vi = vo.add(gi.mul(gi).sub(vo).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector step = mi.mul(alpha).div(vi.sqrt().add(eps));
            FloatVector.fromArray(S, w, i).sub(step).intoArray(w, i);
            if (zeroGrad) {
                zero.intoArray(g, i);
            }
        }
        ScalarKernels.adamRange(w, g, m, v, i, to, alpha, c1, c2, eps, zeroGrad);
    }
}
