package ganglion.metrics;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;

/**
 * The per-sample accuracy functions of {@code keras/src/metrics/accuracy_metrics.py}, on raw buffers:
 * each returns a tensor of 0/1 matches (or their mean over the last axis), one value per sample.
 */
final class AccuracyFunctions {

    private AccuracyFunctions() {
    }

    /** Keras's {@code squeeze_or_expand_to_same_rank} on shapes: returns {a', b'}. */
    static int[][] sameRank(int[] a, int[] b) {
        int ra = a.length, rb = b.length;
        if (ra == rb + 1 && ra > 0 && a[ra - 1] == 1) {
            if (rb == 1) {
                b = append1(b);
            } else {
                a = Arrays.copyOf(a, ra - 1);
            }
        } else if (rb == ra + 1 && rb > 0 && b[rb - 1] == 1) {
            if (ra == 1) {
                a = append1(a);
            } else {
                b = Arrays.copyOf(b, rb - 1);
            }
        }
        return new int[][]{a, b};
    }

    private static int[] append1(int[] s) {
        int[] r = Arrays.copyOf(s, s.length + 1);
        r[s.length] = 1;
        return r;
    }

    /** mean(y_true == y_pred, axis=-1), after rank alignment (Keras's {@code accuracy}). */
    static Tensor accuracy(Tensor yTrue, Tensor yPred) {
        return matchMean("accuracy", yTrue, yPred, Float.NaN);
    }

    /** mean(y_true == (y_pred > threshold), axis=-1) (Keras's {@code binary_accuracy}). */
    static Tensor binaryAccuracy(Tensor yTrue, Tensor yPred, float threshold) {
        return matchMean("binary_accuracy", yTrue, yPred, threshold);
    }

    private static Tensor matchMean(String fn, Tensor yTrue, Tensor yPred, float threshold) {
        int[][] al = sameRank(yTrue.shape(), yPred.shape());
        if (!Arrays.equals(al[0], al[1])) {
            throw new IllegalArgumentException(fn + ": labels of shape " + Shapes.str(yTrue.shape())
                    + " do not match predictions of shape " + Shapes.str(yPred.shape()));
        }
        int[] shape = al[0];
        float[] t = yTrue.buffer(), p = yPred.buffer();
        int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
        int rows = cols == 0 ? 0 : t.length / cols;
        float[] out = new float[rows];
        boolean thresholded = !Float.isNaN(threshold);
        for (int r = 0; r < rows; r++) {
            int hits = 0;
            for (int j = r * cols; j < (r + 1) * cols; j++) {
                float pj = thresholded ? (p[j] > threshold ? 1f : 0f) : p[j];
                if (t[j] == pj) {
                    hits++;
                }
            }
            out[r] = (float) hits / cols;
        }
        return Tensor.wrap(out, shape.length == 0 ? new int[0] : Arrays.copyOf(shape, shape.length - 1));
    }

    /** argmax(y_true) == argmax(y_pred) over the last axis (Keras's {@code categorical_accuracy}). */
    static Tensor categoricalAccuracy(Tensor yTrue, Tensor yPred) {
        int[] ts = yTrue.shape(), ps = yPred.shape();
        if (!Arrays.equals(ts, ps)) {
            throw new IllegalArgumentException("categorical_accuracy needs one-hot labels of the predictions' shape "
                    + Shapes.str(ps) + ", got labels of shape " + Shapes.str(ts) + "; for integer class labels use "
                    + "\"sparse_categorical_accuracy\" (or \"accuracy\", which picks it from the shapes)");
        }
        int cols = ps.length == 0 ? 1 : ps[ps.length - 1];
        int rows = cols == 0 ? 0 : yPred.buffer().length / cols;
        float[] t = yTrue.buffer(), p = yPred.buffer();
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = argmax(t, r * cols, cols) == argmax(p, r * cols, cols) ? 1f : 0f;
        }
        return Tensor.wrap(out, Arrays.copyOf(ps, Math.max(0, ps.length - 1)));
    }

    /** y_true == argmax(y_pred) over the last axis (Keras's {@code sparse_categorical_accuracy}). */
    static Tensor sparseCategoricalAccuracy(Tensor yTrue, Tensor yPred) {
        int[] ps = yPred.shape();
        int cols = ps[ps.length - 1];
        int rows = cols == 0 ? 0 : yPred.buffer().length / cols;
        float[] t = sparseLabels("sparse_categorical_accuracy", yTrue, ps, rows);
        float[] p = yPred.buffer();
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = t[r] == argmax(p, r * cols, cols) ? 1f : 0f;
        }
        return Tensor.wrap(out, Arrays.copyOf(ps, ps.length - 1));
    }

    /** Whether the target class is among the k highest predictions (Keras's {@code top_k_categorical_accuracy}). */
    static Tensor topKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
        int[] ts = yTrue.shape(), ps = yPred.shape();
        if (!Arrays.equals(ts, ps)) {
            throw new IllegalArgumentException("top_k_categorical_accuracy needs one-hot labels of shape "
                    + Shapes.str(ps) + ", got " + Shapes.str(ts) + "; for integer class labels use "
                    + "\"sparse_top_k_categorical_accuracy\"");
        }
        int cols = ps[ps.length - 1];
        int rows = cols == 0 ? 0 : yPred.buffer().length / cols;
        float[] t = yTrue.buffer(), p = yPred.buffer();
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = inTopK(p, r * cols, cols, argmax(t, r * cols, cols), k) ? 1f : 0f;
        }
        return Tensor.wrap(out, Arrays.copyOf(ps, ps.length - 1));
    }

    /** Sparse labels against the k highest predictions (Keras's {@code sparse_top_k_categorical_accuracy}). */
    static Tensor sparseTopKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
        int[] ps = yPred.shape();
        int cols = ps[ps.length - 1];
        int rows = cols == 0 ? 0 : yPred.buffer().length / cols;
        float[] t = sparseLabels("sparse_top_k_categorical_accuracy", yTrue, ps, rows);
        float[] p = yPred.buffer();
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            int label = (int) t[r];
            out[r] = label == t[r] && label >= 0 && label < cols && inTopK(p, r * cols, cols, label, k) ? 1f : 0f;
        }
        return Tensor.wrap(out, Arrays.copyOf(ps, ps.length - 1));
    }

    /** The labels of a sparse accuracy, one per prediction row: shape (batch, ...) or (batch, ..., 1). */
    private static float[] sparseLabels(String fn, Tensor yTrue, int[] ps, int rows) {
        if (ps.length == 0) {
            throw new IllegalArgumentException(fn + ": predictions must have a class axis, got a scalar");
        }
        int[] ts = yTrue.shape();
        int[] lead = Arrays.copyOf(ps, ps.length - 1);
        boolean ok = Arrays.equals(ts, lead)
                || (ts.length == ps.length && ts[ts.length - 1] == 1 && Arrays.equals(Arrays.copyOf(ts, ts.length - 1), lead));
        if (!ok) {
            String msg = fn + " needs integer class labels of shape " + Shapes.str(lead) + " for predictions of shape "
                    + Shapes.str(ps) + ", got labels of shape " + Shapes.str(ts);
            if (Arrays.equals(ts, ps)) {
                msg += "; these look one-hot: use \"categorical_accuracy\" (or \"accuracy\")";
            }
            throw new IllegalArgumentException(msg);
        }
        return yTrue.buffer();
    }

    /** Index of the first maximum of a[off .. off+n), as numpy's argmax (ties: the first). */
    static int argmax(float[] a, int off, int n) {
        int best = 0;
        float bv = a[off];
        for (int j = 1; j < n; j++) {
            if (a[off + j] > bv) {
                bv = a[off + j];
                best = j;
            }
        }
        return best;
    }

    /** TensorFlow's {@code in_top_k}: fewer than k predictions are strictly above the target's. */
    private static boolean inTopK(float[] p, int off, int n, int target, int k) {
        float tv = p[off + target];
        if (Float.isNaN(tv)) {
            return false;
        }
        int above = 0;
        for (int j = 0; j < n; j++) {
            if (p[off + j] > tv) {
                above++;
            }
        }
        return above < k;
    }
}
