package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code GlorotNormal}, a {@link VarianceScaling} with scale 1.0, mode "fan_avg" and distribution "truncated_normal".
 * Glorot (Xavier) normal: truncated normal with variance {@code 2 / (fan_in + fan_out)}.
 */
public final class GlorotNormal extends VarianceScaling {

    public GlorotNormal() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public GlorotNormal(Long seed) {
        super(1.0, "fan_avg", "truncated_normal", seed);
    }

    @Override
    public String name() {
        return "glorot_normal";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
