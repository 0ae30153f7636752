package ganglion.metrics;

import ganglion.Tensor;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * How often the integer label is among the k highest predictions, as Keras's
 * {@code keras.metrics.SparseTopKCategoricalAccuracy} (ties with the k-th value count as hits, as TensorFlow's
 * {@code in_top_k}).
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {

    private final int k;

    /** k = 5, name "sparse_top_k_categorical_accuracy". */
    public SparseTopKCategoricalAccuracy() {
        this(5);
    }

    /**
     * @param k how many of the highest predictions count; Keras's default is 5
     */
    public SparseTopKCategoricalAccuracy(int k) {
        this(k, "sparse_top_k_categorical_accuracy");
    }

    public SparseTopKCategoricalAccuracy(int k, String name) {
        super(function(k), name);
        this.k = k;
    }

    private static BiFunction<Tensor, Tensor, Tensor> function(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: k must be at least 1. Received: k=" + k);
        }
        return (t, p) -> AccuracyFunctions.sparseTopKCategoricalAccuracy(t, p, k);
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
