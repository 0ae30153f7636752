package ganglion.metrics;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Map;

/**
 * Area under the ROC curve, as Keras's {@code keras.metrics.AUC} with its defaults ({@code curve="ROC"},
 * {@code summation_method="interpolation"}): true- and false-positive counts are accumulated at
 * {@code num_thresholds} thresholds {@code [-1e-7, 1/(n-1), ..., (n-2)/(n-1), 1 + 1e-7]} (a prediction is positive
 * above a threshold), then {@code sum((fpr[i] - fpr[i+1]) * (tpr[i] + tpr[i+1]) / 2)}. All elements of
 * {@code y_pred} are pooled, as with {@code multi_label=False}; predictions should lie in [0, 1].
 * The precision-recall curve is not supported.
 */
public final class AUC extends Metric {

    private final int numThresholds;
    private final float[] thresholds;
    private final double[] positives;
    private final double[] negatives;

    /** 200 thresholds, name "auc". */
    public AUC() {
        this(200, "auc");
    }

    /**
     * @param numThresholds more than 1; Keras's default is 200
     * @param name          the name in logs
     */
    public AUC(int numThresholds, String name) {
        super(name);
        if (numThresholds <= 1) {
            throw new IllegalArgumentException("AUC: num_thresholds must be > 1. Received: num_thresholds="
                    + numThresholds);
        }
        this.numThresholds = numThresholds;
        thresholds = new float[numThresholds];
        thresholds[0] = -1e-7f;
        for (int i = 1; i < numThresholds - 1; i++) {
            thresholds[i] = (float) i / (numThresholds - 1);
        }
        thresholds[numThresholds - 1] = 1f + 1e-7f;
        positives = new double[numThresholds + 1];
        negatives = new double[numThresholds + 1];
    }

    public int numThresholds() {
        return numThresholds;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        update(yTrue, yPred, null);
    }

    /** Counts, for each element, how many thresholds its prediction exceeds, split by label. */
    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        int[][] al = AccuracyFunctions.sameRank(yPred.shape(), yTrue.shape());
        if (!Arrays.equals(al[0], al[1])) {
            throw new IllegalArgumentException(name() + ": labels of shape " + Shapes.str(yTrue.shape())
                    + " do not match predictions of shape " + Shapes.str(yPred.shape()));
        }
        float[] p = yPred.buffer(), t = yTrue.buffer();
        float[] w = sampleWeight == null ? null : sampleWeight.buffer();
        int samples = al[0].length == 0 ? 1 : al[0][0];
        int per = samples == 0 ? 0 : p.length / samples;
        if (w != null && w.length != 1 && w.length != samples && w.length != p.length) {
            throw new IllegalArgumentException(name() + ": sample weights of shape " + Shapes.str(sampleWeight.shape())
                    + " do not fit predictions of shape " + Shapes.str(yPred.shape()));
        }
        for (int i = 0; i < p.length; i++) {
            double wi = w == null ? 1.0 : w.length == 1 ? w[0] : w.length == p.length ? w[i] : w[i / per];
            // k = number of thresholds strictly below p: p is positive at thresholds 0..k-1
            int k = Arrays.binarySearch(thresholds, p[i]);
            k = k >= 0 ? firstEqual(k, p[i]) : -k - 1;
            if (t[i] != 0f) {
                positives[k] += wi;
            } else {
                negatives[k] += wi;
            }
        }
    }

    private int firstEqual(int k, float v) {
        while (k > 0 && thresholds[k - 1] == v) {
            k--;
        }
        return k;
    }

    @Override
    public double result() {
        // tp[i] = weight of positives exceeding threshold i = sum of positives[k] for k > i
        double[] tp = new double[numThresholds], fp = new double[numThresholds];
        double accP = 0, accN = 0;
        for (int i = numThresholds - 1; i >= 0; i--) {
            accP += positives[i + 1];
            accN += negatives[i + 1];
            tp[i] = accP;
            fp[i] = accN;
        }
        double totalP = accP + positives[0], totalN = accN + negatives[0];
        double auc = 0;
        for (int i = 0; i < numThresholds - 1; i++) {
            double r0 = ConfusionMetric.divideNoNan(tp[i], totalP), r1 = ConfusionMetric.divideNoNan(tp[i + 1], totalP);
            double f0 = ConfusionMetric.divideNoNan(fp[i], totalN), f1 = ConfusionMetric.divideNoNan(fp[i + 1], totalN);
            auc += (f0 - f1) * (r0 + r1) / 2;
        }
        return auc;
    }

    @Override
    public void reset() {
        Arrays.fill(positives, 0);
        Arrays.fill(negatives, 0);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("num_thresholds", numThresholds);
        c.put("curve", "ROC");
        c.put("summation_method", "interpolation");
        c.put("multi_label", false);
        return c;
    }
}
