package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A loss function, as Keras's {@code keras.losses.Loss}. {@link #call} gives one value per sample (the
 * function's value, usually reduced over the last axis); {@link #compute} reduces them with the loss's
 * {@link Reduction}, Keras's {@code "sum_over_batch_size"} (their mean) by default, optionally weighting
 * each sample first.
 *
 * <p>Subclasses write {@link #call} with differentiable tensor ops; the crossentropies override
 * {@link #compute} with fused operations that produce the loss and its gradient in one pass.
 */
public abstract class Loss {

    private String name;
    private Reduction reduction = Reduction.SUM_OVER_BATCH_SIZE;

    protected Loss(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The Keras name, e.g. "categorical_crossentropy". */
    public String name() {
        return name;
    }

    /**
     * Renames the loss (Keras's {@code name} argument).
     *
     * @param name the new name; defaults to the Keras function name of the loss
     */
    public Loss name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The reduction applied by {@link #compute}. */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Sets the reduction (Keras's {@code reduction} argument).
     *
     * @param reduction how per-sample losses are combined; defaults to {@link Reduction#SUM_OVER_BATCH_SIZE}
     */
    public Loss reduction(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        return this;
    }

    /**
     * Sets the reduction from its Keras string ("sum_over_batch_size", "sum", "mean",
     * "mean_with_sample_weight", "none").
     */
    public Loss reduction(String reduction) {
        return reduction(Reduction.of(reduction));
    }

    /** Per-sample losses: shape (batch) or (batch, ...) without the last axis, as Keras's {@code Loss.call}. */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /** The loss reduced with {@link #reduction()}: a scalar, except for {@link Reduction#NONE}. */
    public Tensor compute(Tensor yTrue, Tensor yPred) {
        return reduce(call(yTrue, yPred), null);
    }

    /**
     * The loss with each sample weighted by {@code sampleWeight} (shape (batch) or broadcastable to the
     * per-sample losses), then reduced, as Keras's {@code Loss.__call__(y_true, y_pred, sample_weight)}.
     */
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        return reduce(call(yTrue, yPred), sampleWeight);
    }

    /** Keras's {@code reduce_weighted_values}: weights the per-sample values, then applies the reduction. */
    protected final Tensor reduce(Tensor values, Tensor sampleWeight) {
        Tensor sw = sampleWeight;
        if (sw != null) {
            Tensor[] aligned = LossShapes.sameRank(values, sw);
            values = aligned[0];
            sw = aligned[1];
            try {
                values = values.mul(sw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": sample weights of shape " + Shapes.str(sampleWeight.shape())
                        + " do not broadcast to the per-sample losses of shape " + Shapes.str(values.shape())
                        + "; pass one weight per sample", e);
            }
        }
        if (reduction == Reduction.NONE || values.rank() == 0 || values.size() == 0) {
            return values;
        }
        if (reduction == Reduction.SUM) {
            return values.sum();
        }
        if (reduction == Reduction.MEAN_WITH_SAMPLE_WEIGHT && sw != null) {
            float s = sw.sum().item();
            // divide_no_nan: a zero total weight gives a zero loss
            return s == 0f ? values.sum().mul(0f) : values.sum().div(s);
        }
        return values.mean();
    }

    /** Keras's {@code get_config()}: "name", "reduction" and each option under its Keras key. */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("reduction", reduction.kerasName());
        return c;
    }

    @Override
    public String toString() {
        return name;
    }
}
