package ganglion.layers;

import ganglion.Tensor;
import ganglion.activations.Activations;

import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code Activation} layer: applies an activation function to its input.
 *
 * <p><b>Input shape:</b> arbitrary. <b>Output shape:</b> the same as the input.
 */
public class Activation extends Layer {

    private final ganglion.activations.Activation activation;

    /** @param activation a Keras activation name such as "relu" */
    public Activation(String activation) {
        this(Activations.get(Objects.requireNonNull(activation, "activation")));
    }

    /** @param activation the activation function */
    public Activation(ganglion.activations.Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    public ganglion.activations.Activation activation() {
        return activation;
    }

    @Override
    public Activation inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Activation name(String name) {
        super.name(name);
        return this;
    }

    /** Keras's {@code supports_masking = True}: an incoming mask passes through unchanged. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return activation.apply(input);
    }

    /** Base keys plus "activation" (the function's name). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("activation", Activations.serialize(activation));
        return c;
    }
}
