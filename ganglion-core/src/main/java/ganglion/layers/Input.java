package ganglion.layers;

/**
 * Keras's {@code keras.Input}: makes a model input for the functional API.
 *
 * <pre>{@code
 * SymbolicTensor in = Input.of(784);
 * SymbolicTensor out = new Dense(10, "softmax").apply(new Dense(64, "relu").apply(in));
 * }</pre>
 */
public final class Input {

    private Input() {
    }

    /** A symbolic model input of the given per-sample shape (batch axis excluded; -1 for an unknown length). */
    public static SymbolicTensor of(int... shape) {
        return new InputLayer(shape).output();
    }

    /** As {@link #of(int...)}, with the input layer's name. */
    public static SymbolicTensor named(String name, int... shape) {
        InputLayer layer = new InputLayer(shape);
        layer.name(name);
        return layer.output();
    }
}
