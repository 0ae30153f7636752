package ganglion.internal.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ganglion.internal.kernels.KernelProvider;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The softmax exponential: lanes and scalar twin agree bit for bit, stay within 2 ulp, handle the edges. */
class VectorExpTest {

    @BeforeEach
    void needsVectorApi() {
        assumeTrue(KernelProvider.tryVector() != null, "Vector API unavailable");
    }

    @Test
    void lanesMatchScalarTwinAndMathExp() {
        int lanes = VectorLanes.L;
        float[] x = new float[lanes];
        float[] out = new float[lanes];
        java.util.Random r = new java.util.Random(5);
        for (int t = 0; t < 20_000; t++) {
            for (int i = 0; i < lanes; i++) {
                x[i] = (r.nextFloat() * 2f - 1f) * (t % 2 == 0 ? 87f : 3f);
            }
            VectorExp.exp(FloatVector.fromArray(VectorLanes.SPECIES, x, 0)).intoArray(out, 0);
            for (int i = 0; i < lanes; i++) {
                float scalar = VectorExp.exp(x[i]);
                assertEquals(Float.floatToRawIntBits(scalar), Float.floatToRawIntBits(out[i]), "lane vs tail at " + x[i]);
                float ref = (float) Math.exp(x[i]);
                assertTrue(Math.abs(scalar - ref) <= 2 * Math.ulp(ref), "exp(" + x[i] + ") = " + scalar + ", want " + ref);
            }
        }
    }

    @Test
    void edges() {
        assertEquals(1f, VectorExp.exp(0f));
        assertEquals(0f, VectorExp.exp(-100f));
        assertEquals(0f, VectorExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, VectorExp.exp(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(VectorExp.exp(Float.NaN)));
        float[] x = new float[VectorLanes.L];
        java.util.Arrays.fill(x, Float.NaN);
        x[0] = Float.NEGATIVE_INFINITY;
        x[1] = Float.POSITIVE_INFINITY;
        float[] out = new float[x.length];
        VectorExp.exp(FloatVector.fromArray(VectorLanes.SPECIES, x, 0)).intoArray(out, 0);
        assertEquals(0f, out[0]);
        assertEquals(Float.POSITIVE_INFINITY, out[1]);
        assertTrue(Float.isNaN(out[2]));
    }
}
