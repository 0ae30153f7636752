package ganglion.metrics;

/**
 * Recall, the fraction of actual positives that are predicted positive, as Keras's {@code keras.metrics.Recall}: {@code tp / (tp + fn)} over all
 * batches (0 when the denominator is 0). Each element of {@code y_pred} is a binary prediction, positive above
 * the threshold (0.5 by default); for one-hot outputs every class column counts, as in Keras, unless
 * {@link #classId} or {@link #topK} narrows it.
 */
public final class Recall extends ConfusionMetric {

    /** Threshold 0.5, name "recall". */
    public Recall() {
        this(null, null, null, "recall");
    }

    /**
     * @param threshold in [0, 1]; null for Keras's default (0.5, or no threshold with topK)
     * @param topK      only each row's k highest predictions may be positive; null for all
     * @param classId   only this class's column counts; null for all
     * @param name      the name in logs
     */
    public Recall(Float threshold, Integer topK, Integer classId, String name) {
        super(name, threshold, topK, classId);
    }

    /** A metric counting only this class's column (Keras's {@code class_id}). */
    public static Recall classId(int classId) {
        return new Recall(null, null, classId, "recall");
    }

    /** A metric letting only each row's k highest predictions be positive (Keras's {@code top_k}). */
    public static Recall topK(int k) {
        return new Recall(null, k, null, "recall");
    }

    @Override
    public double result() {
        return divideNoNan(truePositives, truePositives + falseNegatives);
    }
}
