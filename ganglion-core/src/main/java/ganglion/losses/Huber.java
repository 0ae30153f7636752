package ganglion.losses;

import ganglion.Tensor;

import java.util.Map;

/**
 * Huber loss, as Keras's {@code keras.losses.Huber}: with {@code x = y_pred - y_true},
 * {@code loss = mean(0.5 * x^2 if |x| <= delta else delta * |x| - 0.5 * delta^2, axis=-1)}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., d).
 * <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class Huber extends Loss {

    private float delta = 1f;

    public Huber() {
        super("huber_loss");
    }

    /** A Huber loss with the given delta. */
    public Huber(float delta) {
        this();
        delta(delta);
    }

    /**
     * @param delta where the loss turns from quadratic to linear, positive; defaults to 1.0
     */
    public Huber delta(float delta) {
        if (!(delta > 0f) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber: delta must be a positive number. Received: delta=" + delta);
        }
        this.delta = delta;
        return this;
    }

    public float delta() {
        return delta;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor[] al = LossShapes.aligned(name(), yTrue, yPred);
        Tensor a = al[1].sub(al[0]).abs();
        // q = min(|x|, delta): 0.5 q^2 + delta (|x| - q) is 0.5 x^2 inside and delta |x| - 0.5 delta^2 outside.
        Tensor q = a.minimum(Tensor.scalar(delta));
        return q.square().mul(0.5f).add(a.sub(q).mul(delta)).mean(-1, false);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("delta", Double.valueOf(Float.toString(delta)));
        return c;
    }
}
