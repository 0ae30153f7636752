package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x for float vectors and a scalar twin that rounds every step the same way, so a lane and a loop tail give
 * the same bits. Written with FMAs and bit tricks rather than {@code lanewise(EXP)}: the incubator's EXP gives
 * different bits once C2 swaps in its intrinsic, which would make results depend on JIT timing.
 *
 * <p>Method (as in the Cephes {@code expf}): {@code x = n ln2 + r} with n = round(x log2 e) and |r| <= ln2/2
 * (ln2 split in two parts for an exact reduction), e^r from a degree-7 polynomial, then scaled by 2^n built in
 * the exponent bits (n read from the bits of the rounding sum: a float-to-int conversion is not intrinsic on
 * JDK 17). About 1 ulp; inputs below ln(FLT_MIN) give 0, above ln(FLT_MAX) give infinity, NaN stays NaN.
 */
final class VectorExp {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding and subtracting it rounds to the nearest integer. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    private static final float MIN_X = -87.33654f;
    private static final float MAX_X = 88.72283f;
    private static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f;
    private static final float P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;

    private VectorExp() {
    }

    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.lanewise(VectorOperators.MAX, MIN_X).lanewise(VectorOperators.MIN, MAX_X);
        FloatVector t = xc.fma(LOG2E, ROUND);   // n sits in the low mantissa bits of t
        FloatVector fx = t.sub(ROUND);
        FloatVector r = fx.fma(FloatVector.broadcast(S, -LN2_HI), xc);
        r = fx.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector z = r.mul(r);
        FloatVector y = r.fma(P0, P1);
        y = y.fma(r, FloatVector.broadcast(S, P2));
        y = y.fma(r, FloatVector.broadcast(S, P3));
        y = y.fma(r, FloatVector.broadcast(S, P4));
        y = y.fma(r, FloatVector.broadcast(S, P5));
        y = y.fma(z, r).add(1f);
        IntVector bits = t.reinterpretAsInts();
        FloatVector scale = bits.add(127 - ROUND_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return y.mul(scale).blend(0f, x.compare(VectorOperators.LT, MIN_X));
    }

    static float exp(float x) {
        float xc = Math.min(Math.max(x, MIN_X), MAX_X);
        float t = Math.fma(xc, LOG2E, ROUND);
        float fx = t - ROUND;
        float r = Math.fma(fx, -LN2_HI, xc);
        r = Math.fma(fx, -LN2_LO, r);
        float z = r * r;
        float y = Math.fma(r, P0, P1);
        y = Math.fma(y, r, P2);
        y = Math.fma(y, r, P3);
        y = Math.fma(y, r, P4);
        y = Math.fma(y, r, P5);
        y = Math.fma(y, z, r) + 1f;
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) + 127 - ROUND_BITS) << 23);
        return x < MIN_X ? 0f : y * scale;
    }
}
