package ganglion.losses;

import ganglion.Tensor;

/**
 * Mean of absolute errors, as Keras's {@code keras.losses.MeanAbsoluteError} ("mae"):
 * {@code loss = mean(abs(y_true - y_pred), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class MeanAbsoluteError extends Loss {

    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        return p.sub(y).abs().mean(-1, false);
    }
}
