package ganglion.losses;

import ganglion.Tensor;

/**
 * Mean squared logarithmic error, as Keras's {@code keras.losses.MeanSquaredLogarithmicError}
 * ("msle"): {@code loss = mean(square(log(maximum(y_pred, 1e-7) + 1) - log(maximum(y_true, 1e-7) + 1)), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class MeanSquaredLogarithmicError extends Loss {

    public MeanSquaredLogarithmicError() {
        super("mean_squared_logarithmic_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor eps = Tensor.scalar(LossShapes.EPSILON);
        Tensor first = p.maximum(eps).add(1f).log();
        Tensor second = y.maximum(eps).add(1f).log();
        return first.sub(second).square().mean(-1, false);
    }
}
