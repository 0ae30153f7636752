package ganglion.initializers;

import ganglion.Ganglion;

import java.util.Random;

/** The random draws behind the initializers: one generator per call, values written in row-major order. */
final class Sampling {

    private Sampling() {
    }

    /** The generator for one call: Ganglion's shared one, or a fresh one from the initializer's own seed. */
    static Random generator(Long seed) {
        return seed == null ? Ganglion.random() : new Random(seed);
    }

    static float[] normal(Random rng, int n, double mean, double stddev) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (mean + stddev * rng.nextGaussian());
        }
        return out;
    }

    /** Normal samples, redrawing any more than two standard deviations from the mean. */
    static float[] truncatedNormal(Random rng, int n, double mean, double stddev) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (z < -2.0 || z > 2.0);
            out[i] = (float) (mean + stddev * z);
        }
        return out;
    }

    /** Uniform samples in [low, high). */
    static float[] uniform(Random rng, int n, double low, double high) {
        float[] out = new float[n];
        float hi = (float) high;
        for (int i = 0; i < n; i++) {
            float v = (float) (low + (high - low) * rng.nextDouble());
            out[i] = v >= hi && high > low ? Math.nextDown(hi) : v;
        }
        return out;
    }

    static int size(int[] shape, String who) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(who + ": cannot initialize a weight of shape "
                        + java.util.Arrays.toString(shape) + " with an unknown (negative) length");
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(who + ": shape " + java.util.Arrays.toString(shape)
                    + " holds more than 2^31-1 values");
        }
        return (int) n;
    }
}
