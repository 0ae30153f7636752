package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code HeNormal}, a {@link VarianceScaling} with scale 2.0, mode "fan_in" and distribution "truncated_normal".
 * He normal: truncated normal with variance {@code 2 / fan_in}.
 */
public final class HeNormal extends VarianceScaling {

    public HeNormal() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public HeNormal(Long seed) {
        super(2.0, "fan_in", "truncated_normal", seed);
    }

    @Override
    public String name() {
        return "he_normal";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
