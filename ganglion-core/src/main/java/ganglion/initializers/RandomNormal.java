package ganglion.initializers;

import ganglion.Tensor;

import java.util.Map;

/** Keras's {@code RandomNormal}: normal samples with the given mean and standard deviation (defaults 0 and 0.05). */
public final class RandomNormal extends RandomInitializer {

    private final double mean;
    private final double stddev;

    /** Keras's defaults: mean 0, stddev 0.05. */
    public RandomNormal() {
        this(0.0, 0.05, null);
    }

    public RandomNormal(double mean, double stddev) {
        this(mean, stddev, null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public RandomNormal(double mean, double stddev, Long seed) {
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
        return "random_normal";
    }

    @Override
    public Tensor create(int... shape) {
        int n = Sampling.size(shape, className());
        return Tensor.wrap(Sampling.normal(generator(), n, mean, stddev), shape.clone());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mean", mean);
        c.put("stddev", stddev);
        return c;
    }
}
