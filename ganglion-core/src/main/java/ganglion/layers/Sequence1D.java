package ganglion.layers;

import java.util.Arrays;
import java.util.Locale;

/**
 * Shape rules shared by the 1-D (temporal) layers: Conv1D, the 1-D poolings and the global 1-D poolings.
 * Inputs are {@code (batch, steps, channels)}; shapes here never include the batch axis.
 */
final class Sequence1D {

    /** Keras's 1-D padding modes. */
    enum Padding {
        VALID, SAME, CAUSAL;

        String keras() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Sequence1D() {
    }

    /** Parses "valid", "same" or (when allowed) "causal", case-insensitively, as Keras's standardize_padding. */
    static Padding parsePadding(String layer, String padding, boolean allowCausal) {
        String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
        switch (p) {
            case "valid":
                return Padding.VALID;
            case "same":
                return Padding.SAME;
            case "causal":
                if (allowCausal) {
                    return Padding.CAUSAL;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("The `padding` argument of " + layer + " must be one of "
                + (allowCausal ? "\"valid\", \"same\", or \"causal\"" : "\"valid\" or \"same\"")
                + ". Received: padding=" + padding);
    }

    /** Throws unless a value is a positive integer. */
    static int positive(String layer, String arg, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(layer + ": `" + arg + "` must be a positive integer. Received: "
                    + arg + "=" + value);
        }
        return value;
    }

    /**
     * Checks a batch-less input shape is (steps, channels), i.e. a rank-3 batch, with a message naming the layer,
     * the shape received and the fix.
     */
    static void checkSequence(String describe, int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(describe + " expects a 3-D input (batch_size, steps, channels) "
                    + "but received input with shape " + Layer.withBatch(shape) + " (rank " + (shape.length + 1)
                    + "). " + hint(shape));
        }
    }

    private static String hint(int[] shape) {
        if (shape.length == 1) {
            return "Add a channel axis, e.g. Reshape(" + (shape[0] < 0 ? "-1" : String.valueOf(shape[0]))
                    + ", 1), or put an Embedding layer first.";
        }
        return "Reshape or flatten the extra axes so that each sample is (steps, channels); got "
                + Arrays.toString(shape) + " per sample.";
    }

    /** Output length of a window of size k (dilation d) moved by stride s over n steps; -1 stays unknown. */
    static int outputLength(String describe, int n, int k, int s, int d, Padding padding) {
        if (n < 0) {
            return -1;
        }
        if (padding != Padding.VALID) {
            return (n + s - 1) / s;
        }
        int keff = d * (k - 1) + 1;
        if (n < keff) {
            throw new IllegalArgumentException(describe + ": the input has " + n + " steps but the window needs "
                    + keff + " (kernel/pool " + k + ", dilation " + d + ") with padding \"valid\"; use a shorter "
                    + "window, padding \"same\", or longer sequences.");
        }
        return (n - keff) / s + 1;
    }
}
