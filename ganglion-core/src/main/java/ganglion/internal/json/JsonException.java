package ganglion.internal.json;

/**
 * A JSON text that cannot be read, or a value that cannot be written. The message follows Python's
 * {@code json.JSONDecodeError}: {@code "Expecting value: line 1 column 5 (char 4)"}.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /** An error at a character position of the input ({@code -1} when there is none, as when writing). */
    public JsonException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** An error while writing. */
    public JsonException(String message) {
        this(message, -1);
    }

    /** The character offset of the error in the input, or {@code -1}. */
    public int position() {
        return position;
    }

    static JsonException at(String what, CharSequence doc, int pos) {
        int line = 1;
        int lastNewline = -1;
        int end = Math.min(pos, doc.length());
        for (int i = 0; i < end; i++) {
            if (doc.charAt(i) == '\n') {
                line++;
                lastNewline = i;
            }
        }
        int column = pos - lastNewline;
        return new JsonException(what + ": line " + line + " column " + column + " (char " + pos + ")", pos);
    }
}
