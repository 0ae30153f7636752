package ganglion.activations;

import ganglion.Tensor;

/** An activation function, as Keras's {@code keras.activations}: a named, differentiable map. */
public interface Activation {

    /** The Keras name, e.g. "relu". */
    String name();

    /** Applies the function (differentiable). */
    Tensor apply(Tensor x);
}
