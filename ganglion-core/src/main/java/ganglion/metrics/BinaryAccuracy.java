package ganglion.metrics;

import ganglion.Tensor;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * How often thresholded predictions match binary labels, as Keras's {@code keras.metrics.BinaryAccuracy}: the
 * running mean of {@code mean(y_true == (y_pred > threshold), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape, (batch) against (batch, 1)
 * aligned as Keras does.
 */
public final class BinaryAccuracy extends MeanMetricWrapper {

    private final float threshold;

    /** Threshold 0.5, name "binary_accuracy". */
    public BinaryAccuracy() {
        this("binary_accuracy", 0.5f);
    }

    /**
     * @param name      the name in logs
     * @param threshold in (0, 1): predictions above it count as 1; Keras's default is 0.5
     */
    public BinaryAccuracy(String name, float threshold) {
        super(function(threshold), name);
        this.threshold = threshold;
    }

    private static BiFunction<Tensor, Tensor, Tensor> function(float threshold) {
        if (!(threshold > 0f && threshold < 1f)) {
            throw new IllegalArgumentException("Invalid value for argument `threshold`. Expected a value in interval "
                    + "(0, 1). Received: threshold=" + threshold);
        }
        return (t, p) -> AccuracyFunctions.binaryAccuracy(t, p, threshold);
    }

    public float threshold() {
        return threshold;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("threshold", Double.valueOf(Float.toString(threshold)));
        return c;
    }
}
