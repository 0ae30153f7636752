package ganglion.metrics;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stateful metric, as Keras's {@code keras.metrics.Metric}: {@link #update} accumulates a batch,
 * {@link #result} gives the value over everything since {@link #reset}.
 */
public abstract class Metric {

    private String name;

    protected Metric(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name used in logs and History, e.g. "accuracy". */
    public String name() {
        return name;
    }

    /**
     * Renames the metric (Keras's {@code name} argument; {@code compile()} names a metric by the string the
     * user passed).
     *
     * @param name the new name; defaults to the Keras class's default name, e.g. "categorical_accuracy"
     */
    public Metric name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Accumulates one batch. Not differentiable; call it outside the gradient path. */
    public abstract void update(Tensor yTrue, Tensor yPred);

    /**
     * Accumulates one batch with a weight per sample (Keras's {@code update_state(y_true, y_pred,
     * sample_weight)}). A null weight is the same as {@link #update(Tensor, Tensor)}; metrics that cannot
     * weight samples throw {@link UnsupportedOperationException} for a non-null one.
     */
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (sampleWeight == null) {
            update(yTrue, yPred);
            return;
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " '" + name
                + "' does not support sample weights");
    }

    /** The metric over all accumulated batches. */
    public abstract double result();

    /** Forgets all accumulated batches. */
    public abstract void reset();

    /** Keras's {@code get_config()}: "name", "dtype", then the metric's options under their Keras keys. */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("dtype", "float32");
        return c;
    }

    @Override
    public String toString() {
        return name;
    }
}
