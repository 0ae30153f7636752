package ganglion.metrics;

/**
 * How often the predicted class (argmax) matches the one-hot label's, as Keras's
 * {@code keras.metrics.CategoricalAccuracy}. Logits work as well as probabilities.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} both (batch, ..., num_classes).
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {

    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    public CategoricalAccuracy(String name) {
        super(AccuracyFunctions::categoricalAccuracy, name);
    }
}
