package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
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

    private VectorLanes() {
    }
}
