package ganglion.losses;

import ganglion.Tensor;

/**
 * Mean of squared errors, as Keras's {@code keras.losses.MeanSquaredError} ("mse"):
 * {@code loss = mean(square(y_true - y_pred), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class MeanSquaredError extends Loss {

    public MeanSquaredError() {
        super("mean_squared_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        return p.sub(y).square().mean(-1, false);
    }
}
