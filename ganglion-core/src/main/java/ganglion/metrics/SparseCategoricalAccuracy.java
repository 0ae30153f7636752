package ganglion.metrics;

/**
 * How often the predicted class (argmax) equals the integer label, as Keras's
 * {@code keras.metrics.SparseCategoricalAccuracy}. Logits work as well as probabilities.
 *
 * <p><b>Input shape:</b> {@code y_true} (batch, ...) or (batch, ..., 1) of class indices; {@code y_pred}
 * (batch, ..., num_classes).
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {

    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    public SparseCategoricalAccuracy(String name) {
        super(AccuracyFunctions::sparseCategoricalAccuracy, name);
    }
}
