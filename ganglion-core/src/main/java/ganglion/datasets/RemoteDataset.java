package ganglion.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data set published as a few files with checksums: finds them through {@link DataPaths}, or downloads the
 * missing ones into the user cache, as Keras's loaders do with {@code get_file}.
 *
 * @param name     folder name under each data root, e.g. "fashion-mnist"
 * @param title    name for people, e.g. "Fashion-MNIST"
 * @param files    the published files
 * @param howToGet advice appended to the not-found message
 */
record RemoteDataset(String name, String title, List<Downloader.RemoteFile> files, String howToGet) {

    List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (Downloader.RemoteFile f : files) {
            names.add(f.name());
        }
        return names;
    }

    /** The folder holding every file: found, or filled by downloading. */
    Path locate() {
        return locate(DataPaths.standard());
    }

    Path locate(DataPaths paths) {
        Optional<Path> found = paths.find(name, fileNames());
        if (found.isPresent()) {
            return found.get();
        }
        if (!Downloader.enabled()) {
            throw paths.notFound(name, title, fileNames(), "", howToGet, "Downloading is turned off (-D"
                    + Downloader.PROP_DOWNLOAD + "=false or $" + Downloader.ENV_DOWNLOAD + "=0).");
        }
        Path dir = paths.cacheFolder(name);
        for (Downloader.RemoteFile f : files) {
            if (DataPaths.resolveFile(dir, f.name()) != null) {
                continue;
            }
            try {
                Downloader.fetch(dir, f, System.err);
            } catch (IOException e) {
                throw paths.notFound(name, title, fileNames(), "", howToGet, "The download of " + f.url()
                        + " failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "). If this"
                        + " machine is offline, copy the files from another machine into " + dir + "/.");
            }
        }
        return dir;
    }
}
