package ganglion.metrics;

/**
 * The running mean of {@code mean(abs(y_true - y_pred), axis=-1)}, as Keras's
 * {@code keras.metrics.MeanAbsoluteError} ("mae").
 */
public final class MeanAbsoluteError extends MeanMetricWrapper {

    private static final ganglion.losses.MeanAbsoluteError FN = new ganglion.losses.MeanAbsoluteError();

    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    public MeanAbsoluteError(String name) {
        super(FN::call, name);
    }
}
