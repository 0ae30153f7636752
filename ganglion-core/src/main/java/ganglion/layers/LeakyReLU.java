package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code LeakyReLU} layer: {@code f(x) = x} for {@code x >= 0}, {@code negative_slope * x} otherwise.
 * The layer's default slope is Keras's 0.3; the {@code "leaky_relu"} activation string uses 0.2 (as Keras 3 does).
 * GAN tutorials write it as a separate layer after a linear Dense or convolution, often after BatchNormalization:
 *
 * <pre>{@code
 * model.add(new Dense(7 * 7 * 128).useBias(false));
 * model.add(new BatchNormalization());
 * model.add(new LeakyReLU(0.2));
 * }</pre>
 *
 * <p><b>Input shape:</b> any. <b>Output shape:</b> the same.
 */
public class LeakyReLU extends Layer {

    /** Keras's default {@code negative_slope}. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.3;

    private final float negativeSlope;

    /** {@code LeakyReLU()}: slope 0.3 below zero. */
    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    /** {@code LeakyReLU(negative_slope=s)}; s must be a finite, non-negative number. */
    public LeakyReLU(double negativeSlope) {
        if (!(negativeSlope >= 0) || Double.isInfinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negative_slope must be a finite number >= 0 (use 0.2 or "
                    + "0.3 for the usual leak). Received: negative_slope=" + negativeSlope);
        }
        this.negativeSlope = (float) negativeSlope;
    }

    /** The slope below zero. */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public LeakyReLU inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public LeakyReLU name(String name) {
        super.name(name);
        return this;
    }

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
        return input.leakyRelu(negativeSlope);
    }

    /** Keras's config: negative_slope. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("negative_slope", (double) negativeSlope);
        return c;
    }
}
