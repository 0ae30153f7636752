package ganglion.metrics;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Map;

/**
 * Shared counting for {@link Precision} and {@link Recall}, as Keras's
 * {@code metrics_utils.update_confusion_matrix_variables} with one threshold: every element of
 * {@code y_pred} (all classes, flattened) is a binary prediction, positive when above the threshold, against
 * {@code y_true != 0}. With {@code topK}, only each row's k highest predictions can be positive; with
 * {@code classId}, only that class's column is counted. Counts are weighted by the sample weights.
 */
abstract class ConfusionMetric extends Metric {

    /** Keras's {@code metrics_utils.NEG_INF}: the threshold when topK is set, and the filtered-out value. */
    private static final float NEG_INF = -1e10f;

    private final float threshold;
    private final Integer topK;
    private final Integer classId;
    protected double truePositives;
    protected double falsePositives;
    protected double falseNegatives;
    protected double trueNegatives;

    ConfusionMetric(String name, Float threshold, Integer topK, Integer classId) {
        super(name);
        if (threshold != null && !(threshold >= 0f && threshold <= 1f)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": threshold values must be in [0, 1]. "
                    + "Received: thresholds=" + threshold);
        }
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": top_k must be at least 1. Received: "
                    + "top_k=" + topK);
        }
        if (classId != null && classId < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": class_id must be >= 0. Received: "
                    + "class_id=" + classId);
        }
        this.threshold = threshold != null ? threshold : (topK == null ? 0.5f : NEG_INF);
        this.topK = topK;
        this.classId = classId;
    }

    public float threshold() {
        return threshold;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        update(yTrue, yPred, null);
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        int[][] al = AccuracyFunctions.sameRank(yPred.shape(), yTrue.shape());
        int[] shape = al[0];
        if (!Arrays.equals(al[0], al[1])) {
            throw new IllegalArgumentException(name() + ": labels of shape " + Shapes.str(yTrue.shape())
                    + " do not match predictions of shape " + Shapes.str(yPred.shape()) + "; " + name()
                    + " needs labels shaped like the predictions (one-hot for several classes)");
        }
        float[] p = yPred.buffer();
        float[] t = yTrue.buffer();
        int cols = shape.length <= 1 ? 1 : shape[shape.length - 1];
        int rows = cols == 0 ? 0 : p.length / cols;
        if (topK != null) {
            p = filterTopK(p, rows, shape.length == 0 ? 1 : shape[shape.length - 1]);
        }
        int first = 0, step = 1;
        if (classId != null) {
            if (shape.length < 2 || classId >= cols) {
                throw new IllegalArgumentException(name() + ": class_id " + classId + " needs predictions of shape "
                        + "(num_samples, num_classes) with more than " + classId + " classes, got "
                        + Shapes.str(yPred.shape()));
            }
            first = classId;
            step = cols;
        }
        float[] w = sampleWeight == null ? null : sampleWeight.buffer();
        int samples = shape.length == 0 ? 1 : shape[0];
        if (w != null && w.length != 1 && w.length != samples && w.length != rows && w.length != p.length) {
            throw new IllegalArgumentException(name() + ": sample weights of shape " + Shapes.str(sampleWeight.shape())
                    + " do not fit predictions of shape " + Shapes.str(yPred.shape()));
        }
        int perSample = samples == 0 ? 0 : p.length / samples;
        for (int i = first; i < p.length; i += step) {
            double wi = 1.0;
            if (w != null) {
                if (w.length == 1) {
                    wi = w[0];
                } else if (w.length == p.length) {
                    wi = w[i];
                } else if (w.length == samples) {
                    wi = w[i / perSample];
                } else {
                    wi = w[i / cols];
                }
            }
            boolean label = t[i] != 0f;
            boolean pos = p[i] > threshold;
            if (label) {
                if (pos) {
                    truePositives += wi;
                } else {
                    falseNegatives += wi;
                }
            } else if (pos) {
                falsePositives += wi;
            } else {
                trueNegatives += wi;
            }
        }
    }

    /** Keeps each row's k highest values (ties: lower index first) and sets the rest to NEG_INF. */
    private float[] filterTopK(float[] p, int rows, int cols) {
        float[] out = new float[p.length];
        Arrays.fill(out, NEG_INF);
        int k = Math.min(topK, cols);
        boolean[] taken = new boolean[cols];
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            Arrays.fill(taken, false);
            for (int n = 0; n < k; n++) {
                int best = -1;
                for (int j = 0; j < cols; j++) {
                    if (!taken[j] && (best < 0 || p[o + j] > p[o + best])) {
                        best = j;
                    }
                }
                taken[best] = true;
                out[o + best] = p[o + best];
            }
        }
        return out;
    }

    @Override
    public void reset() {
        truePositives = 0;
        falsePositives = 0;
        falseNegatives = 0;
        trueNegatives = 0;
    }

    /** num / den, or 0 when den is 0 (Keras's {@code divide_no_nan}). */
    static double divideNoNan(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("thresholds", topK == null || threshold != NEG_INF ? Double.valueOf(Float.toString(threshold)) : null);
        c.put("top_k", topK);
        c.put("class_id", classId);
        return c;
    }
}
