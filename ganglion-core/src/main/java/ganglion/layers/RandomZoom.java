package ganglion.layers;

import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code RandomZoom}: during training, zooms each image about its centre. {@code heightFactor} f
 * (or a pair) draws the vertical zoom from 1 + [-f, f]: positive values zoom out, negative values zoom in;
 * without {@code widthFactor} the width keeps the aspect ratio (same zoom). Fill and interpolation as
 * {@link RandomRotation}. Identity at inference.
 */
public class RandomZoom extends RandomImageLayer {

    private final double[] heightFactor;
    private double[] widthFactor;

    /** @param heightFactor a fraction f for [-f, f], or (lower, upper) */
    public RandomZoom(double... heightFactor) {
        this.heightFactor = range("height_factor", heightFactor);
    }

    /** Zooms the width independently, by 1 + [-f, f] or 1 + [lower, upper]. */
    public RandomZoom widthFactor(double... widthFactor) {
        this.widthFactor = range("width_factor", widthFactor);
        return this;
    }

    public RandomZoom fillMode(String mode) {
        setFillMode(mode);
        return this;
    }

    public RandomZoom fillValue(double value) {
        this.fillValue = (float) value;
        return this;
    }

    public RandomZoom interpolation(String interpolation) {
        setInterpolation(interpolation);
        return this;
    }

    /** Gives the layer its own random generator. */
    public RandomZoom seed(long seed) {
        setSeed(seed);
        return this;
    }

    @Override
    public RandomZoom inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public RandomZoom name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected double[] samplingMatrix(int h, int w, Random r) {
        double zy = 1 + uniform(r, heightFactor[0], heightFactor[1]);
        double zx = widthFactor == null ? zy : 1 + uniform(r, widthFactor[0], widthFactor[1]);
        return zoomMatrix(zy, zx, h, w);
    }

    /** Sampling matrix of a zoom by (zy, zx) about the centre: zoom > 1 shows more of the image (zoom out). */
    static double[] zoomMatrix(double zy, double zx, int h, int w) {
        double xOff = (w - 1) / 2.0 * (1 - zx);
        double yOff = (h - 1) / 2.0 * (1 - zy);
        return new double[]{zy, 0, yOff, 0, zx, xOff};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("height_factor", java.util.List.of(heightFactor[0], heightFactor[1]));
        c.put("width_factor", widthFactor == null ? null : java.util.List.of(widthFactor[0], widthFactor[1]));
        putFillConfig(c);
        return c;
    }
}
