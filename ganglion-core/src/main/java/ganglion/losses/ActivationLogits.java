package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Node;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keras's TensorFlow-backend shortcut ({@code _get_logits} in {@code keras/src/backend/tensorflow/nn.py}):
 * when a crossentropy receives the output of a softmax or sigmoid, it uses the logits that activation was
 * applied to and the exact logits formula, instead of clipping probabilities.
 *
 * <p>Keras takes the cached logits whatever activation produced them; Ganglion takes them only when the
 * activation matches the loss (softmax for the categorical losses, sigmoid for the binary one) and
 * otherwise uses the clipped-probability formula, as Keras's other backends always do. Which activation
 * produced a tensor is read from its autograd node when there is one, else checked on its first row.
 */
final class ActivationLogits {

    /** The activation a crossentropy can see through. */
    enum Kind { SOFTMAX, SIGMOID }

    /**
     * The tensor a crossentropy reads, whether it holds logits, and the activation's output when the logits
     * came from one (so fused ops can reuse the probabilities instead of recomputing them), else null.
     */
    record Source(Tensor input, boolean logits, Tensor activationOutput) {
    }

    private static final System.Logger LOG = System.getLogger("ganglion.losses");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ActivationLogits() {
    }

    /**
     * What a crossentropy named {@code loss} should read for {@code yPred}: the activation's logits when
     * yPred is the output of the matching activation (warning once, as Keras does, if the caller also said
     * {@code fromLogits}), else yPred itself with the caller's {@code fromLogits}.
     */
    static Source resolve(Tensor yPred, boolean fromLogits, Kind kind, String loss) {
        Tensor z = of(yPred, kind);
        if (z == null) {
            return new Source(yPred, fromLogits, null);
        }
        if (fromLogits && WARNED.add(loss)) {
            LOG.log(System.Logger.Level.WARNING, "\"`" + loss + "` received `from_logits=True`, but the `output`"
                    + " argument was produced by a " + (kind == Kind.SOFTMAX ? "Softmax" : "Sigmoid")
                    + " activation and thus does not represent logits. Was this intended?");
        }
        return new Source(z, true, yPred);
    }

    /** The logits yPred came from when it is the output of the given activation, else null. */
    static Tensor of(Tensor yPred, Kind kind) {
        Tensor z = yPred.activationLogits();
        if (z == null || yPred.size() == 0 || yPred.rank() == 0 || !Arrays.equals(z.shape(), yPred.shape())) {
            return null;
        }
        Node fn = yPred.gradFn();
        if (fn != null) {
            String n = fn.name();
            if (n.equals("softmax")) {
                return kind == Kind.SOFTMAX ? z : null;
            }
            if (n.equals("sigmoid")) {
                return kind == Kind.SIGMOID ? z : null;
            }
        }
        return (kind == Kind.SOFTMAX ? looksLikeSoftmax(yPred, z) : looksLikeSigmoid(yPred, z)) ? z : null;
    }

    private static boolean close(double expected, float actual) {
        return Math.abs(expected - actual) <= 1e-6 + 1e-5 * Math.abs(expected);
    }

    private static boolean looksLikeSigmoid(Tensor p, Tensor z) {
        float[] pd = p.buffer(), zd = z.buffer();
        int n = Math.min(pd.length, 16);
        for (int i = 0; i < n; i++) {
            double s = 1.0 / (1.0 + Math.exp(-(double) zd[i]));
            if (!close(s, pd[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeSoftmax(Tensor p, Tensor z) {
        float[] pd = p.buffer(), zd = z.buffer();
        int cols = p.shape(-1);
        if (cols == 0) {
            return false;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, zd[j]);
        }
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            sum += Math.exp(zd[j] - max);
        }
        for (int j = 0; j < cols; j++) {
            if (!close(Math.exp(zd[j] - max) / sum, pd[j])) {
                return false;
            }
        }
        return true;
    }
}
