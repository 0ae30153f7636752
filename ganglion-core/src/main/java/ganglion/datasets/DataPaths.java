package ganglion.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the folder that holds a data set's files, the job Keras's {@code get_file} does with its cache
 * folder {@code ~/.keras/datasets}. A data set named {@code fashion-mnist} is looked for, in order, in:
 * <ol>
 *   <li>{@code $GANGLION_DATA/fashion-mnist} (or the system property {@code ganglion.data}, which wins);</li>
 *   <li>the user cache {@code ~/.ganglion/datasets/fashion-mnist};</li>
 *   <li>Keras's own cache {@code ~/.keras/datasets/fashion-mnist}, when it holds the same files;</li>
 *   <li>known system folders, e.g. {@code /usr/share/datasets/fashion-mnist} from Debian's
 *       {@code dataset-fashion-mnist} package;</li>
 *   <li>{@code $GANGLION_SHARED_DATA/fashion-mnist}, which this repository's build sets for its own tests.</li>
 * </ol>
 * The first folder that holds every requested file wins. A file {@code name.gz} also stands for
 * {@code name}, and the other way round, so unpacked IDX files are found too. When no folder has them,
 * the loaders download them into the user cache ({@link Downloader}, checksum verified) unless downloads
 * are turned off.
 */
public final class DataPaths {

    /** Environment variable naming the user's data folder (one sub-folder per data set). */
    public static final String ENV_DATA = "GANGLION_DATA";
    /** System property that overrides {@link #ENV_DATA}. */
    public static final String PROP_DATA = "ganglion.data";
    /** Environment variable naming a shared data folder, set by this repository's test configuration. */
    public static final String ENV_SHARED_DATA = "GANGLION_SHARED_DATA";

    /** System folders that packages install data sets into, by data set name. */
    private static final Map<String, List<String>> SYSTEM_DIRS = Map.of(
            "fashion-mnist", List.of("/usr/share/datasets/fashion-mnist"),
            "mnist", List.of("/usr/share/datasets/mnist"));

    private final List<Root> roots;
    private final Path userCacheBase;

    private DataPaths(List<Root> roots, Path userCacheBase) {
        this.roots = List.copyOf(roots);
        this.userCacheBase = userCacheBase;
    }

    /** The search path of this process: its environment, system properties and home folder. */
    public static DataPaths standard() {
        Map<String, String> env = new HashMap<>(System.getenv());
        String prop = System.getProperty(PROP_DATA);
        if (prop != null && !prop.isBlank()) {
            env.put(ENV_DATA, prop);
        }
        return of(env, Path.of(System.getProperty("user.home")));
    }

    /** The search path for a given environment and home folder (used by tests). */
    static DataPaths of(Map<String, String> env, Path home) {
        List<Root> r = new ArrayList<>();
        Path cache = home.resolve(".ganglion").resolve("datasets");
        r.add(Root.fromEnv(ENV_DATA, env.get(ENV_DATA)));
        r.add(new Root("user cache", cache, null));
        r.add(new Root("Keras cache", home.resolve(".keras").resolve("datasets"), null));
        r.add(new Root("system", null, null));
        r.add(Root.fromEnv(ENV_SHARED_DATA, env.get(ENV_SHARED_DATA)));
        return new DataPaths(r, cache);
    }

    /** The user cache folder for one data set: {@code ~/.ganglion/datasets/<dataset>}. */
    public static Path userCache(String dataset) {
        return Path.of(System.getProperty("user.home"), ".ganglion", "datasets", dataset);
    }

    /** The user cache folder of this search path for one data set (where downloads go). */
    public Path cacheFolder(String dataset) {
        return userCacheBase.resolve(dataset);
    }

    /** The folders searched for {@code dataset}, in order (folders of unset variables are left out). */
    public List<Path> candidates(String dataset) {
        List<Path> out = new ArrayList<>();
        for (Root root : roots) {
            out.addAll(root.folders(dataset));
        }
        return out;
    }

    /** The first candidate folder holding every one of {@code files} (a {@code .gz} twin counts). */
    public Optional<Path> find(String dataset, List<String> files) {
        for (Path dir : candidates(dataset)) {
            if (missing(dir, files).isEmpty()) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find}, but throws a {@link DatasetNotFoundException} listing every folder searched,
     * what each lacked, and how to fix it.
     *
     * @param title    the data set's name for people, e.g. "Fashion-MNIST"
     * @param howToGet extra advice appended to the message (where the files come from), or null
     */
    public Path require(String dataset, String title, List<String> files, String howToGet) {
        return find(dataset, files).orElseThrow(() -> notFound(dataset, title, files, "", howToGet, null));
    }

    /**
     * The first file found among {@code alternatives} (e.g. several names a table is published under),
     * searching folder by folder; throws a {@link DatasetNotFoundException} when no folder holds any of them.
     */
    public Path requireAny(String dataset, String title, List<String> alternatives, String howToGet) {
        for (Path dir : candidates(dataset)) {
            for (String name : alternatives) {
                Path p = Files.isDirectory(dir) ? resolveFile(dir, name) : null;
                if (p != null) {
                    return p;
                }
            }
        }
        throw notFound(dataset, title, alternatives, "any of ", howToGet, null);
    }

    /**
     * The exception thrown when {@code files} are nowhere: lists every folder searched and what each lacked,
     * says where to put the files, then {@code howToGet} and {@code downloadNote} (what happened to the
     * download; null says this loader does not download).
     */
    DatasetNotFoundException notFound(String dataset, String title, List<String> files, String quantifier,
                                      String howToGet, String downloadNote) {
        StringBuilder msg = new StringBuilder();
        msg.append(title).append(" was not found. Ganglion looked for ").append(quantifier)
                .append(String.join(", ", files)).append(" (each gzipped or not) in:\n");
        for (Root root : roots) {
            if (root.unsetVariable() != null) {
                msg.append("  - $").append(root.unsetVariable()).append(" (not set)\n");
                continue;
            }
            for (Path dir : root.folders(dataset)) {
                msg.append("  - ").append(dir).append(" [").append(root.label()).append("]: ");
                if (!Files.isDirectory(dir)) {
                    msg.append("no such folder\n");
                } else {
                    msg.append("lacks ").append(String.join(", ", missing(dir, files))).append('\n');
                }
            }
        }
        msg.append("To fix: put them into ").append(userCacheBase.resolve(dataset))
                .append("/ or into $").append(ENV_DATA).append('/').append(dataset).append("/.");
        if (howToGet != null && !howToGet.isBlank()) {
            msg.append(' ').append(howToGet);
        }
        if (downloadNote != null && !downloadNote.isBlank()) {
            msg.append('\n').append(downloadNote);
        } else {
            msg.append(" (Ganglion does not download this data set: put the files there by hand.)");
        }
        return new DatasetNotFoundException(dataset, candidates(dataset), msg.toString());
    }

    /** The file in {@code dir} standing for {@code name}: itself, or its {@code .gz} twin; null if neither. */
    public static Path resolveFile(Path dir, String name) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path twin = name.endsWith(".gz") ? dir.resolve(name.substring(0, name.length() - 3))
                : dir.resolve(name + ".gz");
        return Files.isRegularFile(twin) ? twin : null;
    }

    private static List<String> missing(Path dir, List<String> files) {
        if (!Files.isDirectory(dir)) {
            return files;
        }
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (resolveFile(dir, f) == null) {
                out.add(f);
            }
        }
        return out;
    }

    /** One place to look: a base folder (holding one sub-folder per data set), or the system table. */
    private record Root(String label, Path base, String unsetVariable) {

        static Root fromEnv(String variable, String value) {
            if (value == null || value.isBlank()) {
                return new Root("$" + variable, null, variable);
            }
            return new Root("$" + variable, Path.of(value), null);
        }

        List<Path> folders(String dataset) {
            Objects.requireNonNull(dataset, "dataset");
            if (unsetVariable != null) {
                return Collections.emptyList();
            }
            if (base == null) {
                List<Path> out = new ArrayList<>();
                for (String s : SYSTEM_DIRS.getOrDefault(dataset, List.of())) {
                    out.add(Path.of(s));
                }
                return out;
            }
            return List.of(base.resolve(dataset));
        }
    }
}
