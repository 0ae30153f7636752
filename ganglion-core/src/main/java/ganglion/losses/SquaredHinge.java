package ganglion.losses;

import ganglion.Tensor;

/**
 * Squared hinge loss, as Keras's {@code keras.losses.SquaredHinge}:
 * {@code loss = mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)}, with 0/1 labels converted to -1/1.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class SquaredHinge extends Loss {

    public SquaredHinge() {
        super("squared_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor t = HingeLabels.toSigned(y);
        return t.mul(p).rsub(1f).maximum(Tensor.scalar(0f)).square().mean(-1, false);
    }
}
