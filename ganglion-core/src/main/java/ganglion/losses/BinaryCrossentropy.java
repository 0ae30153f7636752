package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Map;

/**
 * Crossentropy between binary labels and predicted probabilities, as Keras's
 * {@code keras.losses.BinaryCrossentropy}: with {@code pc = clip(y_pred, 1e-7, 1 - 1e-7)},
 * {@code loss = mean(-(y_true * log(pc) + (1 - y_true) * log(1 - pc)), axis=-1)}, or with logits
 * {@code mean(max(z, 0) - z * y_true + log(1 + exp(-|z|)), axis=-1)}.
 *
 * <p>When {@code y_pred} is the output of a sigmoid, the logits that sigmoid was applied to are used with the
 * exact formula (gradient {@code (sigmoid(z) - y) / n}), as Keras does on TensorFlow. Label smoothing replaces
 * {@code y_true} with {@code y_true * (1 - s) + 0.5 * s}.
 *
 * <p>Labels must lie in [0, 1] (0/1 classes or probabilities): anything else, such as -1/1 labels or class
 * indices above 1, is rejected with an {@link IllegalArgumentException} rather than silently giving a
 * meaningless loss.
 *
 * <p><b>Input shape:</b> {@code y_true} and {@code y_pred} of the same shape (batch, ..., n); (batch) against
 * (batch, 1) is aligned as Keras does. <b>Output shape:</b> {@link #call} gives (batch, ...), the mean over
 * the last axis.
 */
public final class BinaryCrossentropy extends Loss {

    private boolean fromLogits;
    private float labelSmoothing;
    private int axis = -1;

    public BinaryCrossentropy() {
        super("binary_crossentropy");
    }

    /**
     * @param fromLogits whether {@code y_pred} holds logits rather than probabilities; defaults to false
     */
    public BinaryCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /**
     * @param labelSmoothing in [0, 1]: labels are squeezed towards 0.5 by this much; defaults to 0
     */
    public BinaryCrossentropy labelSmoothing(float labelSmoothing) {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
            throw new IllegalArgumentException("BinaryCrossentropy: label_smoothing must be in [0, 1]. "
                    + "Received: label_smoothing=" + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /**
     * @param axis the axis the elementwise losses are averaged over; defaults to -1
     */
    public BinaryCrossentropy axis(int axis) {
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
        return forward(yTrue, yPred, reduction() != Reduction.NONE);
    }

    private Tensor forward(Tensor yTrue, Tensor yPred, boolean scalar) {
        String n = name();
        LossShapes.requireRank1(n, yPred);
        ActivationLogits.Source src = ActivationLogits.resolve(yPred, fromLogits, ActivationLogits.Kind.SIGMOID, n);
        Tensor[] al = LossShapes.sameRank(yTrue, src.input());
        Tensor yT = al[0];
        Tensor in = al[1];
        if (!Arrays.equals(yT.shape(), in.shape())) {
            throw shapeError(n, yTrue, yPred);
        }
        checkLabels(n, yT.buffer());
        int rank = in.rank();
        int ax = Shapes.axis(axis, rank, n);
        if (ax != rank - 1) {
            int[] perm = LossShapes.axisLast(rank, ax);
            yT = yT.permute(perm);
            in = in.permute(perm);
        }
        int cols = in.shape(-1);
        int[] rowShape = LossShapes.dropLast(in.shape());
        boolean mean = reduction() != Reduction.SUM;
        if (!FusedCrossentropy.usable(yT)) {
            Tensor y = labelSmoothing > 0 ? yT.mul(1f - labelSmoothing).add(0.5f * labelSmoothing) : yT;
            Tensor rows = src.logits() ? ComposedCrossentropy.sigmoidLogits(y, in) : ComposedCrossentropy.sigmoidProbs(y, in);
            return scalar ? (mean ? rows.mean() : rows.sum()) : rows;
        }
        float[] y = yT.buffer();
        if (labelSmoothing > 0) {
            float keep = 1f - labelSmoothing, add = 0.5f * labelSmoothing;
            float[] s = new float[y.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = y[i] * keep + add;
            }
            y = s;
        }
        int rows = cols == 0 ? 0 : (int) (in.size() / cols);
        boolean grad = Autograd.needsGrad(in);
        FusedCrossentropy.Pass pass = src.logits()
                ? FusedCrossentropy.sigmoidLogits(in.buffer(), y, rows, cols, grad)
                : FusedCrossentropy.sigmoidProbs(in.buffer(), y, rows, cols, grad);
        return FusedCrossentropy.output(in, pass, rowShape, scalar, mean,
                src.logits() ? "sigmoid_crossentropy" : "binary_crossentropy");
    }

    private static IllegalArgumentException shapeError(String n, Tensor yTrue, Tensor yPred) {
        int[] ps = yPred.shape();
        String msg = n + ": labels of shape " + Shapes.str(yTrue.shape()) + " do not match predictions of shape "
                + Shapes.str(ps) + "; y_true and y_pred must have the same shape.";
        int classes = ps[ps.length - 1];
        int[] lead = LossShapes.dropLast(ps);
        int[] ts = yTrue.shape();
        if (classes > 1 && (Arrays.equals(ts, lead)
                || (ts.length == ps.length && ts[ts.length - 1] == 1 && Arrays.equals(LossShapes.dropLast(ts), lead)))) {
            msg += " For one integer class label per sample with " + classes + " outputs, use "
                    + "\"sparse_categorical_crossentropy\"; for a yes/no label, end the model with one sigmoid unit.";
        }
        return new IllegalArgumentException(msg);
    }

    private static void checkLabels(String n, float[] y) {
        for (int i = 0; i < y.length; i++) {
            float v = y[i];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException(n + " expects labels in [0, 1] (0/1 classes or probabilities); "
                        + "found " + v + " at position " + i + ". For integer class labels of more than two classes "
                        + "use \"sparse_categorical_crossentropy\"; for -1/1 labels use \"hinge\".");
            }
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
