package ganglion.losses;

import ganglion.Tensor;

/**
 * Logarithm of the hyperbolic cosine of the error, as Keras's {@code keras.losses.LogCosh}:
 * with {@code x = y_pred - y_true}, {@code loss = mean(x + softplus(-2 * x) - log(2), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class LogCosh extends Loss {

    public LogCosh() {
        super("log_cosh");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor x = p.sub(y);
        return x.add(x.mul(-2f).softplus()).sub((float) Math.log(2.0)).mean(-1, false);
    }
}
