package ganglion.datasets;

/**
 * Thrown when a data file exists but is not what its loader expects: a wrong IDX magic number, a
 * truncated file, a CSV row of the wrong width. The message names the file and what was expected.
 */
public final class DatasetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A format error described by {@code message}, which should name the file. */
    public DatasetFormatException(String message) {
        super(message);
    }

    /** A format error with the I/O error that revealed it. */
    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
