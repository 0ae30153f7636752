package ganglion.data;

import ganglion.Tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A lazy, streaming input pipeline, as TensorFlow's {@code tf.data.Dataset} that Keras tutorials feed to
 * {@code fit}: a recipe of a source and transformations, read afresh on every pass ({@link #iterator()}),
 * holding in memory only what a transformation needs (a shuffle buffer, a batch, a prefetch queue).
 *
 * <p>Elements are usually a {@link Tensor} or a {@code Tensor[]} (features, labels); {@link #map} and
 * {@link #filter} accept any type. {@link #batch} stacks tensors along a new first axis, component by
 * component, and {@link #unbatch} undoes it. Every transformation is deterministic: {@link #shuffle} with a
 * seed gives the same sequence of epoch orders in every run, and {@code map(fn, parallelism)} keeps the
 * input order.
 *
 * <p>{@link #cardinality()} is the number of elements when known, {@link #UNKNOWN} or {@link #INFINITE}
 * otherwise; {@code fit} shows it in the progress bar. A Dataset is an {@link Iterable}, so
 * {@code model.fit(dataset, options)} and a for-each loop both consume it.
 *
 * @param <T> element type
 */
public abstract class Dataset<T> implements Iterable<T> {

    /** Cardinality of a dataset whose length cannot be known without reading it (filter, generators). */
    public static final long UNKNOWN = -2;
    /** Cardinality of a dataset that repeats forever. */
    public static final long INFINITE = -1;

    protected Dataset() {
    }

    // ------------------------------------------------------------------ sources

    /** A dataset of exactly one element: the given tensors as a whole (tf's {@code from_tensors}). */
    public static Dataset<Tensor[]> fromTensors(Tensor... tensors) {
        Tensor[] element = tensors.clone();
        return fromIterable(List.<Tensor[]>of(element));
    }

    /**
     * One element per index of the first axis, each a {@code Tensor[]} with one slice of every tensor
     * (tf's {@code from_tensor_slices((x, y))}). All tensors must have the same first dimension.
     */
    public static Dataset<Tensor[]> fromTensorSlices(Tensor... tensors) {
        return new SliceSource(tensors);
    }

    /** One element per slice of {@code x} along its first axis (tf's {@code from_tensor_slices(x)}). */
    public static Dataset<Tensor> fromTensorSlices(Tensor x) {
        return new SliceSource(new Tensor[]{x}).map(e -> e[0]);
    }

    /** The elements of an iterable, read afresh on each pass; cardinality known for collections. */
    public static <T> Dataset<T> fromIterable(Iterable<T> elements) {
        Objects.requireNonNull(elements, "elements");
        long n = elements instanceof java.util.Collection<?> c ? c.size() : UNKNOWN;
        return new IterableSource<>(elements::iterator, n);
    }

    /** Elements from a generator: the supplier gives a fresh iterator for every pass (tf's {@code from_generator}). */
    public static <T> Dataset<T> fromGenerator(Supplier<? extends Iterator<T>> generator) {
        Objects.requireNonNull(generator, "generator");
        return new IterableSource<>(generator, UNKNOWN);
    }

    /**
     * The rows of a CSV file, streamed: each element is the row's fields (quotes removed). With
     * {@code header} true the first line is skipped. The file is read lazily, one line at a time.
     */
    public static Dataset<String[]> fromCsv(Path file, boolean header) {
        return new CsvSource(file, header, ',');
    }

    /**
     * The rows of a CSV file of numbers, streamed, as {@code Tensor[]{features, label}}: {@code labelColumn}
     * names the column (0-based) that becomes the label, every other column a feature; with
     * {@code labelColumn} -1 each element is {@code {features}}. Empty cells are an error naming the line.
     */
    public static Dataset<Tensor[]> fromCsv(Path file, boolean header, int labelColumn) {
        CsvSource rows = new CsvSource(file, header, ',');
        return rows.map(r -> CsvSource.numericRow(file, r, labelColumn));
    }

    /**
     * Keras's {@code image_dataset_from_directory} as a Dataset of {x, y} batches: class-per-folder images,
     * resized to {@code imageSize} = {height, width}, RGB values 0..255, shuffled with {@code seed} each epoch,
     * optionally the "training" or "validation" part of a {@code validationSplit}. Images are decoded batch by
     * batch as they are read, never all at once. See {@link ganglion.utils.ImageDatasets}.
     */
    public static Dataset<Tensor[]> fromDirectory(Path dir, int[] imageSize, int batchSize, String labelMode,
                                                  Long seed, double validationSplit, String subset) {
        ganglion.utils.ImageDataset d = ganglion.utils.ImageDatasets.imageDatasetFromDirectory(dir, imageSize,
                batchSize, labelMode, seed, validationSplit, subset);
        return new IterableSource<>(d::iterator, d.size());
    }

    /**
     * The images of a class-per-folder directory as single elements {image [h, w, c] 0..255, label}, in
     * Keras's sorted order, decoded lazily (with {@code parallelism} threads, input order kept): a folder of
     * any size streams in bounded memory. Chain {@code shuffle}, {@code map}, {@code batch} and
     * {@code prefetch} as in tf.data. An unreadable image raises an error naming the file; with
     * {@code ignoreErrors} it is skipped with a warning on standard error instead.
     *
     * @param colorMode "rgb" or "grayscale"
     */
    public static Dataset<Tensor[]> imageFiles(Path dir, int[] imageSize, String colorMode, int parallelism,
                                               boolean ignoreErrors) {
        return imageFiles(dir, imageSize, colorMode, parallelism, ignoreErrors, null);
    }

    /**
     * As {@link #imageFiles(Path, int[], String, int, boolean)}, with the file list shuffled before decoding when
     * {@code shuffleSeed} is not null (tf's {@code list_files(..., shuffle=True, seed=...)}): a new order every
     * pass, the same sequence of orders for the same seed. Shuffling file indices costs nothing, where
     * {@code shuffle(bufferSize, seed)} after decoding holds {@code bufferSize} decoded images and only mixes
     * within that window.
     */
    public static Dataset<Tensor[]> imageFiles(Path dir, int[] imageSize, String colorMode, int parallelism,
                                               boolean ignoreErrors, Long shuffleSeed) {
        ImageFolderSource src = new ImageFolderSource(dir, imageSize, colorMode, ignoreErrors, System.err);
        List<Integer> indices = new ArrayList<>(src.fileCount());
        for (int i = 0; i < src.fileCount(); i++) {
            indices.add(i);
        }
        Dataset<Integer> order = fromIterable(indices);
        if (shuffleSeed != null && !indices.isEmpty()) {
            order = order.shuffle(indices.size(), shuffleSeed);
        }
        Dataset<Tensor[]> decoded = order.map(src.decoder(), parallelism);
        if (ignoreErrors) {
            return decoded.filter(Objects::nonNull);
        }
        return decoded;
    }

    // ------------------------------------------------------------------ transformations

    /** Applies {@code fn} to every element (tf's {@code map}), lazily, on the reading thread. */
    public <R> Dataset<R> map(Function<? super T, ? extends R> fn) {
        return new MapDataset<>(this, fn);
    }

    /**
     * Applies {@code fn} on {@code parallelism} worker threads (tf's {@code num_parallel_calls}), keeping the
     * input order: the output is the same as {@link #map(Function)}'s, only faster when {@code fn} is costly
     * (image decoding, augmentation). {@code fn} must be safe to call from several threads.
     */
    public <R> Dataset<R> map(Function<? super T, ? extends R> fn, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Dataset.map: parallelism must be >= 1, got " + parallelism);
        }
        return parallelism == 1 ? map(fn) : new ParallelMapDataset<>(this, fn, parallelism);
    }

    /** Keeps the elements for which {@code keep} is true. */
    public Dataset<T> filter(Predicate<? super T> keep) {
        return new FilterDataset<>(this, keep);
    }

    /**
     * Shuffles through a buffer of {@code bufferSize} elements, as tf's {@code shuffle}: each pass (epoch)
     * gets a new order; with the same seed, the same sequence of orders in every run. A buffer at least as
     * large as the dataset gives a uniform shuffle.
     */
    public Dataset<T> shuffle(int bufferSize, long seed) {
        return new ShuffleDataset<>(this, bufferSize, seed, true);
    }

    /** {@link #shuffle(int, long)} seeded from {@code Ganglion.random()} (reproducible after setRandomSeed). */
    public Dataset<T> shuffle(int bufferSize) {
        return shuffle(bufferSize, ganglion.Ganglion.random().nextLong());
    }

    /** {@link #shuffle(int, long)}; with {@code reshuffleEachIteration} false every pass has the same order. */
    public Dataset<T> shuffle(int bufferSize, long seed, boolean reshuffleEachIteration) {
        return new ShuffleDataset<>(this, bufferSize, seed, reshuffleEachIteration);
    }

    /** Stacks consecutive elements into batches of {@code size}; the last one may be smaller. */
    public Dataset<T> batch(int size) {
        return batch(size, false);
    }

    /** Stacks consecutive elements into batches; with {@code dropRemainder} an incomplete last batch is dropped. */
    public Dataset<T> batch(int size, boolean dropRemainder) {
        return new BatchDataset<>(this, size, dropRemainder);
    }

    /** Splits batched elements back into single elements (tf's {@code unbatch}). */
    public Dataset<T> unbatch() {
        return new UnbatchDataset<>(this);
    }

    /** The first {@code count} elements (all of them when count is negative, as tf). */
    public Dataset<T> take(long count) {
        return count < 0 ? this : new TakeDataset<>(this, count);
    }

    /** All but the first {@code count} elements. */
    public Dataset<T> skip(long count) {
        return count <= 0 ? this : new SkipDataset<>(this, count);
    }

    /** Repeats the dataset forever (each repetition is a fresh pass, reshuffled when shuffled). */
    public Dataset<T> repeat() {
        return new RepeatDataset<>(this, -1);
    }

    /** Repeats the dataset {@code count} times. */
    public Dataset<T> repeat(int count) {
        if (count < 0) {
            return repeat();
        }
        return new RepeatDataset<>(this, count);
    }

    /**
     * Keeps the elements in memory after the first complete pass; later passes read the memory (tf's
     * {@code cache()}). Only a complete pass fills the cache, so an interrupted first epoch is read again.
     */
    public Dataset<T> cache() {
        return new MemoryCacheDataset<>(this);
    }

    /**
     * Writes the elements (Tensor or Tensor[]) to {@code file} during the first complete pass and reads them
     * from there afterwards, also in later runs when the file exists (tf's {@code cache(filename)}). The
     * file is written under a temporary name and renamed when complete.
     */
    public Dataset<T> cache(Path file) {
        return new FileCacheDataset<>(this, file);
    }

    /**
     * Prepares up to {@code bufferSize} elements ahead on a background thread, so that reading and decoding
     * overlap training (tf's {@code prefetch}). Errors in the pipeline surface on the reading thread.
     */
    public Dataset<T> prefetch(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("Dataset.prefetch: bufferSize must be >= 1, got " + bufferSize);
        }
        return new PrefetchDataset<>(this, bufferSize);
    }

    /** This dataset's elements followed by {@code other}'s. */
    public Dataset<T> concatenate(Dataset<T> other) {
        return new ConcatDataset<>(this, other);
    }

    /**
     * Pairs the elements of several datasets of tensors: the i-th element is the concatenation of the
     * components of each dataset's i-th element (a Tensor counts as one component). Stops at the shortest.
     */
    public static Dataset<Tensor[]> zip(Dataset<?>... datasets) {
        return new ZipDataset(datasets);
    }

    /**
     * Splits into two datasets by position, as Keras's {@code split_dataset(dataset, left_size=fraction)}:
     * the first {@code round(fraction * n)} elements and the rest. Needs a known cardinality; shuffle
     * first (with a seed) for a random split.
     */
    public List<Dataset<T>> split(double leftFraction) {
        if (!(leftFraction > 0 && leftFraction < 1)) {
            throw new IllegalArgumentException("Dataset.split: leftFraction must be in (0, 1), got " + leftFraction);
        }
        long n = cardinality();
        if (n < 0) {
            throw new IllegalStateException("Dataset.split needs a dataset of known length (cardinality "
                    + describeCardinality(n) + "); call take(n) first or split before filter/generators");
        }
        long left = Math.round(leftFraction * n);
        List<Dataset<T>> parts = new ArrayList<>(2);
        parts.add(take(left));
        parts.add(skip(left));
        return parts;
    }

    // ------------------------------------------------------------------ reading

    /** A fresh pass over the elements. Close it (it is AutoCloseable) to stop background work early. */
    @Override
    public abstract DatasetIterator<T> iterator();

    /** Number of elements, or {@link #UNKNOWN} / {@link #INFINITE}. */
    public abstract long cardinality();

    /** Reads every element into a list (a finite dataset only). */
    public List<T> toList() {
        if (cardinality() == INFINITE) {
            throw new IllegalStateException("Dataset.toList on an infinite dataset: take(n) first");
        }
        List<T> out = new ArrayList<>();
        try (DatasetIterator<T> it = iterator()) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    static String describeCardinality(long n) {
        return n == UNKNOWN ? "UNKNOWN" : n == INFINITE ? "INFINITE" : String.valueOf(n);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(cardinality=" + describeCardinality(cardinality()) + ")";
    }
}
