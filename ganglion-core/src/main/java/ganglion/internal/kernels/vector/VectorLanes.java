package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species this JVM uses for every vector kernel ({@link FloatVector#SPECIES_PREFERRED}), kept in a
 * single static final so that C2 folds it into constants. Loaded only after {@link VectorKernels} has checked the
 * vector width.
 */
final class VectorLanes {

    /** The preferred float species: 16 lanes with AVX-512, 8 with AVX2, 4 with NEON or SSE. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Lanes per vector. */
    static final int L = SPECIES.length();

    /** Butterfly shuffles for {@link #sum}: lane i swaps with lane i ^ d, for d = L/2 ... 1 (absent when d >= L). */
    private static final VectorShuffle<Float> X8 = butterfly(8);
    private static final VectorShuffle<Float> X4 = butterfly(4);
    private static final VectorShuffle<Float> X2 = butterfly(2);
    private static final VectorShuffle<Float> X1 = butterfly(1);

    private VectorLanes() {
    }

    private static VectorShuffle<Float> butterfly(int d) {
        return d < L ? VectorShuffle.fromOp(SPECIES, i -> i ^ d) : null;
    }

    /**
     * The sum of v's lanes in one fixed order (a butterfly tree), the same whether the code runs interpreted, in C1
     * or in C2. {@code reduceLanes(ADD)} leaves its order to the implementation: its Java fallback and the C2
     * intrinsic round differently, so results would change as the JIT warms up (seen on JDK 25). Handles up to 32
     * lanes (1024-bit vectors); beyond that it falls back to summing lanes in order.
     */
    static float sum(FloatVector v) {
        if (L > 32) {
            float s = 0f;
            for (int i = 0; i < L; i++) {
                s += v.lane(i);
            }
            return s;
        }
        if (L == 32) {
            v = v.add(v.rearrange(VectorShuffle.fromOp(SPECIES, i -> i ^ 16)));
        }
        if (X8 != null) {
            v = v.add(v.rearrange(X8));
        }
        if (X4 != null) {
            v = v.add(v.rearrange(X4));
        }
        if (X2 != null) {
            v = v.add(v.rearrange(X2));
        }
        if (X1 != null) {
            v = v.add(v.rearrange(X1));
        }
        return v.lane(0);
    }
}
