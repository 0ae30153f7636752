package ganglion.initializers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code TruncatedNormal}: normal samples (defaults mean 0, stddev 0.05) where values more than two
 * standard deviations from the mean are discarded and redrawn.
 */
public final class TruncatedNormal extends RandomInitializer {

    private final double mean;
    private final double stddev;

    /** Keras's defaults: mean 0, stddev 0.05. */
    public TruncatedNormal() {
        this(0.0, 0.05, null);
    }

    public TruncatedNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        super(seed);
        this.mean = mean;
        this.stddev = stddev;
    }

    public double mean() {
        return mean;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    public String name() {
        return "truncated_normal";
    }

    @Override
    public Tensor create(int... shape) {
        int n = Sampling.size(shape, className());
        return Tensor.wrap(Sampling.truncatedNormal(generator(), n, mean, stddev), shape.clone());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mean", mean);
        c.put("stddev", stddev);
        return c;
    }
}
