package ganglion.initializers;

import ganglion.Tensor;

import java.util.Map;

/** Keras's {@code RandomUniform}: uniform samples in {@code [minval, maxval)} (defaults -0.05 and 0.05). */
public final class RandomUniform extends RandomInitializer {

    private final double minval;
    private final double maxval;

    /** Keras's defaults: [-0.05, 0.05). */
    public RandomUniform() {
        this(-0.05, 0.05, null);
    }

    public RandomUniform(double minval, double maxval) {
        this(minval, maxval, null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public RandomUniform(double minval, double maxval, Long seed) {
        super(seed);
        if (maxval < minval) {
            throw new IllegalArgumentException("RandomUniform: `maxval` must not be below `minval`. Received: minval="
                    + minval + ", maxval=" + maxval);
        }
        this.minval = minval;
        this.maxval = maxval;
    }

    public double minval() {
        return minval;
    }

    public double maxval() {
        return maxval;
    }

    @Override
    public String name() {
        return "random_uniform";
    }

    @Override
    public Tensor create(int... shape) {
        int n = Sampling.size(shape, className());
        return Tensor.wrap(Sampling.uniform(generator(), n, minval, maxval), shape.clone());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("minval", minval);
        c.put("maxval", maxval);
        return c;
    }
}
