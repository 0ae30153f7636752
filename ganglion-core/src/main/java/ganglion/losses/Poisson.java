package ganglion.losses;

import ganglion.Tensor;

/**
 * Poisson loss, as Keras's {@code keras.losses.Poisson}:
 * {@code loss = mean(y_pred - y_true * log(y_pred + 1e-7), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class Poisson extends Loss {

    public Poisson() {
        super("poisson");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        return p.sub(y.mul(p.add(LossShapes.EPSILON).log())).mean(-1, false);
    }
}
