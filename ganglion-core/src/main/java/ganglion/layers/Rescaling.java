package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code Rescaling}: multiplies the input by {@code scale} and adds {@code offset}, in training and at
 * inference alike, e.g. {@code new Rescaling(1.0 / 255)} to bring pixels to [0, 1], or
 * {@code new Rescaling(1.0 / 127.5, -1)} for [-1, 1]. Any input shape; output has the same shape.
 */
public class Rescaling extends Layer {

    private final double scale;
    private final double offset;

    /** {@code x * scale}. */
    public Rescaling(double scale) {
        this(scale, 0);
    }

    /** {@code x * scale + offset}. */
    public Rescaling(double scale, double offset) {
        this.scale = scale;
        this.offset = offset;
    }

    public double scale() {
        return scale;
    }

    public double offset() {
        return offset;
    }

    @Override
    public Rescaling inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Rescaling name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor out = input.mul((float) scale);
        return offset == 0 ? out : out.add((float) offset);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("scale", scale);
        c.put("offset", offset);
        return c;
    }
}
