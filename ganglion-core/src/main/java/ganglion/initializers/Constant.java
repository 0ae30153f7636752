package ganglion.initializers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code Constant}: every value equal to a scalar (default 0). */
public final class Constant implements Initializer {

    private final double value;

    /** Keras's default value 0. */
    public Constant() {
        this(0.0);
    }

    public Constant(double value) {
        this.value = value;
    }

    public double value() {
        return value;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public Tensor create(int... shape) {
        Sampling.size(shape, className());
        return Tensor.full((float) value, shape);
    }

    /** {"value": value}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("value", value);
        return c;
    }

    @Override
    public String toString() {
        return "Constant(" + value + ")";
    }
}
