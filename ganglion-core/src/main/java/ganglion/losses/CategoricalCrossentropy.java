package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Map;

/**
 * Crossentropy between one-hot (or soft) labels and predicted class probabilities, as Keras's
 * {@code keras.losses.CategoricalCrossentropy}:
 * {@code loss = -sum(y_true * log(clip(y_pred / sum(y_pred), 1e-7, 1 - 1e-7)), axis)}, or with logits
 * {@code loss = -sum(y_true * log_softmax(y_pred), axis)}.
 *
 * <p>When {@code y_pred} is the output of a softmax over the class axis, the logits that softmax was applied
 * to are used with the exact logits formula, as Keras does on TensorFlow: no clipping, finite loss and
 * gradient ({@code softmax - y_true}) for any logits. Label smoothing replaces {@code y_true} with
 * {@code y_true * (1 - s) + s / num_classes}.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} both (batch, ..., num_classes). Integer labels of
 * shape (batch) or (batch, 1) are rejected with a pointer to {@link SparseCategoricalCrossentropy}.
 * <b>Output shape:</b> {@link #call} gives (batch, ...); {@link #compute} their reduction.
 */
public final class CategoricalCrossentropy extends Loss {

    private static final System.Logger LOG = System.getLogger("ganglion.losses");

    private boolean fromLogits;
    private float labelSmoothing;
    private int axis = -1;

    public CategoricalCrossentropy() {
        super("categorical_crossentropy");
    }

    /**
     * @param fromLogits whether {@code y_pred} holds logits rather than probabilities; defaults to false
     */
    public CategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /**
     * @param labelSmoothing in [0, 1]: how far labels are pulled towards the uniform distribution; defaults to 0
     */
    public CategoricalCrossentropy labelSmoothing(float labelSmoothing) {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
            throw new IllegalArgumentException("CategoricalCrossentropy: label_smoothing must be in [0, 1]. "
                    + "Received: label_smoothing=" + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /**
     * @param axis the class axis (negative counts from the end); defaults to -1
     */
    public CategoricalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    public float labelSmoothing() {
        return labelSmoothing;
    }

    public int axis() {
        return axis;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return forward(yTrue, yPred, false);
    }

    @Override
    public Tensor compute(Tensor yTrue, Tensor yPred) {
        if (reduction() == Reduction.NONE) {
            return forward(yTrue, yPred, false);
        }
        return forward(yTrue, yPred, true);
    }

    private Tensor forward(Tensor yTrue, Tensor yPred, boolean scalar) {
        String n = name();
        LossShapes.requireRank1(n, yPred);
        ActivationLogits.Source src = ActivationLogits.resolve(yPred, fromLogits, ActivationLogits.Kind.SOFTMAX, n);
        Tensor[] al = LossShapes.sameRank(yTrue, src.input());
        Tensor yT = al[0];
        Tensor in = al[1];
        checkShapes(n, yT, in, yPred);
        int rank = in.rank();
        int ax = Shapes.axis(axis, rank, n);
        int classes = yT.shape(-1);
        if (in.shape(ax) == 1) {
            warnOneClass(in.shape());
        }
        // the softmax output, in the same element order as the logits (not after a permutation)
        float[] probs = src.activationOutput() != null && ax == rank - 1 ? src.activationOutput().buffer() : null;
        if (ax != rank - 1) {
            int[] perm = LossShapes.axisLast(rank, ax);
            yT = yT.permute(perm);
            in = in.permute(perm);
        }
        int cols = in.shape(-1);
        int[] rowShape = LossShapes.dropLast(in.shape());
        boolean mean = reduction() != Reduction.SUM;
        if (!FusedCrossentropy.usable(yT)) {
            Tensor y = labelSmoothing > 0 ? yT.mul(1f - labelSmoothing).add(labelSmoothing / classes) : yT;
            Tensor rows = src.logits() ? ComposedCrossentropy.softmaxLogits(y, in) : ComposedCrossentropy.softmaxProbs(y, in);
            return scalar ? (mean ? rows.mean() : rows.sum()) : rows;
        }
        float[] y = yT.buffer();
        if (labelSmoothing > 0) {
            float keep = 1f - labelSmoothing, add = labelSmoothing / classes;
            float[] s = new float[y.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = y[i] * keep + add;
            }
            y = s;
        }
        int rows = cols == 0 ? 0 : (int) (in.size() / cols);
        boolean grad = Autograd.needsGrad(in);
        FusedCrossentropy.Pass pass = src.logits()
                ? FusedCrossentropy.softmaxLogits(in.buffer(), probs, y, rows, cols, grad)
                : FusedCrossentropy.softmaxProbs(in.buffer(), y, rows, cols, grad);
        return FusedCrossentropy.output(in, pass, rowShape, scalar, mean,
                src.logits() ? "softmax_crossentropy" : "categorical_crossentropy");
    }

    private static void checkShapes(String n, Tensor yT, Tensor in, Tensor yPred) {
        int[] ts = yT.shape(), ps = in.shape();
        if (Arrays.equals(ts, ps)) {
            return;
        }
        int[] predShape = yPred.shape();
        int classes = predShape[predShape.length - 1];
        int[] lead = LossShapes.dropLast(predShape);
        boolean looksSparse = classes > 1 && (Arrays.equals(ts, lead)
                || (ts.length == predShape.length && ts[ts.length - 1] == 1
                && Arrays.equals(LossShapes.dropLast(ts), lead)));
        if (looksSparse) {
            throw new IllegalArgumentException(n + " expects one-hot labels with one column per class, of shape "
                    + Shapes.str(predShape) + ", but got labels of shape " + Shapes.str(yT.shape())
                    + " for predictions of shape " + Shapes.str(predShape) + ". These look like integer class "
                    + "indices: use loss \"sparse_categorical_crossentropy\", or one-hot encode them with "
                    + "Utils.toCategorical(labels, " + classes + ").");
        }
        throw new IllegalArgumentException(n + ": labels of shape " + Shapes.str(yT.shape())
                + " do not match predictions of shape " + Shapes.str(predShape)
                + "; y_true and y_pred must have the same shape (batch, ..., num_classes)");
    }

    private static volatile boolean warned;

    private static void warnOneClass(int[] shape) {
        if (!warned) {
            warned = true;
            LOG.log(System.Logger.Level.WARNING, "In loss categorical_crossentropy, expected y_pred.shape to be "
                    + "(batch_size, num_classes) with num_classes > 1. Received: y_pred.shape=" + Shapes.str(shape)
                    + ". Consider using 'binary_crossentropy' if you only have 2 classes.");
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", Double.valueOf(Float.toString(labelSmoothing)));
        c.put("axis", axis);
        return c;
    }
}
