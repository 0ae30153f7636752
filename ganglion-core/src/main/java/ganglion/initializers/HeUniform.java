package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code HeUniform}, a {@link VarianceScaling} with scale 2.0, mode "fan_in" and distribution "uniform".
 * He uniform: {@code limit = sqrt(6 / fan_in)}.
 */
public final class HeUniform extends VarianceScaling {

    public HeUniform() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public HeUniform(Long seed) {
        super(2.0, "fan_in", "uniform", seed);
    }

    @Override
    public String name() {
        return "he_uniform";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
