package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code LecunUniform}, a {@link VarianceScaling} with scale 1.0, mode "fan_in" and distribution "uniform".
 * LeCun uniform: {@code limit = sqrt(3 / fan_in)}.
 */
public final class LecunUniform extends VarianceScaling {

    public LecunUniform() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public LecunUniform(Long seed) {
        super(1.0, "fan_in", "uniform", seed);
    }

    @Override
    public String name() {
        return "lecun_uniform";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
