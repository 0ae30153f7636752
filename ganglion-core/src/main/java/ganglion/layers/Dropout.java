package ganglion.layers;

import ganglion.Ganglion;
import ganglion.internal.ops.DropoutMasks;
import ganglion.Tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code Dropout}: during training, sets each input unit to 0 with probability {@code rate} and scales
 * the kept ones by {@code 1 / (1 - rate)} (inverted dropout), so the expected sum is unchanged; at inference it
 * is the identity. Masks come from {@link Ganglion#random()}, or from the layer's own generator when it has a
 * {@link #seed(long) seed}.
 *
 * <p><b>Input shape:</b> arbitrary. <b>Output shape:</b> the same as the input.
 */
public class Dropout extends Layer {

    private final double rate;
    private int[] noiseShape;
    private Long seed;
    private Random seededRandom;

    /**
     * @param rate fraction of the input units to drop, between 0 and 1
     * @throws IllegalArgumentException when rate is outside [0, 1]
     */
    public Dropout(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value "
                    + "between 0 and 1. Received: rate=" + rate);
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    /**
     * The shape of the binary mask, batch axis included, as Keras's {@code noise_shape}; -1 (None) takes the
     * input's length. E.g. {@code noiseShape(-1, 1, -1)} on {@code (batch, timesteps, features)} drops the same
     * features at every time step. Default: the input's shape.
     */
    public Dropout noiseShape(int... noiseShape) {
        checkNotBuilt("noiseShape");
        if (noiseShape != null) {
            for (int i = 0; i < noiseShape.length; i++) {
                if (noiseShape[i] == 0 || noiseShape[i] < -1) {
                    throw new IllegalArgumentException("Invalid value received for argument `noise_shape`. Expected "
                            + "all dimensions to be positive integers or None (-1). Received negative or zero value "
                            + "at index " + i + ": " + noiseShape[i]);
                }
            }
        }
        this.noiseShape = noiseShape == null ? null : noiseShape.clone();
        return this;
    }

    public int[] noiseShape() {
        return noiseShape == null ? null : noiseShape.clone();
    }

    /** Gives the layer its own random generator, so its masks repeat from run to run whatever else draws. */
    public Dropout seed(long seed) {
        checkNotBuilt("seed");
        this.seed = seed;
        this.seededRandom = new Random(seed);
        return this;
    }

    public Long seed() {
        return seed;
    }

    @Override
    public Dropout inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Dropout name(String name) {
        super.name(name);
        return this;
    }

    /** Keras's {@code supports_masking = True}: an incoming mask passes through unchanged. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        if (!training || rate == 0) {
            return input;
        }
        int[] maskShape = maskShape(input.shape());
        return input.mul(mask(maskShape));
    }

    private int[] maskShape(int[] inputShape) {
        if (noiseShape == null) {
            return inputShape;
        }
        if (noiseShape.length != inputShape.length) {
            throw new IllegalArgumentException(describe() + ": noise_shape " + Arrays.toString(noiseShape)
                    + " has rank " + noiseShape.length + " but the input " + Arrays.toString(inputShape)
                    + " has rank " + inputShape.length + " (noise_shape includes the batch axis)");
        }
        int[] s = new int[inputShape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = noiseShape[i] == -1 ? inputShape[i] : noiseShape[i];
            if (s[i] != 1 && s[i] != inputShape[i]) {
                throw new IllegalArgumentException(describe() + ": noise_shape " + Arrays.toString(noiseShape)
                        + " does not broadcast to the input shape " + Arrays.toString(inputShape)
                        + "; each axis must be 1, -1 or the input's length");
            }
        }
        return s;
    }

    /** 0 with probability rate, else 1 / (1 - rate). */
    private Tensor mask(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        Random rng = seededRandom != null ? seededRandom : Ganglion.random();
        // one draw from the seeded generator, then a fast SplitMix64 stream (see DropoutMasks)
        float[] m = rate < 1 ? DropoutMasks.mask(rng, rate, (int) n) : new float[(int) n];
        return Tensor.wrap(m, shape);
    }

    /** Base keys plus "rate", "seed" and "noise_shape" (null when unset; -1 written as null). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rate", rate);
        c.put("seed", seed);
        c.put("noise_shape", noiseShape == null ? null : shapeList(noiseShape, false));
        return c;
    }
}
