package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Map;

/**
 * Crossentropy between integer class labels and predicted class probabilities, as Keras's
 * {@code keras.losses.SparseCategoricalCrossentropy}: {@code loss = -log(p[label])}, computed as Keras does on
 * TensorFlow: {@code log(sum(pc)) - log(pc[label])} with {@code pc = clip(y_pred, 1e-7, 1 - 1e-7)}, or with
 * logits {@code logsumexp(z) - z[label]}.
 *
 * <p>When {@code y_pred} is the output of a softmax over the last axis, the logits that softmax was applied
 * to are used with the exact formula (gradient {@code softmax - onehot(label)}), as Keras does on TensorFlow.
 *
 * <p><b>Input shape:</b> {@code y_true} holds class indices 0..num_classes-1 as floats, of shape (batch, ...)
 * or (batch, ..., 1); {@code y_pred} is (batch, ..., num_classes). Labels that are not whole numbers, or lie
 * outside [0, num_classes), are rejected. <b>Output shape:</b> {@link #call} gives (batch, ...).
 */
public final class SparseCategoricalCrossentropy extends Loss {

    private boolean fromLogits;

    public SparseCategoricalCrossentropy() {
        super("sparse_categorical_crossentropy");
    }

    /**
     * @param fromLogits whether {@code y_pred} holds logits rather than probabilities; defaults to false
     */
    public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    public boolean fromLogits() {
        return fromLogits;
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
        ActivationLogits.Source src = ActivationLogits.resolve(yPred, fromLogits, ActivationLogits.Kind.SOFTMAX, n);
        Tensor[] al = LossShapes.sameRank(yTrue, src.input());
        Tensor yT = al[0];
        Tensor in = al[1];
        if (yT.rank() == in.rank() && yT.rank() > 0 && yT.shape(-1) == 1) {
            yT = yT.squeeze(-1);
        }
        int[] rowShape = LossShapes.dropLast(in.shape());
        if (!Arrays.equals(yT.shape(), rowShape)) {
            throw shapeError(n, yTrue, yPred);
        }
        int cols = in.shape(-1);
        int[] labels = labels(n, yT.buffer(), cols, yPred.shape());
        boolean mean = reduction() != Reduction.SUM;
        if (!FusedCrossentropy.usable(yT)) {
            Tensor rows = src.logits() ? ComposedCrossentropy.sparseLogits(labels, in)
                    : ComposedCrossentropy.sparseProbs(labels, in);
            return scalar ? (mean ? rows.mean() : rows.sum()) : rows;
        }
        boolean grad = Autograd.needsGrad(in);
        float[] probs = src.activationOutput() == null ? null : src.activationOutput().buffer();
        FusedCrossentropy.Pass pass = src.logits()
                ? FusedCrossentropy.sparseLogits(in.buffer(), probs, labels, labels.length, cols, grad)
                : FusedCrossentropy.sparseProbs(in.buffer(), labels, labels.length, cols, grad);
        return FusedCrossentropy.output(in, pass, rowShape, scalar, mean,
                src.logits() ? "sparse_softmax_crossentropy" : "sparse_categorical_crossentropy");
    }

    private static IllegalArgumentException shapeError(String n, Tensor yTrue, Tensor yPred) {
        int[] ps = yPred.shape();
        int classes = ps[ps.length - 1];
        int[] lead = LossShapes.dropLast(ps);
        int[] withOne = ps.clone();
        withOne[ps.length - 1] = 1;
        String expected = Shapes.str(lead) + " or " + Shapes.str(withOne);
        String msg = n + " expects integer class indices of shape " + expected + " for predictions of shape "
                + Shapes.str(ps) + ", but got labels of shape " + Shapes.str(yTrue.shape()) + ".";
        if (Arrays.equals(yTrue.shape(), ps) && classes > 1) {
            msg += " These look like one-hot labels: use loss \"categorical_crossentropy\", or turn them into "
                    + "class indices with labels.argmax(-1).";
        }
        return new IllegalArgumentException(msg);
    }

    /** The labels as class indices, checking that each is a whole number in [0, classes). */
    static int[] labels(String n, float[] y, int classes, int[] predShape) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            float v = y[i];
            int k = (int) v;
            if (k != v) {
                throw new IllegalArgumentException(n + ": labels must be integer class indices in [0, " + classes
                        + "); found " + v + " at position " + i + ". For one-hot or soft labels use "
                        + "\"categorical_crossentropy\".");
            }
            if (k < 0 || k >= classes) {
                throw new IllegalArgumentException(n + ": found label " + k + " at position " + i
                        + ", outside [0, " + classes + ") for predictions of shape " + Shapes.str(predShape)
                        + " (" + classes + " classes). Class indices start at 0; the last layer needs one unit "
                        + "per class.");
            }
            out[i] = k;
        }
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("ignore_class", null);
        return c;
    }
}
