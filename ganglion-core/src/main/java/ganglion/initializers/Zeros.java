package ganglion.initializers;

import ganglion.Tensor;

/** Keras's {@code Zeros}: all values 0 (the default bias initializer). */
public final class Zeros implements Initializer {

    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public Tensor create(int... shape) {
        Sampling.size(shape, className());
        return Tensor.zeros(shape);
    }

    @Override
    public String toString() {
        return "Zeros";
    }
}
