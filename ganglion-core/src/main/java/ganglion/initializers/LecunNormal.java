package ganglion.initializers;

import java.util.Map;

/**
 * Keras's {@code LecunNormal}, a {@link VarianceScaling} with scale 1.0, mode "fan_in" and distribution "truncated_normal".
 * LeCun normal: truncated normal with variance {@code 1 / fan_in}.
 */
public final class LecunNormal extends VarianceScaling {

    public LecunNormal() {
        this(null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public LecunNormal(Long seed) {
        super(1.0, "fan_in", "truncated_normal", seed);
    }

    @Override
    public String name() {
        return "lecun_normal";
    }

    /** {"seed": ...}, as Keras. */
    @Override
    public Map<String, Object> getConfig() {
        return seedOnlyConfig();
    }
}
