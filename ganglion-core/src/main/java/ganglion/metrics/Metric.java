package ganglion.metrics;

import ganglion.Tensor;

/**
 * A stateful metric, as Keras's {@code keras.metrics.Metric}: {@link #update} accumulates a batch,
 * {@link #result} gives the value over everything since {@link #reset}.
 */
public abstract class Metric {

    private final String name;

    protected Metric(String name) {
        this.name = name;
    }

    /** The name used in logs and History, e.g. "accuracy". */
    public String name() {
        return name;
    }

    /** Accumulates one batch. Not differentiable; call it outside the gradient path. */
    public abstract void update(Tensor yTrue, Tensor yPred);

    /** The metric over all accumulated batches. */
    public abstract double result();

    /** Forgets all accumulated batches. */
    public abstract void reset();

    @Override
    public String toString() {
        return name;
    }
}
