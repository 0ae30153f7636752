package ganglion.losses;

import ganglion.Tensor;

/**
 * A loss function, as Keras's {@code keras.losses.Loss}. {@link #call} gives one value per sample;
 * {@link #compute} reduces them with Keras's default "sum_over_batch_size" (their mean).
 * Written with differentiable tensor ops.
 */
public abstract class Loss {

    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** The Keras name, e.g. "categorical_crossentropy". */
    public String name() {
        return name;
    }

    /** Per-sample losses: shape (batch) or (batch, ...) without the last axis, as Keras's {@code Loss.call}. */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /** The scalar loss: the mean of the per-sample losses. */
    public Tensor compute(Tensor yTrue, Tensor yPred) {
        return call(yTrue, yPred).mean();
    }

    @Override
    public String toString() {
        return name;
    }
}
