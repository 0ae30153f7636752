package ganglion.utils;

import ganglion.Tensor;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;
import ganglion.utils.images.Resize;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The batched data set that {@link ImageDatasets#imageDatasetFromDirectory} returns, Keras's
 * {@code tf.data.Dataset} of {@code (images, labels)}: iterating gives one epoch of {@code {x, y}} batches,
 * x of shape [batch, height, width, channels] (floats 0..255), y as the label mode says ({@code {x}} alone
 * when there are no labels). Images are read from disk batch by batch, decoded on all cores; {@link #cache()}
 * keeps them in memory after the first epoch, like {@code dataset.cache()}. With shuffling on, each epoch
 * (each call to {@link #iterator()}) visits the files in a new order drawn from the seed.
 */
public final class ImageDataset implements Iterable<Tensor[]> {

    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final String labelMode;
    private final int height;
    private final int width;
    private final int channels;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private int epoch;
    private boolean cache;
    private float[] cached;

    ImageDataset(List<Path> files, int[] labels, List<String> classNames, String labelMode, int height, int width,
                 int channels, int batchSize, boolean shuffle, long seed) {
        this.files = List.copyOf(files);
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.labelMode = labelMode;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** The class names in label order (sorted sub-folder names), as {@code dataset.class_names}. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of batches per epoch, as {@code len(dataset)}: ceil(images / batch size). */
    public int size() {
        return (files.size() + batchSize - 1) / batchSize;
    }

    /** Number of images. */
    public int count() {
        return files.size();
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** The image files, in the (shuffled, split) order of Keras's {@code file_paths}. */
    public List<Path> filePaths() {
        return files;
    }

    /** The class index of each file in {@link #filePaths()} order (empty without labels). */
    public int[] labels() {
        return labels == null ? new int[0] : labels.clone();
    }

    /** Keeps the decoded images in memory once read, as {@code dataset.cache()}; returns this. */
    public ImageDataset cache() {
        this.cache = true;
        return this;
    }

    /** All images in file order as one tensor [n, height, width, channels] (decodes every file). */
    public Tensor images() {
        return Tensor.wrap(decodeAll(), files.size(), height, width, channels);
    }

    /** The labels of all images in file order, encoded by the label mode (null without labels). */
    public Tensor labelTensor() {
        return labels == null ? null : encodeLabels(IntStream.range(0, files.size()).toArray());
    }

    @Override
    public Iterator<Tensor[]> iterator() {
        int n = files.size();
        int[] order = IntStream.range(0, n).toArray();
        if (shuffle) {
            Random r = new Random(seed * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        epoch++;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Tensor[] next() {
                if (next >= n) {
                    throw new NoSuchElementException("ImageDataset: the epoch has ended (" + size() + " batches)");
                }
                int end = Math.min(n, next + batchSize);
                int[] idx = java.util.Arrays.copyOfRange(order, next, end);
                next = end;
                Tensor x = Tensor.wrap(batchPixels(idx), idx.length, height, width, channels);
                return labels == null ? new Tensor[]{x} : new Tensor[]{x, encodeLabels(idx)};
            }
        };
    }

    private float[] batchPixels(int[] idx) {
        int per = height * width * channels;
        float[] out = new float[idx.length * per];
        if (cache) {
            float[] all = cachedPixels();
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(all, idx[i] * per, out, i * per, per);
            }
            return out;
        }
        IntStream.range(0, idx.length).parallel().forEach(i -> decodeInto(idx[i], out, i * per));
        return out;
    }

    private synchronized float[] cachedPixels() {
        if (cached == null) {
            cached = decodeAll();
        }
        return cached;
    }

    private float[] decodeAll() {
        int per = height * width * channels;
        float[] out = new float[files.size() * per];
        IntStream.range(0, files.size()).parallel().forEach(i -> decodeInto(i, out, i * per));
        return out;
    }

    private void decodeInto(int file, float[] out, int offset) {
        DecodedImage img = ImageDecoder.read(files.get(file), channels);
        Resize.bilinear(img.pixels(), img.height(), img.width(), channels, height, width, out, offset);
    }

    private Tensor encodeLabels(int[] idx) {
        int b = idx.length;
        switch (labelMode) {
            case "int": {
                float[] y = new float[b];
                for (int i = 0; i < b; i++) {
                    y[i] = labels[idx[i]];
                }
                return Tensor.wrap(y, b);
            }
            case "binary": {
                float[] y = new float[b];
                for (int i = 0; i < b; i++) {
                    y[i] = labels[idx[i]];
                }
                return Tensor.wrap(y, b, 1);
            }
            default: {
                int k = classNames.size();
                float[] y = new float[b * k];
                for (int i = 0; i < b; i++) {
                    y[i * k + labels[idx[i]]] = 1f;
                }
                return Tensor.wrap(y, b, k);
            }
        }
    }

    @Override
    public String toString() {
        return "ImageDataset[" + files.size() + " images, " + classNames.size() + " classes, batches of "
                + batchSize + " x " + height + "x" + width + "x" + channels + ", labels " + labelMode + "]";
    }
}
