package ganglion.losses;

import ganglion.Tensor;

/**
 * Categorical hinge loss, as Keras's {@code keras.losses.CategoricalHinge}: with
 * {@code pos = sum(y_true * y_pred, axis=-1)} and {@code neg = max((1 - y_true) * y_pred, axis=-1)},
 * {@code loss = maximum(neg - pos + 1, 0)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class CategoricalHinge extends Loss {

    public CategoricalHinge() {
        super("categorical_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor pos = y.mul(p).sum(-1, false);
        Tensor neg = y.rsub(1f).mul(p).max(-1, false);
        return neg.sub(pos).add(1f).maximum(Tensor.scalar(0f));
    }
}
