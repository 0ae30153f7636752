package ganglion.data;

import ganglion.Tensor;

import java.util.Arrays;

/** Shared column access and the affine map {@code (x - offset) / scale} of the scalers. */
final class Scaling {

    private Scaling() {
    }

    static double[][] columns(String who, Tensor x) {
        int[] s = x.shape();
        if (s.length != 2 || s[0] == 0) {
            throw new IllegalArgumentException(who + ": expected a 2D tensor [samples, features] with at least one row; "
                    + "got shape " + Arrays.toString(s) + ". Reshape a single feature with x.reshape(-1, 1).");
        }
        float[] d = x.toFloatArray();
        int n = s[0];
        int k = s[1];
        double[][] cols = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                cols[j][i] = d[i * k + j];
            }
        }
        return cols;
    }

    static Tensor affine(String who, Tensor x, double[] offset, double[] scale, boolean inverse) {
        fitted(who, offset);
        int[] s = x.shape();
        if (s.length != 2 || s[1] != offset.length) {
            throw new IllegalArgumentException(who + " was fitted on " + offset.length + " features but got shape "
                    + Arrays.toString(s));
        }
        float[] d = x.toFloatArray();
        int k = s[1];
        for (int i = 0; i < d.length; i++) {
            int j = i % k;
            d[i] = (float) (inverse ? d[i] * scale[j] + offset[j] : (d[i] - offset[j]) / scale[j]);
        }
        return Tensor.wrap(d, s);
    }

    static double[] fitted(String who, double[] v) {
        if (v == null) {
            throw new IllegalStateException("This " + who + " instance is not fitted yet. Call fit(x) with training "
                    + "data before using it.");
        }
        return v;
    }
}
