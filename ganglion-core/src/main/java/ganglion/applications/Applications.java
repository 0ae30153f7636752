package ganglion.applications;

import ganglion.datasets.Downloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Keras Applications' published files live: the weight files Keras downloads in
 * {@code keras.applications.*} ({@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5} and friends) and
 * {@code imagenet_class_index.json}. A file is looked for, in order, in
 * <ol>
 *   <li>{@code $GANGLION_DATA/models} and {@code $GANGLION_DATA} (the system property {@code ganglion.data}
 *       wins over the variable);</li>
 *   <li>{@code ~/.ganglion/models};</li>
 *   <li>Keras's own cache, {@code ~/.keras/models}.</li>
 * </ol>
 * Nothing is downloaded unless asked: {@link #fetch(String)} downloads into {@code ~/.ganglion/models} and
 * checks the checksum Keras publishes.
 */
public final class Applications {

    private static final String BASE = "https://storage.googleapis.com/tensorflow/keras-applications/";
    private static final Map<String, WeightFile> FILES = new LinkedHashMap<>();

    static {
        add(BASE + "vgg16/", "vgg16_weights_tf_dim_ordering_tf_kernels.h5", "64373286793e3c8b2b4e3219cbf3544b");
        add(BASE + "vgg16/", "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", "6d6bbae143d832006294945121d1f1fc");
        add(BASE + "vgg19/", "vgg19_weights_tf_dim_ordering_tf_kernels.h5", "cbe5617147190e668d6c5d5026f83318");
        add(BASE + "vgg19/", "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", "253f8cb515780f3b799900260a226db6");
        add(BASE + "resnet/", "resnet50_weights_tf_dim_ordering_tf_kernels.h5", "2cb95161c43110f7111970584f804107");
        add(BASE + "resnet/", "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "4d473c1dd8becc155b73f8504c6f6626");
        for (String alpha : new String[]{"0.35", "0.5", "0.75", "1.0", "1.3", "1.4"}) {
            for (int rows : new int[]{96, 128, 160, 192, 224}) {
                String stem = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_" + alpha + "_" + rows;
                add(BASE + "mobilenet_v2/", stem + ".h5", null);
                add(BASE + "mobilenet_v2/", stem + "_no_top.h5", null);
            }
        }
        add("https://storage.googleapis.com/download.tensorflow.org/data/", ImagenetUtils.CLASS_INDEX_FILE,
                "c2c37ea517e94d9795004a39431a14cb");
    }

    private static void add(String base, String name, String md5) {
        FILES.put(name, new WeightFile(name, base + name, md5));
    }

    private Applications() {
    }

    /** Every file this class knows, by Keras's file name. */
    public static Map<String, WeightFile> knownFiles() {
        return java.util.Collections.unmodifiableMap(FILES);
    }

    /**
     * The published file with Keras's name.
     *
     * @throws IllegalArgumentException for a name Keras does not publish (the message lists the known ones)
     */
    public static WeightFile file(String fileName) {
        WeightFile f = FILES.get(fileName);
        if (f == null) {
            throw new IllegalArgumentException("Applications: unknown Keras file '" + fileName + "'. Known files: "
                    + String.join(", ", FILES.keySet().stream()
                    .filter(n -> !n.startsWith("mobilenet_v2") || n.contains("1.0_224")).toList())
                    + " (and the other MobileNetV2 alpha/size variants)");
        }
        return f;
    }

    /** The folders searched, in order (see the class comment). */
    public static List<Path> searchFolders() {
        List<Path> dirs = new ArrayList<>();
        String data = System.getProperty("ganglion.data");
        if (data == null || data.isBlank()) {
            data = System.getenv("GANGLION_DATA");
        }
        if (data != null && !data.isBlank()) {
            dirs.add(Path.of(data).resolve("models"));
            dirs.add(Path.of(data));
        }
        Path home = Path.of(System.getProperty("user.home"));
        dirs.add(cacheFolder());
        dirs.add(home.resolve(".keras").resolve("models"));
        return dirs;
    }

    /** Where {@link #fetch} puts files: {@code ~/.ganglion/models}. */
    public static Path cacheFolder() {
        return Path.of(System.getProperty("user.home"), ".ganglion", "models");
    }

    /** The file on disk with this name in the first search folder that has it, if any. */
    public static Optional<Path> find(String fileName) {
        for (Path d : searchFolders()) {
            Path p = d.resolve(fileName);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The local copy of a Keras weight file, e.g. {@code weightsPath("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5")}.
     *
     * @throws IllegalStateException when no search folder has it; the message says where to download it from,
     *                               its checksum and where to put it (or to call {@link #fetch})
     */
    public static Path weightsPath(String fileName) {
        Optional<Path> p = find(fileName);
        if (p.isPresent()) {
            return p.get();
        }
        throw new IllegalStateException(notFound(fileName));
    }

    static String notFound(String fileName) {
        WeightFile f = FILES.get(fileName);
        StringBuilder sb = new StringBuilder("Applications: the Keras file '").append(fileName)
                .append("' was not found in ").append(searchFolders()).append(". ");
        if (f != null) {
            sb.append("Download it from ").append(f.url());
            if (f.md5() != null) {
                sb.append(" (MD5 ").append(f.md5()).append(')');
            }
            sb.append(" and put it in ").append(cacheFolder()).append(" (or $GANGLION_DATA/models, or Keras's ")
                    .append("~/.keras/models), or call Applications.fetch(\"").append(fileName)
                    .append("\") to download it with its checksum checked.");
        } else {
            sb.append("Put it in one of those folders.");
        }
        return sb.toString();
    }

    /**
     * Returns the local copy of a published file, downloading it into {@link #cacheFolder()} first when no
     * search folder has it (opt-in: nothing else in Ganglion downloads model files). The download goes to a
     * temporary name and is kept only if its MD5 equals the one Keras publishes.
     *
     * @throws IllegalStateException when downloads are off ({@code -Dganglion.download=false}), or Keras
     *                               publishes no checksum for the file (MobileNetV2: download it by hand)
     * @throws UncheckedIOException  when the download fails
     */
    public static Path fetch(String fileName) {
        Optional<Path> local = find(fileName);
        if (local.isPresent()) {
            return local.get();
        }
        WeightFile f = file(fileName);
        if (!Downloader.enabled()) {
            throw new IllegalStateException("Applications.fetch: downloads are turned off (ganglion.download / "
                    + "GANGLION_DOWNLOAD). " + notFound(fileName));
        }
        if (f.md5() == null) {
            throw new IllegalStateException("Applications.fetch: Keras publishes no checksum for '" + fileName
                    + "', so Ganglion does not download it unverified. Download it from " + f.url()
                    + " and put it in " + cacheFolder());
        }
        try {
            return Downloader.fetch(cacheFolder(), new Downloader.RemoteFile(f.name(), f.url(), "MD5", f.md5()),
                    System.err);
        } catch (IOException e) {
            throw new UncheckedIOException("Applications.fetch: could not download " + f.url() + ": "
                    + e.getMessage() + ". " + notFound(fileName), e);
        }
    }
}
