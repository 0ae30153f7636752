package ganglion.metrics;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

/**
 * The (weighted) running mean of the values it is given, as Keras's {@code keras.metrics.Mean}: a batch of
 * values of shape (batch, ...) is first averaged per sample over its other axes, then
 * {@code total += sum(values * sample_weight)} and {@code count += sum(sample_weight)} (the batch size when
 * unweighted, 1 for a scalar); {@code result = total / count} (0 before any update). A scalar weight weights
 * the batch's mean, as in Keras.
 *
 * <p>This is the running mean Keras shows for the loss and every metric in the progress bar: each batch
 * counts in proportion to its size.
 */
public class Mean extends Metric {

    private double total;
    private double count;

    public Mean() {
        this("mean");
    }

    public Mean(String name) {
        super(name);
    }

    /** Adds a batch of values (one weight per sample). */
    public void update(Tensor values) {
        accumulate(values, null);
    }

    /**
     * Adds a batch of values, each sample weighted (Keras's {@code update_state(values, sample_weight)}).
     *
     * @param sampleWeight shape (batch), (batch, 1), the values' shape, or a scalar; null for weight 1
     */
    @Override
    public void update(Tensor values, Tensor sampleWeight) {
        accumulate(values, sampleWeight);
    }

    /** Adds one value with a weight: the fit loop adds each batch's loss weighted by the batch size. */
    public void update(double value, double weight) {
        total += value * weight;
        count += weight;
    }

    /** Keras's {@code reduce_to_samplewise_values} followed by the Mean update. */
    protected final void accumulate(Tensor values, Tensor sampleWeight) {
        float[] v = values.buffer();
        int[] vs = values.shape();
        if (vs.length == 0) {
            double w = sampleWeight == null ? 1.0 : scalarWeight(sampleWeight, vs);
            update(v[0], w);
            return;
        }
        int n = vs[0];
        int per = n == 0 ? 0 : v.length / n;
        if (sampleWeight == null) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += rowMean(v, i * per, per);
            }
            total += t;
            count += n;
            return;
        }
        float[] w = sampleWeight.buffer();
        if (sampleWeight.rank() == 0) {
            // Keras reduces the values to the weight's rank (a scalar) first: one weighted batch mean.
            update(rowMean(v, 0, v.length), w[0]);
        } else if (w.length == n) {
            for (int i = 0; i < n; i++) {
                total += rowMean(v, i * per, per) * w[i];
                count += w[i];
            }
        } else if (w.length == v.length) {
            for (int i = 0; i < n; i++) {
                double tv = 0, tw = 0;
                for (int j = i * per; j < (i + 1) * per; j++) {
                    tv += (double) v[j] * w[j];
                    tw += w[j];
                }
                total += tv / per;
                count += tw / per;
            }
        } else {
            throw new IllegalArgumentException(name() + ": sample weights of shape "
                    + Shapes.str(sampleWeight.shape()) + " do not fit values of shape " + Shapes.str(vs)
                    + "; pass one weight per sample");
        }
    }

    private double scalarWeight(Tensor sampleWeight, int[] vs) {
        if (sampleWeight.size() != 1) {
            throw new IllegalArgumentException(name() + ": a scalar value takes a single weight, got weights of shape "
                    + Shapes.str(sampleWeight.shape()));
        }
        return sampleWeight.buffer()[0];
    }

    private static double rowMean(float[] v, int off, int len) {
        if (len == 1) {
            return v[off];
        }
        double s = 0;
        for (int j = off; j < off + len; j++) {
            s += v[j];
        }
        return s / len;
    }

    /** The accumulated weighted sum. */
    public double total() {
        return total;
    }

    /** The accumulated weight (number of samples when unweighted). */
    public double count() {
        return count;
    }

    @Override
    public double result() {
        return count == 0 ? 0.0 : total / count;
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }
}
