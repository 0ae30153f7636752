package ganglion.losses;

import ganglion.Tensor;

/**
 * Kullback-Leibler divergence, as Keras's {@code keras.losses.KLDivergence} ("kld"): with both
 * tensors clipped to [1e-7, 1], {@code loss = sum(y_true * log(y_true / y_pred), axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class KLDivergence extends Loss {

    public KLDivergence() {
        super("kl_divergence");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor y = al[0];
        Tensor p = al[1];
        Tensor yc = y.clip(LossShapes.EPSILON, 1f);
        Tensor pc = p.clip(LossShapes.EPSILON, 1f);
        return yc.mul(yc.div(pc).log()).sum(-1, false);
    }
}
