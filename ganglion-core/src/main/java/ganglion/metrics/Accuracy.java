package ganglion.metrics;

/**
 * How often predictions equal labels exactly, as Keras's {@code keras.metrics.Accuracy}: the running
 * mean of {@code mean(y_true == y_pred, axis=-1)}. For classifiers use {@link BinaryAccuracy},
 * {@link CategoricalAccuracy} or {@link SparseCategoricalAccuracy}; {@code compile(..., "accuracy")} picks one from
 * the shapes (see {@link Metrics#get(String, int[], int[])}).
 */
public final class Accuracy extends MeanMetricWrapper {

    public Accuracy() {
        this("accuracy");
    }

    public Accuracy(String name) {
        super(AccuracyFunctions::accuracy, name);
    }
}
