package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code ReLU} layer: the rectified linear unit with an optional ceiling, slope and threshold,
 * {@code f(x) = max_value} for {@code x >= max_value}, {@code x} for {@code threshold <= x < max_value},
 * {@code negative_slope * (x - threshold)} otherwise. {@code new ReLU(6)} is MobileNetV2's ReLU6.
 *
 * <p><b>Input shape:</b> any. <b>Output shape:</b> the same.
 *
 * <pre>{@code
 * new ReLU(6.0).name("Conv1_relu");      // min(max(x, 0), 6)
 * new ReLU().negativeSlope(0.1);          // leaky
 * }</pre>
 */
public class ReLU extends Layer {

    private Float maxValue;
    private float negativeSlope;
    private float threshold;

    /** {@code ReLU()}: no ceiling, slope 0, threshold 0. */
    public ReLU() {
    }

    /** {@code ReLU(max_value=m)}; m must be non-negative. */
    public ReLU(double maxValue) {
        maxValue((float) maxValue);
    }

    /** @param maxValue the ceiling (non-negative), or null for none; default none */
    public ReLU maxValue(Float maxValue) {
        if (maxValue != null && (maxValue < 0 || maxValue.isNaN())) {
            throw new IllegalArgumentException("ReLU: max_value of a ReLU layer cannot be a negative value. "
                    + "Received: max_value=" + maxValue);
        }
        this.maxValue = maxValue;
        return this;
    }

    /** @param slope the slope below the threshold (non-negative); default 0 */
    public ReLU negativeSlope(double slope) {
        if (!(slope >= 0)) {
            throw new IllegalArgumentException("ReLU: negative_slope of a ReLU layer cannot be a negative value. "
                    + "Received: negative_slope=" + slope);
        }
        this.negativeSlope = (float) slope;
        return this;
    }

    /** @param threshold values below it are cut (or scaled by the negative slope); default 0 */
    public ReLU threshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("ReLU: threshold must be finite. Received: threshold=" + threshold);
        }
        this.threshold = (float) threshold;
        return this;
    }

    /** The ceiling, or null. */
    public Float maxValue() {
        return maxValue;
    }

    @Override
    public ReLU inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public ReLU name(String name) {
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
        if (negativeSlope == 0f && threshold == 0f) {
            return maxValue != null ? input.clip(0f, maxValue) : input.relu();
        }
        Tensor y = negativeSlope == 0f
                ? Tensor.where(input.ge(Tensor.scalar(threshold)), input, 0f)
                : Tensor.where(input.ge(Tensor.scalar(threshold)), input, input.sub(threshold).mul(negativeSlope));
        return maxValue != null ? y.minimum(maxValue) : y;
    }

    /** Keras's config: max_value, negative_slope, threshold. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("max_value", maxValue == null ? null : (double) maxValue);
        c.put("negative_slope", (double) negativeSlope);
        c.put("threshold", (double) threshold);
        return c;
    }
}
