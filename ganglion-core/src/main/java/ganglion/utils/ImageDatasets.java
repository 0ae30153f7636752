package ganglion.utils;

import ganglion.utils.images.NumpyRandomState;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Keras's {@code keras.utils.image_dataset_from_directory}: turns a folder of class sub-folders
 * ({@code dir/<class>/*.jpg|png|bmp|gif}) into a batched {@link ImageDataset} of {@code {images, labels}}.
 *
 * <p>As in Keras: classes are the sub-folders in alphanumeric order (label i is {@code classNames().get(i)});
 * files are listed folder by folder in sorted order, then, when shuffling, shuffled with NumPy's
 * {@code RandomState(seed)} exactly as Keras does, so that {@code validationSplit} with {@code subset}
 * "training" or "validation" takes the same files as Keras (the last {@code int(split * n)} files are the
 * validation set). Images are decoded with {@code javax.imageio}, converted to RGB (or grey) and resized
 * bilinearly as {@code tf.image.resize}. Label modes: "int" (shape [batch]), "categorical" ([batch, classes]),
 * "binary" ([batch, 1], exactly two classes), or null (no labels).
 *
 * <pre>{@code
 * ImageDataset train = ImageDatasets.imageDatasetFromDirectory(Path.of("flowers"), new int[]{180, 180}, 32,
 *         "int", 123L, 0.2, "training");
 * model.fit(train, new FitOptions().epochs(3));
 * }</pre>
 */
public final class ImageDatasets {

    /** File extensions Keras accepts ({@code ALLOWLIST_FORMATS}). */
    public static final List<String> FORMATS = List.of(".bmp", ".gif", ".jpeg", ".jpg", ".png");

    private static PrintStream log = System.out;

    private ImageDatasets() {
    }

    /** Where the "Found N files belonging to K classes." lines go (null for none). */
    public static void setOutput(PrintStream out) {
        log = out;
    }

    /** Keras's defaults: 256x256 RGB, batches of 32, int labels, shuffled with a random seed, no split. */
    public static ImageDataset imageDatasetFromDirectory(Path dir) {
        return imageDatasetFromDirectory(dir, new int[]{256, 256}, 32, "int", null, 0, null);
    }

    /** Resized to {@code imageSize} = {height, width}, batches of {@code batchSize}, int labels, shuffled. */
    public static ImageDataset imageDatasetFromDirectory(Path dir, int[] imageSize, int batchSize) {
        return imageDatasetFromDirectory(dir, imageSize, batchSize, "int", null, 0, null);
    }

    /**
     * Keras's {@code image_dataset_from_directory(dir, image_size=, batch_size=, label_mode=, seed=,
     * validation_split=, subset=)} with {@code shuffle=True} and {@code color_mode="rgb"}.
     *
     * @param imageSize       {height, width} to resize to
     * @param labelMode       "int", "categorical", "binary", or null for no labels
     * @param seed            shuffling seed (null: random; required with a validation split)
     * @param validationSplit fraction kept for validation, 0 for none
     * @param subset          "training" or "validation" when splitting, else null
     */
    public static ImageDataset imageDatasetFromDirectory(Path dir, int[] imageSize, int batchSize, String labelMode,
                                                         Long seed, double validationSplit, String subset) {
        return imageDatasetFromDirectory(dir, imageSize, batchSize, labelMode, seed, validationSplit, subset,
                "rgb", true);
    }

    /**
     * The full form, adding {@code colorMode} ("rgb" or "grayscale") and {@code shuffle} (false keeps the
     * sorted order, as Keras).
     */
    public static ImageDataset imageDatasetFromDirectory(Path dir, int[] imageSize, int batchSize, String labelMode,
                                                         Long seed, double validationSplit, String subset,
                                                         String colorMode, boolean shuffle) {
        if (imageSize == null || imageSize.length != 2 || imageSize[0] <= 0 || imageSize[1] <= 0) {
            throw new IllegalArgumentException("imageDatasetFromDirectory: `image_size` must be {height, width} with"
                    + " positive values. Received: " + Arrays.toString(imageSize));
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("imageDatasetFromDirectory: `batch_size` must be positive. Received: "
                    + batchSize);
        }
        if (labelMode != null && !List.of("int", "categorical", "binary").contains(labelMode)) {
            throw new IllegalArgumentException("`label_mode` argument must be one of \"int\", \"categorical\","
                    + " \"binary\", or None. Received: label_mode=" + labelMode);
        }
        int channels;
        if ("rgb".equals(colorMode)) {
            channels = 3;
        } else if ("grayscale".equals(colorMode)) {
            channels = 1;
        } else {
            throw new IllegalArgumentException("`color_mode` must be one of {\"rgb\", \"grayscale\"} here. Received:"
                    + " color_mode=" + colorMode);
        }
        checkSplit(validationSplit, subset, shuffle, seed);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("imageDatasetFromDirectory: " + dir + " is not a folder; it must hold"
                    + " one sub-folder per class with the images inside");
        }
        long s = seed != null ? seed : new java.util.Random().nextInt(1_000_000);

        List<String> classNames = classFolders(dir);
        if ("binary".equals(labelMode) && classNames.size() != 2) {
            throw new IllegalArgumentException("When passing `label_mode=\"binary\"`, there must be exactly 2"
                    + " class_names. Received: class_names=" + classNames);
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labelList = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            for (Path f : imagesUnder(dir.resolve(classNames.get(c)))) {
                files.add(f);
                labelList.add(c);
            }
        }
        if (log != null) {
            log.println("Found " + files.size() + " files belonging to " + classNames.size() + " classes.");
        }
        if (shuffle) {
            new NumpyRandomState(s).shuffle(files);
            new NumpyRandomState(s).shuffle(labelList);
        }
        int n = files.size();
        int from = 0;
        int to = n;
        if (validationSplit > 0) {
            int numVal = (int) (validationSplit * n);
            if ("training".equals(subset)) {
                to = n - numVal;
                if (log != null) {
                    log.println("Using " + (n - numVal) + " files for training.");
                }
            } else {
                from = n - numVal;
                if (log != null) {
                    log.println("Using " + numVal + " files for validation.");
                }
            }
        }
        if (to - from == 0) {
            throw new IllegalArgumentException("No images found in directory " + dir + ". Allowed formats: " + FORMATS);
        }
        int[] labels = labelMode == null ? null
                : labelList.subList(from, to).stream().mapToInt(Integer::intValue).toArray();
        return new ImageDataset(files.subList(from, to), labels, classNames, labelMode == null ? "none" : labelMode,
                imageSize[0], imageSize[1], channels, batchSize, shuffle, s);
    }

    private static void checkSplit(double split, String subset, boolean shuffle, Long seed) {
        if (split != 0 && !(split > 0 && split < 1)) {
            throw new IllegalArgumentException("`validation_split` must be between 0 and 1, received: " + split);
        }
        if ((split != 0 || subset != null) && !(split != 0 && subset != null)) {
            throw new IllegalArgumentException("If `subset` is set, `validation_split` must be set, and inversely.");
        }
        if (subset != null && !subset.equals("training") && !subset.equals("validation")) {
            throw new IllegalArgumentException("`subset` must be either \"training\" or \"validation\", received: "
                    + subset + (subset.equals("both") ? " (for both, call this method twice with the same seed)" : ""));
        }
        if (split != 0 && shuffle && seed == null) {
            throw new IllegalArgumentException("If using `validation_split` and shuffling the data, you must provide"
                    + " a `seed` argument, to make sure that there is no overlap between the training and validation"
                    + " subset.");
        }
    }

    /** Sub-folders of {@code dir} not starting with '.', sorted by name (Python's sorted(os.listdir)). */
    static List<String> classFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Image files under {@code classDir}, walked as Keras does: folders by path, then file names, sorted. */
    static List<Path> imagesUnder(Path classDir) {
        List<Path> folders;
        try (Stream<Path> s = Files.walk(classDir)) {
            folders = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + classDir + ": " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(Files::isRegularFile).filter(p -> isImage(p.getFileName().toString()))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean isImage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String f : FORMATS) {
            if (n.endsWith(f)) {
                return true;
            }
        }
        return false;
    }
}
