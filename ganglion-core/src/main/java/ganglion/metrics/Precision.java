package ganglion.metrics;

/**
 * Precision, the fraction of positive predictions that are right, as Keras's {@code keras.metrics.Precision}: {@code tp / (tp + fp)} over all
 * batches (0 when the denominator is 0). Each element of {@code y_pred} is a binary prediction, positive above
 * the threshold (0.5 by default); for one-hot outputs every class column counts, as in Keras, unless
 * {@link #classId} or {@link #topK} narrows it.
 */
public final class Precision extends ConfusionMetric {

    /** Threshold 0.5, name "precision". */
    public Precision() {
        this(null, null, null, "precision");
    }

    /**
     * @param threshold in [0, 1]; null for Keras's default (0.5, or no threshold with topK)
     * @param topK      only each row's k highest predictions may be positive; null for all
     * @param classId   only this class's column counts; null for all
     * @param name      the name in logs
     */
    public Precision(Float threshold, Integer topK, Integer classId, String name) {
        super(name, threshold, topK, classId);
    }

    /** A metric counting only this class's column (Keras's {@code class_id}). */
    public static Precision classId(int classId) {
        return new Precision(null, null, classId, "precision");
    }

    /** A metric letting only each row's k highest predictions be positive (Keras's {@code top_k}). */
    public static Precision topK(int k) {
        return new Precision(null, k, null, "precision");
    }

    @Override
    public double result() {
        return divideNoNan(truePositives, truePositives + falsePositives);
    }
}
