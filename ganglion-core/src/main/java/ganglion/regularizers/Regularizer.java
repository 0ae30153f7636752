package ganglion.regularizers;

import ganglion.Tensor;

/** A weight penalty added to the loss, as Keras's {@code keras.regularizers}. */
public interface Regularizer {

    /** The Keras name, e.g. "l2". */
    String name();

    /** The penalty for one weight, as a scalar tensor (differentiable). */
    Tensor apply(Tensor weight);
}
