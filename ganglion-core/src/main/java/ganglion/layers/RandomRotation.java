package ganglion.layers;

import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code RandomRotation}: during training, rotates each image by a random angle about its centre.
 * {@code factor} is a fraction of a full turn: a single value f draws the angle from [-f * 2 pi, f * 2 pi],
 * a pair (lower, upper) from [lower * 2 pi, upper * 2 pi]; positive angles turn counter-clockwise. Points
 * outside are filled by {@code fillMode} ("reflect" by default, "wrap", "nearest", "constant" with
 * {@code fillValue}); bilinear interpolation. Identity at inference.
 */
public class RandomRotation extends RandomImageLayer {

    private final double[] factor;

    /** @param factor a fraction of 2 pi, or (lower, upper) */
    public RandomRotation(double... factor) {
        this.factor = range("factor", factor);
    }

    /** The angle range as fractions of a full turn. */
    public double[] factor() {
        return factor.clone();
    }

    public RandomRotation fillMode(String mode) {
        setFillMode(mode);
        return this;
    }

    public RandomRotation fillValue(double value) {
        this.fillValue = (float) value;
        return this;
    }

    public RandomRotation interpolation(String interpolation) {
        setInterpolation(interpolation);
        return this;
    }

    /** Gives the layer its own random generator. */
    public RandomRotation seed(long seed) {
        setSeed(seed);
        return this;
    }

    @Override
    public RandomRotation inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public RandomRotation name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected double[] samplingMatrix(int h, int w, Random r) {
        double angle = uniform(r, factor[0], factor[1]) * 2 * Math.PI;
        return rotationMatrix(angle, h, w);
    }

    /** Keras's rotation transform for {@code angle} radians, as a row-major sampling matrix. */
    static double[] rotationMatrix(double angle, int h, int w) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double xOff = ((w - 1) - (cos * (w - 1) - sin * (h - 1))) / 2.0;
        double yOff = ((h - 1) - (sin * (w - 1) + cos * (h - 1))) / 2.0;
        // input x = cos x - sin y + xOff, input y = sin x + cos y + yOff (x: column, y: row)
        return new double[]{cos, sin, yOff, -sin, cos, xOff};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("factor", java.util.List.of(factor[0], factor[1]));
        putFillConfig(c);
        return c;
    }
}
