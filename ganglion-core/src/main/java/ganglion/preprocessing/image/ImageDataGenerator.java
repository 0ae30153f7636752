package ganglion.preprocessing.image;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * Keras's {@code ImageDataGenerator} (from {@code keras.preprocessing.image}): random affine augmentation,
 * flips and standardisation of channels-last image batches, applied on the fly by {@link #flow}.
 *
 * <pre>{@code
 * ImageDataGenerator gen = new ImageDataGenerator()
 *         .rotationRange(10).zoomRange(0.1).shearRange(0.5).widthShiftRange(0.1)
 *         .heightShiftRange(0.1).horizontalFlip(true);
 * Tensor augmented = gen.flow(x, y, 100, false, 42L).next()[0];   // x: [n, 28, 28, 1]
 * }</pre>
 *
 * <p>Per image, as Keras's {@code get_random_transform}: an angle uniform in +-rotationRange degrees, a shift
 * of +-heightShiftRange (times the height when below 1) and +-widthShiftRange, a shear of +-shearRange degrees,
 * zooms zx, zy uniform in [1 - z, 1 + z] (drawn independently), and flips with probability 1/2; then
 * {@link AffineTransforms#kerasMatrix} with bilinear interpolation and {@code fillMode}, the flips, and
 * {@link #standardize}: {@code rescale}, sample-wise and feature-wise centring and scaling (feature-wise
 * statistics come from {@link #fit}). Random numbers come from Java's generator, so the draws differ from
 * NumPy's, but a seed makes them repeatable.
 */
public class ImageDataGenerator {

    private double rotationRange;
    private double widthShift;
    private boolean widthShiftPixels;
    private double heightShift;
    private boolean heightShiftPixels;
    private double shearRange;
    private double zoomLow = 1;
    private double zoomHigh = 1;
    private boolean horizontalFlip;
    private boolean verticalFlip;
    private String fillMode = "nearest";
    private float cval;
    private float rescale;
    private boolean featurewiseCenter;
    private boolean featurewiseStd;
    private boolean samplewiseCenter;
    private boolean samplewiseStd;
    private float[] mean;
    private float[] std;

    /** A generator that changes nothing until options are set. */
    public ImageDataGenerator() {
    }

    /** Degree range for random rotations ({@code rotation_range}). */
    public ImageDataGenerator rotationRange(double degrees) {
        this.rotationRange = degrees;
        return this;
    }

    /** Horizontal shift: a fraction of the width when below 1, else pixels, drawn uniformly in +-range. */
    public ImageDataGenerator widthShiftRange(double range) {
        this.widthShift = range;
        this.widthShiftPixels = false;
        return this;
    }

    /** Horizontal shift by a whole number of pixels in (-range, range), as Keras's integer form. */
    public ImageDataGenerator widthShiftRange(int pixels) {
        this.widthShift = pixels;
        this.widthShiftPixels = true;
        return this;
    }

    /** Vertical shift: a fraction of the height when below 1, else pixels, drawn uniformly in +-range. */
    public ImageDataGenerator heightShiftRange(double range) {
        this.heightShift = range;
        this.heightShiftPixels = false;
        return this;
    }

    /** Vertical shift by a whole number of pixels in (-range, range), as Keras's integer form. */
    public ImageDataGenerator heightShiftRange(int pixels) {
        this.heightShift = pixels;
        this.heightShiftPixels = true;
        return this;
    }

    /** Shear intensity: the shear angle in degrees, counter-clockwise ({@code shear_range}). */
    public ImageDataGenerator shearRange(double degrees) {
        this.shearRange = degrees;
        return this;
    }

    /** Random zoom in [1 - z, 1 + z] ({@code zoom_range=z}). */
    public ImageDataGenerator zoomRange(double z) {
        return zoomRange(1 - z, 1 + z);
    }

    /** Random zoom in [low, high] ({@code zoom_range=[low, high]}). */
    public ImageDataGenerator zoomRange(double low, double high) {
        if (!(low > 0 && high >= low)) {
            throw new IllegalArgumentException("`zoom_range` should be a float or a tuple or list of two floats with"
                    + " 0 < low <= high. Received: [" + low + ", " + high + "]");
        }
        this.zoomLow = low;
        this.zoomHigh = high;
        return this;
    }

    /** Randomly flips images left-right ({@code horizontal_flip}). */
    public ImageDataGenerator horizontalFlip(boolean flip) {
        this.horizontalFlip = flip;
        return this;
    }

    /** Randomly flips images upside down ({@code vertical_flip}). */
    public ImageDataGenerator verticalFlip(boolean flip) {
        this.verticalFlip = flip;
        return this;
    }

    /** How points outside the image are filled: "nearest" (default), "constant", "reflect" or "wrap". */
    public ImageDataGenerator fillMode(String mode) {
        if (!Arrays.asList("nearest", "constant", "reflect", "wrap").contains(mode)) {
            throw new IllegalArgumentException("Invalid `fill_mode`: " + mode + "; expected \"constant\","
                    + " \"nearest\", \"reflect\" or \"wrap\"");
        }
        this.fillMode = mode;
        return this;
    }

    /** The fill value for {@code fillMode("constant")}. */
    public ImageDataGenerator cval(double value) {
        this.cval = (float) value;
        return this;
    }

    /** Multiplies every pixel by this factor after the transforms, e.g. 1/255 ({@code rescale}); 0: none. */
    public ImageDataGenerator rescale(double factor) {
        this.rescale = (float) factor;
        return this;
    }

    /** Subtracts the per-channel mean of the data given to {@link #fit} ({@code featurewise_center}). */
    public ImageDataGenerator featurewiseCenter(boolean on) {
        this.featurewiseCenter = on;
        return this;
    }

    /** Divides by the per-channel standard deviation from {@link #fit} ({@code featurewise_std_normalization}). */
    public ImageDataGenerator featurewiseStdNormalization(boolean on) {
        this.featurewiseStd = on;
        return this;
    }

    /** Subtracts each image's own mean ({@code samplewise_center}). */
    public ImageDataGenerator samplewiseCenter(boolean on) {
        this.samplewiseCenter = on;
        return this;
    }

    /** Divides each image by its own standard deviation ({@code samplewise_std_normalization}). */
    public ImageDataGenerator samplewiseStdNormalization(boolean on) {
        this.samplewiseStd = on;
        return this;
    }

    /**
     * Computes the feature-wise statistics from sample data [n, h, w, c] (after {@code rescale}), as Keras's
     * {@code fit}: the mean and the (population) standard deviation per channel.
     */
    public ImageDataGenerator fit(Tensor x) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("Input to `.fit()` should have rank 4. Got array with shape: "
                    + Arrays.toString(s) + " (reshape grey images to [n, h, w, 1])");
        }
        int c = s[3];
        float[] d = x.toFloatArray();
        float scale = rescale != 0 ? rescale : 1f;
        double[] sum = new double[c];
        long per = d.length / c;
        for (int i = 0; i < d.length; i++) {
            sum[i % c] += d[i] * scale;
        }
        double[] m = new double[c];
        for (int k = 0; k < c; k++) {
            m[k] = sum[k] / per;
        }
        double[] sq = new double[c];
        for (int i = 0; i < d.length; i++) {
            double v = d[i] * scale - m[i % c];
            sq[i % c] += v * v;
        }
        if (featurewiseCenter) {
            mean = new float[c];
            for (int k = 0; k < c; k++) {
                mean[k] = (float) m[k];
            }
        }
        if (featurewiseStd) {
            std = new float[c];
            for (int k = 0; k < c; k++) {
                std[k] = (float) Math.sqrt(sq[k] / per);
            }
        }
        return this;
    }

    /** The per-channel mean from {@link #fit}, or null. */
    public float[] mean() {
        return mean == null ? null : mean.clone();
    }

    /** The per-channel standard deviation from {@link #fit}, or null. */
    public float[] std() {
        return std == null ? null : std.clone();
    }

    /**
     * Batches of augmented images, as Keras's {@code flow(x, y, batch_size, shuffle, seed)}; x must have
     * rank 4 [n, h, w, c], y (may be null) n rows. Iterating gives one epoch; {@code next()} goes on forever.
     */
    public NumpyArrayIterator flow(Tensor x, Tensor y, int batchSize, boolean shuffle, Long seed) {
        return new NumpyArrayIterator(this, x, y, batchSize, shuffle, seed);
    }

    /** {@code flow(x, y, 32, true, null)}. */
    public NumpyArrayIterator flow(Tensor x, Tensor y) {
        return flow(x, y, 32, true, null);
    }

    /** {@code flow(x, y, batchSize, true, null)}. */
    public NumpyArrayIterator flow(Tensor x, Tensor y, int batchSize) {
        return flow(x, y, batchSize, true, null);
    }

    /** Random parameters for one image of {@code h x w}, drawn in Keras's order. */
    public TransformParameters randomTransform(int h, int w, Random rng) {
        double theta = rotationRange != 0 ? uniform(rng, -rotationRange, rotationRange) : 0;
        double tx = shift(rng, heightShift, heightShiftPixels, h);
        double ty = shift(rng, widthShift, widthShiftPixels, w);
        double shear = shearRange != 0 ? uniform(rng, -shearRange, shearRange) : 0;
        double zx = 1;
        double zy = 1;
        if (!(zoomLow == 1 && zoomHigh == 1)) {
            zx = uniform(rng, zoomLow, zoomHigh);
            zy = uniform(rng, zoomLow, zoomHigh);
        }
        boolean fh = rng.nextDouble() < 0.5 && horizontalFlip;
        boolean fv = rng.nextDouble() < 0.5 && verticalFlip;
        return new TransformParameters(theta, tx, ty, shear, zx, zy, fh, fv);
    }

    private static double shift(Random rng, double range, boolean pixels, int size) {
        if (range == 0) {
            return 0;
        }
        if (pixels) {
            int v = rng.nextInt((int) range);
            return rng.nextBoolean() ? v : -v;
        }
        double v = uniform(rng, -range, range);
        return range < 1 ? v * size : v;
    }

    private static double uniform(Random rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * Applies {@code p} to one image at {@code src[off..]} (h x w x c) into {@code dst[dstOff..]}, as Keras's
     * {@code apply_transform}: the affine part, then the horizontal and vertical flips.
     */
    public void applyTransform(float[] src, int off, int h, int w, int c, TransformParameters p,
                               float[] dst, int dstOff) {
        boolean affine = p.theta() != 0 || p.tx() != 0 || p.ty() != 0 || p.shear() != 0 || p.zx() != 1
                || p.zy() != 1;
        int n = h * w * c;
        if (affine) {
            double[] m = AffineTransforms.kerasMatrix(h, w, p.theta(), p.tx(), p.ty(), p.shear(), p.zx(), p.zy());
            AffineTransforms.resample(src, off, h, w, c, m, fillMode, cval, dst, dstOff);
        } else {
            System.arraycopy(src, off, dst, dstOff, n);
        }
        if (p.flipHorizontal()) {
            for (int r = 0; r < h; r++) {
                for (int a = 0, b = w - 1; a < b; a++, b--) {
                    int ia = dstOff + (r * w + a) * c;
                    int ib = dstOff + (r * w + b) * c;
                    for (int k = 0; k < c; k++) {
                        float t = dst[ia + k];
                        dst[ia + k] = dst[ib + k];
                        dst[ib + k] = t;
                    }
                }
            }
        }
        if (p.flipVertical()) {
            int row = w * c;
            float[] tmp = new float[row];
            for (int a = 0, b = h - 1; a < b; a++, b--) {
                System.arraycopy(dst, dstOff + a * row, tmp, 0, row);
                System.arraycopy(dst, dstOff + b * row, dst, dstOff + a * row, row);
                System.arraycopy(tmp, 0, dst, dstOff + b * row, row);
            }
        }
    }

    /** Keras's {@code apply_transform} on one image tensor [h, w, c]. */
    public Tensor applyTransform(Tensor image, TransformParameters p) {
        int[] s = image.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("applyTransform: expected one image [height, width, channels], got "
                    + Arrays.toString(s));
        }
        float[] out = new float[s[0] * s[1] * s[2]];
        applyTransform(image.toFloatArray(), 0, s[0], s[1], s[2], p, out, 0);
        return Tensor.wrap(out, s.clone());
    }

    /** Keras's {@code standardize} on one image in place: rescale, sample-wise, then feature-wise. */
    public void standardize(float[] x, int off, int n, int c) {
        if (rescale != 0) {
            for (int i = off; i < off + n; i++) {
                x[i] *= rescale;
            }
        }
        if (samplewiseCenter || samplewiseStd) {
            double s = 0;
            for (int i = off; i < off + n; i++) {
                s += x[i];
            }
            double m = s / n;
            if (samplewiseCenter) {
                for (int i = off; i < off + n; i++) {
                    x[i] -= (float) m;
                }
                m = 0;
            }
            if (samplewiseStd) {
                double q = 0;
                for (int i = off; i < off + n; i++) {
                    q += (x[i] - m) * (x[i] - m);
                }
                float sd = (float) Math.sqrt(q / n) + 1e-6f;
                for (int i = off; i < off + n; i++) {
                    x[i] /= sd;
                }
            }
        }
        if (featurewiseCenter) {
            requireFit("featurewise_center", mean);
            for (int i = 0; i < n; i++) {
                x[off + i] -= mean[i % c];
            }
        }
        if (featurewiseStd) {
            requireFit("featurewise_std_normalization", std);
            for (int i = 0; i < n; i++) {
                x[off + i] /= std[i % c] + 1e-6f;
            }
        }
    }

    private static void requireFit(String option, float[] stats) {
        if (stats == null) {
            throw new IllegalStateException("This ImageDataGenerator specifies `" + option + "`, but it hasn't"
                    + " been fit on any training data. Fit it first by calling `.fit(x)`.");
        }
    }

    /** The random parameters of one image's transform, as Keras's {@code transform_parameters} dict. */
    public record TransformParameters(double theta, double tx, double ty, double shear, double zx, double zy,
                                      boolean flipHorizontal, boolean flipVertical) {

        /** No change. */
        public static TransformParameters identity() {
            return new TransformParameters(0, 0, 0, 0, 1, 1, false, false);
        }
    }
}
