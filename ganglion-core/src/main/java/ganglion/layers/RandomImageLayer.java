package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.preprocessing.image.AffineTransforms;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Shared machinery of the random image-augmentation layers ({@link RandomRotation}, {@link RandomZoom},
 * {@link RandomTranslation}, {@link RandomFlip}): active only when called with {@code training=true}, as in
 * Keras (at inference they return the input unchanged); one random transform per image of a channels-last
 * batch [batch, height, width, channels]; random numbers from the layer's own generator when it has a seed,
 * else from {@link Ganglion#random()}. The output carries no gradient (these layers sit at the model's input).
 */
abstract class RandomImageLayer extends Layer {

    protected String fillMode = "reflect";
    protected float fillValue;
    protected String interpolation = "bilinear";
    private Long seed;
    private Random seeded;

    /** The generator's seed, or null. */
    public Long seed() {
        return seed;
    }

    protected void setSeed(long seed) {
        checkNotBuilt("seed");
        this.seed = seed;
        this.seeded = new Random(seed);
    }

    protected void setFillMode(String mode) {
        if (!Arrays.asList("reflect", "wrap", "constant", "nearest").contains(mode)) {
            throw new IllegalArgumentException(describe() + ": Unknown `fill_mode` " + mode + ". Expected of one"
                    + " \"reflect\", \"wrap\", \"constant\", \"nearest\".");
        }
        this.fillMode = mode;
    }

    protected void setInterpolation(String interpolation) {
        if (!"bilinear".equals(interpolation)) {
            throw new IllegalArgumentException(describe() + ": interpolation \"" + interpolation + "\" is not"
                    + " supported; use \"bilinear\"");
        }
        this.interpolation = interpolation;
    }

    protected Random rng() {
        return seeded != null ? seeded : Ganglion.random();
    }

    protected static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        if (!training) {
            return input;
        }
        int[] s = input.shape();
        if (s.length != 4 && s.length != 3) {
            throw new IllegalArgumentException(describe() + " expects images [batch, height, width, channels] (or one"
                    + " image [height, width, channels]), got shape " + Arrays.toString(s));
        }
        int b = s.length == 4 ? s[0] : 1;
        int h = s[s.length - 3];
        int w = s[s.length - 2];
        int c = s[s.length - 1];
        int per = h * w * c;
        float[] src = input.toFloatArray();
        float[] out = new float[src.length];
        Random r = rng();
        String mode = "constant".equals(fillMode) ? "grid-constant" : fillMode;
        for (int i = 0; i < b; i++) {
            transformOne(src, i * per, h, w, c, r, mode, out, i * per);
        }
        return Tensor.wrap(out, s.clone());
    }

    /** Transforms one image; the default draws a sampling matrix and resamples. */
    protected void transformOne(float[] src, int off, int h, int w, int c, Random r, String mode,
                                float[] dst, int dstOff) {
        double[] m = samplingMatrix(h, w, r);
        if (m == null) {
            System.arraycopy(src, off, dst, dstOff, h * w * c);
        } else {
            AffineTransforms.resample(src, off, h, w, c, m, mode, fillValue, dst, dstOff);
        }
    }

    /**
     * The 2x3 row-major sampling matrix for one image (input row = m0 r + m1 c + m2, input column =
     * m3 r + m4 c + m5), or null for no change.
     */
    protected abstract double[] samplingMatrix(int h, int w, Random r);

    /** Base keys plus "seed" (and the fill keys for the resampling layers). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("seed", seed);
        return c;
    }

    protected void putFillConfig(Map<String, Object> c) {
        c.put("fill_mode", fillMode);
        c.put("fill_value", (double) fillValue);
        c.put("interpolation", interpolation);
    }

    /** [lower, upper] from Keras's factor convention: a single value f means [-f, f]. */
    protected static double[] range(String what, double... factor) {
        if (factor.length == 1) {
            return new double[]{-Math.abs(factor[0]), Math.abs(factor[0])};
        }
        if (factor.length == 2 && factor[0] <= factor[1]) {
            return factor.clone();
        }
        throw new IllegalArgumentException("`" + what + "` must be a float or a pair (lower, upper) with lower <="
                + " upper. Received: " + Arrays.toString(factor));
    }
}
