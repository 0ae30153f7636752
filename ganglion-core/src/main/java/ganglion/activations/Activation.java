package ganglion.activations;

import ganglion.Tensor;

/**
 * An activation function, as Keras's {@code keras.activations}: a named, differentiable, elementwise (or, for
 * softmax, per-row) map. Built-in ones come from {@link Activations}; a custom one is any implementation, e.g.
 * {@code Activation.of("my_act", x -> x.mul(2f))}.
 */
public interface Activation {

    /** The Keras name, e.g. "relu"; also what a layer's config stores. */
    String name();

    /** Applies the function (differentiable). */
    Tensor apply(Tensor x);

    /** A named activation from a tensor function (for custom activations). */
    static Activation of(String name, java.util.function.UnaryOperator<Tensor> fn) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(fn, "fn");
        return new Activations.Named(name, fn);
    }
}
