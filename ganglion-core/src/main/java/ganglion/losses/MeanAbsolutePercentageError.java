package ganglion.losses;

import ganglion.Tensor;

/**
 * Mean absolute percentage error, as Keras's {@code keras.losses.MeanAbsolutePercentageError}
 * ("mape"): {@code loss = 100 * mean(abs((y_true - y_pred) / maximum(abs(y_true), 1e-7)), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class MeanAbsolutePercentageError extends Loss {

    public MeanAbsolutePercentageError() {
        super("mean_absolute_percentage_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor denom = y.abs().maximum(Tensor.scalar(LossShapes.EPSILON));
        return y.sub(p).div(denom).abs().mean(-1, false).mul(100f);
    }
}
