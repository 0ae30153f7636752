package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializers;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code Normalization} over the last axis: {@code (x - mean) / max(sqrt(variance), 1e-7)}, with the
 * per-feature mean and variance either given ({@code new Normalization(mean, variance)}) or learnt from data
 * by {@link #adapt(Tensor)}, which, as Keras, stores them as the non-trainable weights "mean" and "variance".
 * {@code invert(true)} maps normalised values back. Same in training and at inference.
 */
public class Normalization extends Layer {

    private static final float EPSILON = 1e-7f;

    private final float[] givenMean;
    private final float[] givenVariance;
    private boolean invert;
    private Variable mean;
    private Variable variance;

    /** A layer to {@link #adapt(Tensor)} before use. */
    public Normalization() {
        this.givenMean = null;
        this.givenVariance = null;
    }

    /** A layer with fixed per-feature statistics (one value each broadcasts to every feature). */
    public Normalization(float[] mean, float[] variance) {
        if (mean == null || variance == null || mean.length != variance.length) {
            throw new IllegalArgumentException("Normalization: mean and variance must both be given, with the same"
                    + " length; got " + Arrays.toString(mean) + " and " + Arrays.toString(variance));
        }
        this.givenMean = mean.clone();
        this.givenVariance = variance.clone();
    }

    /** Undo the normalisation instead: {@code x * sqrt(variance) + mean}. */
    public Normalization invert(boolean invert) {
        this.invert = invert;
        return this;
    }

    @Override
    public Normalization inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Normalization name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void build(int[] inputShape) {
        if (givenMean != null) {
            return;
        }
        int features = inputShape.length == 0 ? 1 : inputShape[inputShape.length - 1];
        if (features <= 0) {
            throw new IllegalArgumentException(describe() + ": the last axis of the input must be known, got "
                    + withBatch(inputShape));
        }
        mean = addWeight("mean", new int[]{features}, Initializers.ZEROS, null, false);
        variance = addWeight("variance", new int[]{features}, Initializers.ONES, null, false);
    }

    /**
     * Computes the mean and variance of each feature (last axis) over all other axes of {@code data}, whose
     * first axis is the batch, and stores them, as Keras's {@code adapt}.
     */
    public Normalization adapt(Tensor data) {
        if (givenMean != null) {
            throw new IllegalStateException(describe() + ": adapt() cannot be used when mean and variance were"
                    + " given to the constructor");
        }
        int[] s = data.shape();
        if (s.length < 1) {
            throw new IllegalArgumentException(describe() + ": adapt() needs a batch of data, got a scalar");
        }
        ensureBuilt(Arrays.copyOfRange(s, 1, s.length));
        int features = mean.shape()[0];
        float[] d = data.toFloatArray();
        if (d.length % features != 0) {
            throw new IllegalArgumentException(describe() + ": data of shape " + Arrays.toString(s)
                    + " does not have " + features + " features on its last axis");
        }
        long rows = d.length / features;
        double[] sum = new double[features];
        for (int i = 0; i < d.length; i++) {
            sum[i % features] += d[i];
        }
        float[] m = new float[features];
        double[] sq = new double[features];
        for (int k = 0; k < features; k++) {
            m[k] = (float) (sum[k] / rows);
        }
        for (int i = 0; i < d.length; i++) {
            double v = d[i] - m[i % features];
            sq[i % features] += v * v;
        }
        float[] var = new float[features];
        for (int k = 0; k < features; k++) {
            var[k] = (float) (sq[k] / rows);
        }
        mean.assign(Tensor.of(m, features));
        variance.assign(Tensor.of(var, features));
        return this;
    }

    /** The per-feature mean in use. */
    public float[] mean() {
        return givenMean != null ? givenMean.clone() : mean == null ? null : mean.value().toFloatArray();
    }

    /** The per-feature variance in use. */
    public float[] variance() {
        return givenVariance != null ? givenVariance.clone() : variance == null ? null
                : variance.value().toFloatArray();
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        float[] m = mean();
        float[] v = variance();
        float[] sd = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            sd[i] = Math.max((float) Math.sqrt(v[i]), EPSILON);
        }
        Tensor mt = Tensor.of(m, m.length);
        Tensor st = Tensor.of(sd, sd.length);
        return invert ? input.mul(st).add(mt) : input.sub(mt).div(st);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", java.util.List.of(-1));
        c.put("invert", invert);
        c.put("mean", givenMean == null ? null : toList(givenMean));
        c.put("variance", givenVariance == null ? null : toList(givenVariance));
        return c;
    }

    private static java.util.List<Double> toList(float[] a) {
        java.util.List<Double> l = new java.util.ArrayList<>();
        for (float f : a) {
            l.add((double) f);
        }
        return l;
    }
}
