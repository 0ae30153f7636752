package ganglion.data;

import ganglion.Tensor;
import ganglion.utils.ImageDataset;
import ganglion.utils.ImageDatasets;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;
import ganglion.utils.images.Resize;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The files behind {@link Dataset#imageFiles}: the sorted list of a class-per-folder directory and the
 * function that decodes and resizes one of them when it is read, so a folder of any size streams in bounded
 * memory. A file that cannot be decoded raises an error naming it, or, with {@code ignoreErrors}, is skipped
 * with a warning (never given another file's label).
 */
final class ImageFolderSource {

    private final List<Path> files;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int channels;
    private final boolean ignoreErrors;
    private final PrintStream warnings;

    ImageFolderSource(Path dir, int[] imageSize, String colorMode, boolean ignoreErrors, PrintStream warnings) {
        // listing only: Keras's sorted order, no shuffling (shuffle() the dataset as tf users do)
        ImageDataset listing = ImageDatasets.imageDatasetFromDirectory(dir, imageSize, 1, "int", 0L, 0, null,
                colorMode, false);
        this.files = listing.filePaths();
        this.labels = listing.labels();
        this.height = imageSize[0];
        this.width = imageSize[1];
        this.channels = "grayscale".equals(colorMode) ? 1 : 3;
        this.ignoreErrors = ignoreErrors;
        this.warnings = warnings;
    }

    /** Decodes one file into [height, width, channels] floats 0..255; null when skipped. */
    private Tensor decode(int i) {
        try {
            DecodedImage img = ImageDecoder.read(files.get(i), channels);
            float[] out = new float[height * width * channels];
            Resize.bilinear(img.pixels(), img.height(), img.width(), channels, height, width, out, 0);
            return Tensor.wrap(out, height, width, channels);
        } catch (RuntimeException e) {
            if (!ignoreErrors) {
                throw new IllegalArgumentException("Dataset.imageFiles: cannot use " + files.get(i) + ": "
                        + e.getMessage() + " (remove the file, or pass ignoreErrors=true to skip unreadable images)", e);
            }
            warnings.println("Warning: skipping unreadable image " + files.get(i) + ": " + e.getMessage());
            return null;
        }
    }

    /** The decoding step as a function of the file index, for {@code map(fn, parallelism)}. */
    Function<Integer, Tensor[]> decoder() {
        return i -> {
            Tensor img = decode(i);
            return img == null ? null : new Tensor[]{img, Tensor.scalar(labels[i])};
        };
    }

    int fileCount() {
        return files.size();
    }
}
