package ganglion.layers;

import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code RandomTranslation}: during training, shifts each image by a random fraction of its height
 * and width: {@code heightFactor} f (or a pair) draws the vertical shift from [-f, f] times the height,
 * positive moving the content down; {@code widthFactor} likewise, positive moving it right. Fill and
 * interpolation as {@link RandomRotation}. Identity at inference.
 */
public class RandomTranslation extends RandomImageLayer {

    private final double[] heightFactor;
    private final double[] widthFactor;

    /** Shifts up to {@code heightFactor} of the height and {@code widthFactor} of the width, both ways. */
    public RandomTranslation(double heightFactor, double widthFactor) {
        this(new double[]{heightFactor}, new double[]{widthFactor});
    }

    /** Each factor: {f} for [-f, f] or {lower, upper}. */
    public RandomTranslation(double[] heightFactor, double[] widthFactor) {
        this.heightFactor = range("height_factor", heightFactor);
        this.widthFactor = range("width_factor", widthFactor);
    }

    public RandomTranslation fillMode(String mode) {
        setFillMode(mode);
        return this;
    }

    public RandomTranslation fillValue(double value) {
        this.fillValue = (float) value;
        return this;
    }

    public RandomTranslation interpolation(String interpolation) {
        setInterpolation(interpolation);
        return this;
    }

    /** Gives the layer its own random generator. */
    public RandomTranslation seed(long seed) {
        setSeed(seed);
        return this;
    }

    @Override
    public RandomTranslation inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public RandomTranslation name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected double[] samplingMatrix(int h, int w, Random r) {
        double dy = uniform(r, heightFactor[0], heightFactor[1]) * h;
        double dx = uniform(r, widthFactor[0], widthFactor[1]) * w;
        return new double[]{1, 0, -dy, 0, 1, -dx};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("height_factor", java.util.List.of(heightFactor[0], heightFactor[1]));
        c.put("width_factor", java.util.List.of(widthFactor[0], widthFactor[1]));
        putFillConfig(c);
        return c;
    }
}
