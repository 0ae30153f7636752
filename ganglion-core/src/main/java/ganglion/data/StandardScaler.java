package ganglion.data;

import ganglion.Tensor;

/**
 * Standardizes features to zero mean and unit variance, as scikit-learn's
 * {@code sklearn.preprocessing.StandardScaler}: {@code z = (x - mean) / std} per column of a [n, features]
 * tensor, with the population standard deviation (ddof 0); a constant column gets scale 1. Fit on the
 * training data only, then transform training and test data alike.
 */
public final class StandardScaler {

    private double[] mean;
    private double[] scale;

    /** Learns each column's mean and standard deviation. */
    public StandardScaler fit(Tensor x) {
        double[][] cols = Scaling.columns("StandardScaler", x);
        mean = new double[cols.length];
        scale = new double[cols.length];
        for (int j = 0; j < cols.length; j++) {
            double m = 0;
            for (double v : cols[j]) {
                m += v;
            }
            m /= cols[j].length;
            double ss = 0;
            for (double v : cols[j]) {
                ss += (v - m) * (v - m);
            }
            double sd = Math.sqrt(ss / cols[j].length);
            mean[j] = m;
            scale[j] = sd < 10 * Math.ulp(1.0) * Math.max(1, Math.abs(m)) ? 1 : sd;
        }
        return this;
    }

    /** {@code (x - mean) / std}. */
    public Tensor transform(Tensor x) {
        return Scaling.affine("StandardScaler", x, mean, scale, false);
    }

    /** {@code fit(x).transform(x)}. */
    public Tensor fitTransform(Tensor x) {
        return fit(x).transform(x);
    }

    /** {@code z * std + mean}: back to the original units. */
    public Tensor inverseTransform(Tensor z) {
        return Scaling.affine("StandardScaler", z, mean, scale, true);
    }

    /** The learned means (scikit-learn's {@code mean_}). */
    public double[] mean() {
        return Scaling.fitted("StandardScaler", mean).clone();
    }

    /** The learned scales (scikit-learn's {@code scale_}). */
    public double[] scale() {
        return Scaling.fitted("StandardScaler", scale).clone();
    }
}
