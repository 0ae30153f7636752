package ganglion.initializers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code Identity}: {@code gain} times the identity matrix (2-D shapes only; rectangular allowed). */
public final class Identity implements Initializer {

    private final double gain;

    /** Keras's default gain 1. */
    public Identity() {
        this(1.0);
    }

    public Identity(double gain) {
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Tensor create(int... shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D matrices. "
                    + "Received: shape=" + java.util.Arrays.toString(shape) + " of rank " + shape.length + ".");
        }
        Sampling.size(shape, className());
        float[] d = new float[shape[0] * shape[1]];
        for (int i = 0; i < Math.min(shape[0], shape[1]); i++) {
            d[i * shape[1] + i] = (float) gain;
        }
        return Tensor.wrap(d, shape.clone());
    }

    /** {"gain": gain}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gain", gain);
        return c;
    }
}
