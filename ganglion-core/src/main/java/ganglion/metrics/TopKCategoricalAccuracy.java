package ganglion.metrics;

import ganglion.Tensor;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * How often the one-hot label's class is among the k highest predictions, as Keras's
 * {@code keras.metrics.TopKCategoricalAccuracy} (ties with the k-th value count as hits, as TensorFlow's
 * {@code in_top_k}).
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {

    private final int k;

    /** k = 5, name "top_k_categorical_accuracy". */
    public TopKCategoricalAccuracy() {
        this(5);
    }

    /**
     * @param k how many of the highest predictions count; Keras's default is 5
     */
    public TopKCategoricalAccuracy(int k) {
        this(k, "top_k_categorical_accuracy");
    }

    public TopKCategoricalAccuracy(int k, String name) {
        super(function(k), name);
        this.k = k;
    }

    private static BiFunction<Tensor, Tensor, Tensor> function(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("TopKCategoricalAccuracy: k must be at least 1. Received: k=" + k);
        }
        return (t, p) -> AccuracyFunctions.topKCategoricalAccuracy(t, p, k);
    }

    public int k() {
        return k;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("k", k);
        return c;
    }
}
