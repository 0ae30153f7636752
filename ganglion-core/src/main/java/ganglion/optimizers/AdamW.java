package ganglion.optimizers;

/**
 * Adam with decoupled weight decay, as Keras's {@code keras.optimizers.AdamW}: before each Adam step,
 * {@code w -= w * weight_decay * lr}. Keras's defaults: learning rate 0.001, weight decay 0.004.
 */
public final class AdamW extends Adam {

    /** AdamW with Keras's defaults. */
    public AdamW() {
        this(0.001f);
    }

    public AdamW(float learningRate) {
        super("adamw", learningRate);
        weightDecay(0.004f);
    }

    /** As {@link #AdamW(float)}, for a double literal such as {@code 1e-3}. */
    public AdamW(double learningRate) {
        this((float) learningRate);
    }
}
