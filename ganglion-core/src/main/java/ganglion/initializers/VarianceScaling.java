package ganglion.initializers;

import ganglion.Tensor;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code VarianceScaling}: scales its distribution to the weight's fans. With {@code n} the fan-in, the
 * fan-out or their mean (per {@code mode}), "truncated_normal" draws a normal truncated at two standard
 * deviations with {@code stddev = sqrt(scale / n) / 0.87962566103423978} (so that the variance after truncation
 * is {@code scale / n}), "untruncated_normal" uses {@code stddev = sqrt(scale / n)} and "uniform" draws from
 * {@code [-limit, limit)} with {@code limit = sqrt(3 * scale / n)}. Fans follow {@link Initializers#computeFans}.
 */
public class VarianceScaling extends RandomInitializer {

    /** Standard deviation of a unit normal truncated to [-2, 2]. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    private final double scale;
    private final String mode;
    private final String distribution;

    /** Keras's defaults: scale 1, mode "fan_in", distribution "truncated_normal". */
    public VarianceScaling() {
        this(1.0, "fan_in", "truncated_normal", null);
    }

    /**
     * @param scale        positive scaling factor
     * @param mode         "fan_in", "fan_out" or "fan_avg"
     * @param distribution "truncated_normal" (alias "normal"), "untruncated_normal" or "uniform"
     */
    public VarianceScaling(double scale, String mode, String distribution) {
        this(scale, mode, distribution, null);
    }

    /** As {@link #VarianceScaling(double, String, String)}, with a seed (null: Ganglion's shared source). */
    public VarianceScaling(double scale, String mode, String distribution, Long seed) {
        super(seed);
        if (!(scale > 0.0)) {
            throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale=" + scale);
        }
        if (!"fan_in".equals(mode) && !"fan_out".equals(mode) && !"fan_avg".equals(mode)) {
            throw new IllegalArgumentException("Invalid `mode` argument: " + mode
                    + ". Please use one of {'fan_in', 'fan_out', 'fan_avg'}");
        }
        String d = distribution == null ? "" : distribution.toLowerCase(Locale.ROOT);
        if (d.equals("normal")) {
            d = "truncated_normal";
        }
        if (!d.equals("uniform") && !d.equals("truncated_normal") && !d.equals("untruncated_normal")) {
            throw new IllegalArgumentException("Invalid `distribution` argument: " + distribution
                    + ". Please use one of {'uniform', 'truncated_normal', 'untruncated_normal'}");
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = d;
    }

    public double scale() {
        return scale;
    }

    public String mode() {
        return mode;
    }

    public String distribution() {
        return distribution;
    }

    @Override
    public String name() {
        return "variance_scaling";
    }

    @Override
    public Tensor create(int... shape) {
        int n = Sampling.size(shape, className());
        int[] fans = Initializers.computeFans(shape);
        double s = scale;
        if (mode.equals("fan_in")) {
            s /= Math.max(1.0, fans[0]);
        } else if (mode.equals("fan_out")) {
            s /= Math.max(1.0, fans[1]);
        } else {
            s /= Math.max(1.0, (fans[0] + fans[1]) / 2.0);
        }
        Random rng = generator();
        float[] v;
        switch (distribution) {
            case "truncated_normal":
                v = Sampling.truncatedNormal(rng, n, 0.0, Math.sqrt(s) / TRUNCATED_STDDEV);
                break;
            case "untruncated_normal":
                v = Sampling.normal(rng, n, 0.0, Math.sqrt(s));
                break;
            default:
                double limit = Math.sqrt(3.0 * s);
                v = Sampling.uniform(rng, n, -limit, limit);
        }
        return Tensor.wrap(v, shape.clone());
    }

    /** {"seed", "scale", "mode", "distribution"}, as Keras. Named subclasses override it with {"seed"} only. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("scale", scale);
        c.put("mode", mode);
        c.put("distribution", distribution);
        return c;
    }

    /** The config of the named variants (GlorotUniform, HeNormal, ...): only the seed. */
    Map<String, Object> seedOnlyConfig() {
        return super.getConfig();
    }
}
