package ganglion.internal.ops.rnn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sigmoid and tanh on the Vector API: exp by Cody-Waite range reduction and a degree-5 polynomial (the
 * Cephes expf scheme, about 2 ulp), tanh near zero by its odd series. Loaded reflectively by
 * {@link GateMath}; tails run the scalar formulas.
 */
final class VectorGateMath implements GateMath {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f;   // 1.5 * 2^23: adding it rounds to an integer
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    private static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    VectorGateMath() {
        if (S.length() < 4) {
            throw new UnsupportedOperationException("vectors too narrow");
        }
    }

    /** e^x for x in [-87, 88]. */
    private static FloatVector exp(FloatVector x) {
        x = x.max(-87f).min(88f);
        FloatVector shifted = x.mul(LOG2E).add(ROUND);
        FloatVector n = shifted.sub(ROUND);
        IntVector ni = shifted.reinterpretAsInts().sub(ROUND_BITS);
        FloatVector r = x.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        FloatVector r2 = r.mul(r);
        FloatVector p = r.fma(P0, P1).fma(r, FloatVector.broadcast(S, P2)).fma(r, FloatVector.broadcast(S, P3))
                .fma(r, FloatVector.broadcast(S, P4)).fma(r, FloatVector.broadcast(S, P5));
        FloatVector y = p.fma(r2, r).add(1f);
        IntVector bits = y.reinterpretAsInts().add(ni.lanewise(VectorOperators.LSHL, 23));
        return bits.reinterpretAsFloats();
    }

    @Override
    public void sigmoid(float[] a, int off, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, off + i);
            FloatVector e = exp(x.neg());
            ONE.div(e.add(1f)).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] = RnnActivation.sigmoid(a[off + i]);
        }
    }

    @Override
    public void tanh(float[] a, int off, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, off + i);
            FloatVector ax = x.abs();
            FloatVector e = exp(ax.mul(-2f));
            FloatVector big = FloatVector.broadcast(S, 1f).sub(e).div(e.add(1f));
            FloatVector x2 = x.mul(x);
            FloatVector small = x2.fma(-17f / 315f, 2f / 15f).fma(x2, FloatVector.broadcast(S, -1f / 3f))
                    .fma(x2, FloatVector.broadcast(S, 1f)).mul(ax);
            VectorMask<Float> tiny = ax.lt(0.0625f);
            FloatVector mag = big.blend(small, tiny);
            VectorMask<Float> neg = x.lt(0f);
            mag.blend(mag.neg(), neg).intoArray(a, off + i);
        }
        for (; i < n; i++) {
            a[off + i] = RnnActivation.tanh(a[off + i]);
        }
    }
}
