package ganglion.initializers;

import ganglion.Tensor;

/** Creates initial weight values, as Keras's {@code keras.initializers}. Draws from Ganglion's seeded source. */
public interface Initializer {

    /** The Keras name, e.g. "glorot_uniform". */
    String name();

    /** A new tensor of the given shape. */
    Tensor create(int... shape);
}
