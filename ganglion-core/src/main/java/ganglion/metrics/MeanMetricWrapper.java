package ganglion.metrics;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A {@link Mean} of a per-sample function of labels and predictions, as Keras's
 * {@code keras.metrics.MeanMetricWrapper}: each batch adds {@code fn(y_true, y_pred)} (one value per sample,
 * averaged over any further axes) to the running mean. The function runs without recording gradients.
 */
public class MeanMetricWrapper extends Mean {

    private final BiFunction<Tensor, Tensor, Tensor> fn;

    /**
     * @param fn   per-sample values from (y_true, y_pred), e.g. a loss's {@code call}
     * @param name the metric's name in logs
     */
    public MeanMetricWrapper(BiFunction<Tensor, Tensor, Tensor> fn, String name) {
        super(name);
        this.fn = Objects.requireNonNull(fn, "fn");
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        update(yTrue, yPred, null);
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor values;
        try (var s = Autograd.noGrad()) {
            values = fn.apply(yTrue, yPred);
        }
        accumulate(values, sampleWeight);
    }

    /** Not available: this metric computes its values from labels and predictions. */
    @Override
    public void update(Tensor values) {
        throw new UnsupportedOperationException(name() + ": update(values) is for a plain Mean; pass (yTrue, yPred)");
    }
}
