package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.ScalarKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vector API kernels (placeholder: delegates to the scalar ones until the vector code lands). */
public final class VectorKernels extends ScalarKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    public VectorKernels() {
        if (SPECIES.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("vectors narrower than 128 bits");
        }
    }

    @Override
    public String name() {
        return "vector (" + SPECIES.vectorBitSize() + "-bit)";
    }
}
