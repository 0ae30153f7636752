package ganglion.metrics;

/**
 * The square root of the running mean squared error, as Keras's {@code keras.metrics.RootMeanSquaredError}:
 * {@code sqrt(total / count)} over the squared errors {@code mean(square(y_true - y_pred), axis=-1)}.
 */
public final class RootMeanSquaredError extends MeanMetricWrapper {

    private static final ganglion.losses.MeanSquaredError FN = new ganglion.losses.MeanSquaredError();

    public RootMeanSquaredError() {
        this("root_mean_squared_error");
    }

    public RootMeanSquaredError(String name) {
        super(FN::call, name);
    }

    @Override
    public double result() {
        return Math.sqrt(super.result());
    }
}
