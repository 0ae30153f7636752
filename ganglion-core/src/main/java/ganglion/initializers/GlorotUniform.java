package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code GlorotUniform}, a {@link VarianceScaling} with scale 1.0, mode "fan_avg" and distribution "uniform".
 * Glorot (Xavier) uniform: {@code limit = sqrt(6 / (fan_in + fan_out))}; the default kernel initializer of Dense and Conv layers.
 */
public final class GlorotUniform extends VarianceScaling {

    public GlorotUniform() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public GlorotUniform(Long seed) {
        super(1.0, "fan_avg", "uniform", seed);
    }

    @Override
    public String name() {
        return "glorot_uniform";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
