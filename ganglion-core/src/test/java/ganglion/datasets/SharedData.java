package ganglion.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The repository's shared data folder ($GANGLION_SHARED_DATA, set by the build); tests skip without it. */
final class SharedData {

    private SharedData() {
    }

    static Path folder(String dataset) {
        String root = System.getenv(DataPaths.ENV_SHARED_DATA);
        assumeTrue(root != null && Files.isDirectory(Path.of(root, dataset)),
                "$GANGLION_SHARED_DATA/" + dataset + " is not available (the Maven build sets it)");
        return Path.of(root, dataset);
    }
}
