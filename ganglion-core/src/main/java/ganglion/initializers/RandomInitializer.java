package ganglion.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The base of Keras's random initializers: an optional integer seed. Unseeded, an initializer draws from
 * {@link ganglion.Ganglion#random()}, so {@code Ganglion.setRandomSeed} reproduces every weight; seeded, it
 * gives the same values at every call, as Keras documents for an integer seed.
 */
public abstract class RandomInitializer implements Initializer {

    private final Long seed;

    protected RandomInitializer(Long seed) {
        this.seed = seed;
    }

    /** The initializer's own seed, or null when it draws from Ganglion's shared source. */
    public Long seed() {
        return seed;
    }

    /** The generator for one call. */
    protected Random generator() {
        return Sampling.generator(seed);
    }

    /** {"seed": seed}, the base of every random initializer's config. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", seed);
        return c;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
