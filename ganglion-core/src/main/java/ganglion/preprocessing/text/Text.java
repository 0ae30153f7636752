package ganglion.preprocessing.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keras's legacy text functions ({@code keras.preprocessing.text}).
 *
 * <p>{@link #textToWordSequence(String, String, boolean, String)} works as Keras's
 * {@code text_to_word_sequence}: it lower-cases the text as Python's {@code str.lower()} does, replaces
 * every character of {@code filters} by {@code split} (by Unicode code point, as Python's
 * {@code str.translate}), splits on {@code split} exactly (not on other whitespace) and drops empty
 * pieces.
 */
public final class Text {

    /** Keras's default filters: {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~} then tab and newline. */
    public static final String DEFAULT_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    private Text() {
    }

    /** {@code text_to_word_sequence(text)} with Keras's defaults: default filters, lower-casing, split on a space. */
    public static List<String> textToWordSequence(String text) {
        return textToWordSequence(text, DEFAULT_FILTERS, true, " ");
    }

    /**
     * Splits {@code text} into words as Keras's {@code text_to_word_sequence(text, filters, lower, split)}.
     *
     * @param filters characters to remove (each becomes a separator)
     * @param lower   whether to lower-case first (Python's {@code str.lower()}, locale-independent)
     * @param split   the separator; must not be empty
     */
    public static List<String> textToWordSequence(String text, String filters, boolean lower, String split) {
        return new Filter(filters).words(text, lower, checkSplit(split));
    }

    static String checkSplit(String split) {
        if (split == null || split.isEmpty()) {
            throw new IllegalArgumentException("Tokenizer split must be a non-empty string (Python: "
                    + "'empty separator'). Received: split=" + (split == null ? "null" : "\"\""));
        }
        return split;
    }

    /** Python's {@code str.lower()}: full Unicode lower-casing, independent of the default locale. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A compiled filter set: a table for ASCII and a sorted array for other code points. */
    static final class Filter {
        private final boolean[] ascii = new boolean[128];
        private final int[] others;

        Filter(String filters) {
            if (filters == null) {
                throw new IllegalArgumentException("Tokenizer filters must be a string (\"\" for none), not null");
            }
            filters.codePoints().filter(c -> c < 128).forEach(c -> ascii[c] = true);
            others = filters.codePoints().filter(c -> c >= 128).sorted().distinct().toArray();
        }

        boolean contains(int cp) {
            if (cp < 128) {
                return ascii[cp];
            }
            return others.length > 0 && Arrays.binarySearch(others, cp) >= 0;
        }

        List<String> words(String text, boolean lower, String split) {
            String s = lower ? lower(text) : text;
            StringBuilder sb = null;
            int n = s.length();
            for (int i = 0; i < n; ) {
                int cp = s.codePointAt(i);
                int len = Character.charCount(cp);
                if (contains(cp)) {
                    if (sb == null) {
                        sb = new StringBuilder(n + 16);
                        sb.append(s, 0, i);
                    }
                    sb.append(split);
                } else if (sb != null) {
                    sb.append(s, i, i + len);
                }
                i += len;
            }
            String t = sb == null ? s : sb.toString();
            List<String> out = new ArrayList<>();
            int from = 0;
            while (true) {
                int at = t.indexOf(split, from);
                int stop = at < 0 ? t.length() : at;
                if (stop > from) {
                    out.add(t.substring(from, stop));
                }
                if (at < 0) {
                    return out;
                }
                from = at + split.length();
            }
        }
    }
}
