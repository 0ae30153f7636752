package ganglion.initializers;

import ganglion.Tensor;

/** Keras's {@code Ones}: all values 1. */
public final class Ones implements Initializer {

    @Override
    public String name() {
        return "ones";
    }

    @Override
    public Tensor create(int... shape) {
        Sampling.size(shape, className());
        return Tensor.ones(shape);
    }

    @Override
    public String toString() {
        return "Ones";
    }
}
