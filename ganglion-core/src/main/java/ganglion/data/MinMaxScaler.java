package ganglion.data;

import ganglion.Tensor;

/**
 * Scales each feature to a range, [0, 1] by default, as scikit-learn's
 * {@code sklearn.preprocessing.MinMaxScaler}: {@code x' = (x - min) / (max - min) * (hi - lo) + lo} per
 * column of a [n, features] tensor; a constant column gets range 1.
 */
public final class MinMaxScaler {

    private final double lo;
    private final double hi;
    private double[] offset;
    private double[] scale;
    private double[] dataMin;
    private double[] dataMax;

    /** Scales to [0, 1]. */
    public MinMaxScaler() {
        this(0, 1);
    }

    /** Scales to [lo, hi] (scikit-learn's {@code feature_range}). */
    public MinMaxScaler(double lo, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("Minimum of desired feature range must be smaller than maximum. Got ("
                    + lo + ", " + hi + ").");
        }
        this.lo = lo;
        this.hi = hi;
    }

    /** Learns each column's minimum and maximum. */
    public MinMaxScaler fit(Tensor x) {
        double[][] cols = Scaling.columns("MinMaxScaler", x);
        int k = cols.length;
        dataMin = new double[k];
        dataMax = new double[k];
        offset = new double[k];
        scale = new double[k];
        for (int j = 0; j < k; j++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : cols[j]) {
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            dataMin[j] = mn;
            dataMax[j] = mx;
            double range = mx - mn == 0 ? 1 : mx - mn;
            // x' = (x - offset) / scale with offset = min - lo * range / (hi - lo), scale = range / (hi - lo)
            scale[j] = range / (hi - lo);
            offset[j] = mn - lo * scale[j];
        }
        return this;
    }

    /** Maps each column into the feature range. */
    public Tensor transform(Tensor x) {
        return Scaling.affine("MinMaxScaler", x, offset, scale, false);
    }

    /** {@code fit(x).transform(x)}. */
    public Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    /** Back to the original units. */
    public Tensor inverseTransform(Tensor x) {
        return Scaling.affine("MinMaxScaler", x, offset, scale, true);
    }

    /** The learned per-column minima ({@code data_min_}). */
    public double[] dataMin() {
        return Scaling.fitted("MinMaxScaler", dataMin).clone();
    }

    /** The learned per-column maxima ({@code data_max_}). */
    public double[] dataMax() {
        return Scaling.fitted("MinMaxScaler", dataMax).clone();
    }
}
