package ganglion.preprocessing.sequence;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Keras's {@code pad_sequences} ({@code keras.utils.pad_sequences}, formerly
 * {@code keras.preprocessing.sequence.pad_sequences}): pads or truncates integer sequences to one length
 * and returns them as a (sequences, maxlen) tensor.
 *
 * <p>Defaults are Keras's: {@code maxlen} the longest sequence, {@code dtype="int32"},
 * {@code padding="pre"}, {@code truncating="pre"}, {@code value=0}. Sequences shorter than maxlen get
 * {@code value} before ({@code "pre"}) or after ({@code "post"}) them; longer ones lose elements at the
 * start ({@code "pre"}) or the end ({@code "post"}).
 *
 * <pre>{@code
 * Sequences.padSequences(List.of(new int[]{1}, new int[]{2, 3}, new int[]{4, 5, 6}), -1, "pre")
 *   // [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
 * }</pre>
 *
 * <p>The result is a float32 {@link Tensor}; integer dtypes truncate {@code value} toward zero, as NumPy
 * does when it fills an int array, and values beyond 2^24 lose precision in float32. Keras checks the
 * padding and truncating strings only at the first non-empty sequence; Ganglion checks them at once.
 * {@code maxLen} 0 gives a (sequences, 0) tensor (Keras fails on it with {@code truncating="pre"}).
 */
public final class Sequences {

    private Sequences() {
    }

    /** Pads to the longest sequence, with zeros before each sequence. */
    public static Tensor padSequences(List<int[]> sequences) {
        return padSequences(sequences, -1, "int32", "pre", "pre", 0f);
    }

    /** Pads or truncates (at the start) to {@code maxLen}; -1 means the longest sequence. */
    public static Tensor padSequences(List<int[]> sequences, int maxLen) {
        return padSequences(sequences, maxLen, "int32", "pre", "pre", 0f);
    }

    /** Pads before ({@code "pre"}) or after ({@code "post"}) each sequence; truncates at the start. */
    public static Tensor padSequences(List<int[]> sequences, int maxLen, String padding) {
        return padSequences(sequences, maxLen, "int32", padding, "pre", 0f);
    }

    /** With the padding side and the truncating side ({@code "pre"} or {@code "post"}). */
    public static Tensor padSequences(List<int[]> sequences, int maxLen, String padding, String truncating) {
        return padSequences(sequences, maxLen, "int32", padding, truncating, 0f);
    }

    /** With the padding value (truncated toward zero, as the int32 default dtype does). */
    public static Tensor padSequences(List<int[]> sequences, int maxLen, String padding, String truncating,
                                      float value) {
        return padSequences(sequences, maxLen, "int32", padding, truncating, value);
    }

    /**
     * The full form of {@code pad_sequences}.
     *
     * @param sequences  the sequences (none null)
     * @param maxLen     the output length, or -1 for the longest sequence
     * @param dtype      the NumPy dtype the values take before becoming float32: {@code "int32"} (default),
     *                   {@code "int64"}, {@code "float32"} or {@code "float64"}
     * @param padding    {@code "pre"} (default) or {@code "post"}
     * @param truncating {@code "pre"} (default) or {@code "post"}
     * @param value      the padding value (default 0)
     */
    public static Tensor padSequences(List<int[]> sequences, int maxLen, String dtype, String padding,
                                      String truncating, float value) {
        int[][] seqs = sequences.toArray(new int[0][]);
        float fill = castValue(dtype, value);
        boolean padPost = side("Padding", padding);
        boolean truncPost = side("Truncating", truncating);
        int len = resolveMaxLen(seqs, maxLen);
        int n = seqs.length;
        if ((long) n * len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("padSequences: a (" + n + ", " + len
                    + ") result has more elements than a Java array holds; pass a smaller maxlen");
        }
        float[] out = new float[n * len];
        if (fill != 0f) {
            Arrays.fill(out, fill);
        }
        for (int i = 0; i < n; i++) {
            int[] s = seqs[i];
            int keep = Math.min(s.length, len);
            int from = truncPost ? 0 : s.length - keep;
            int to = i * len + (padPost ? 0 : len - keep);
            for (int k = 0; k < keep; k++) {
                out[to + k] = s[from + k];
            }
        }
        return Tensor.wrap(out, n, len);
    }

    /** {@link #padSequences(List, int, String)} for an array of sequences. */
    public static Tensor padSequences(int[][] sequences, int maxLen, String padding) {
        return padSequences(Arrays.asList(sequences), maxLen, padding);
    }

    private static int resolveMaxLen(int[][] seqs, int maxLen) {
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] == null) {
                throw new IllegalArgumentException("padSequences: sequence " + i + " is null");
            }
        }
        if (maxLen >= 0) {
            return maxLen;
        }
        if (maxLen != -1) {
            throw new IllegalArgumentException("padSequences: maxlen must be non-negative, or -1 for the "
                    + "longest sequence. Received: maxlen=" + maxLen);
        }
        if (seqs.length == 0) {
            throw new IllegalArgumentException("padSequences: cannot take maxlen from an empty list of "
                    + "sequences; pass maxlen explicitly");
        }
        int longest = 0;
        for (int[] s : seqs) {
            longest = Math.max(longest, s.length);
        }
        return longest;
    }

    private static boolean side(String what, String s) {
        if ("pre".equals(s)) {
            return false;
        }
        if ("post".equals(s)) {
            return true;
        }
        throw new IllegalArgumentException(what + " type \"" + s + "\" not understood; expected \"pre\" or \"post\"");
    }

    private static float castValue(String dtype, float value) {
        switch (dtype == null ? "" : dtype) {
            case "float32":
            case "float64":
                return value;
            case "int32":
            case "int64":
                if (Float.isNaN(value) || Float.isInfinite(value)) {
                    throw new IllegalArgumentException("padSequences: value " + value
                            + " cannot fill an " + dtype + " array; use dtype \"float32\"");
                }
                return (float) (long) value;
            default:
                throw new IllegalArgumentException("padSequences: unsupported dtype \"" + dtype
                        + "\"; use \"int32\" (default), \"int64\", \"float32\" or \"float64\"");
        }
    }
}
