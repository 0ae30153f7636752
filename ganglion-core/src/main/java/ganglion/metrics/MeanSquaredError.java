package ganglion.metrics;

/**
 * The running mean of {@code mean(square(y_true - y_pred), axis=-1)}, as Keras's
 * {@code keras.metrics.MeanSquaredError} ("mse").
 */
public final class MeanSquaredError extends MeanMetricWrapper {

    private static final ganglion.losses.MeanSquaredError FN = new ganglion.losses.MeanSquaredError();

    public MeanSquaredError() {
        this("mean_squared_error");
    }

    public MeanSquaredError(String name) {
        super(FN::call, name);
    }
}
