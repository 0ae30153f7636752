package ganglion.losses;

import ganglion.Tensor;

/**
 * Hinge loss, as Keras's {@code keras.losses.Hinge}: {@code loss = mean(maximum(1 - y_true * y_pred, 0), axis=-1)}.
 * Labels are expected to be -1 or 1; labels that are all 0 or 1 are converted to -1/1 first, as Keras does.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class Hinge extends Loss {

    public Hinge() {
        super("hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor t = HingeLabels.toSigned(y);
        return t.mul(p).rsub(1f).maximum(Tensor.scalar(0f)).mean(-1, false);
    }
}
