package ganglion.saving;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or weights file that Ganglion refuses to read: not a Keras file, damaged, hostile (zip entries
 * escaping the archive, zip bombs, absurd HDF5 dimensions, nesting beyond the limits) or describing a model
 * Ganglion cannot rebuild (a layer class outside the {@link LayerRegistry}). The message names the file and
 * what is wrong. Keras raises {@code ValueError} in these cases.
 */
public class GanglionFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public GanglionFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public GanglionFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that was being read (may be null when reading from memory). */
    public Path file() {
        return file;
    }
}
