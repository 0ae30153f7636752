package ganglion.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Tiny Shakespeare, the sample corpus of Karpathy's char-rnn: 1,115,394 characters (40,000 lines) of Shakespeare
 * plays in one ASCII file, the usual data for character-level language models (the TensorFlow "text generation
 * with an RNN" tutorial uses it).
 *
 * <p>The file {@code input.txt} is found by {@link DataPaths} under the folder name {@code tinyshakespeare}.
 *
 * <pre>{@code
 * String text = TinyShakespeare.loadText();
 * char[] vocab = TinyShakespeare.vocabulary(text);        // 65 characters
 * }</pre>
 */
public final class TinyShakespeare {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "tinyshakespeare";
    /** The data file's name. */
    public static final String FILE = "input.txt";

    private TinyShakespeare() {
    }

    /** The whole text. */
    public static String loadText() {
        Path dir = DataPaths.standard().require(NAME, "tiny-shakespeare", List.of(FILE),
                "Download https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"
                        + " into ~/.ganglion/datasets/" + NAME + "/.");
        return loadText(dir.resolve(FILE));
    }

    /** The text of a file, read as UTF-8. */
    public static String loadText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The distinct characters of a text, sorted ({@code sorted(set(text))}). */
    public static char[] vocabulary(String text) {
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            set.add(text.charAt(i));
        }
        char[] v = new char[set.size()];
        int k = 0;
        for (char c : set) {
            v[k++] = c;
        }
        return v;
    }
}
