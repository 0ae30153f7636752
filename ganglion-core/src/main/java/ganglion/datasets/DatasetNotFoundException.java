package ganglion.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when a data set's files are in none of the folders {@link DataPaths} searches. Thrown also when
 * the download that Keras would do here fails (offline, server error): the message lists the folders
 * searched, which files to put where, and why the download failed.
 */
public final class DatasetNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String dataset;
    private final transient List<Path> searched;

    DatasetNotFoundException(String dataset, List<Path> searched, String message) {
        super(message);
        this.dataset = dataset;
        this.searched = List.copyOf(searched);
    }

    /** The data set's folder name, e.g. {@code "fashion-mnist"}. */
    public String dataset() {
        return dataset;
    }

    /** The folders that were searched, in order. */
    public List<Path> searched() {
        return searched;
    }
}
