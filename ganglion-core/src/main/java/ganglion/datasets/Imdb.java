package ganglion.datasets;

import ganglion.utils.images.NumpyRandomState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IMDB movie-review sentiment data set, as {@code keras.datasets.imdb}: 25,000 training and 25,000 test
 * reviews, each a sequence of word indices (words ranked by frequency), labelled 0 (negative) or 1 (positive).
 *
 * <p>{@link #loadData(int)} reproduces Keras's {@code load_data} exactly, including its shuffle with numpy's
 * {@code RandomState(113)}: the same options give the same sequences in the same order. Index 0 is padding,
 * 1 the start marker, 2 out-of-vocabulary; a word of rank r has index {@code r + 3}.
 *
 * <p>Files ({@code imdb.npz}, {@code imdb_word_index.json}, Keras's own) are found by {@link DataPaths} under the
 * folder name {@code imdb} (e.g. {@code ~/.ganglion/datasets/imdb/} or Keras's cache), or downloaded from Keras's
 * origin and checked against Keras's hashes.
 *
 * <pre>{@code
 * SequenceData d = Imdb.loadData(10000);
 * Tensor xTrain = Sequences.padSequences(d.xTrain(), 500);
 * }</pre>
 */
public final class Imdb {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "imdb";
    /** Keras's origin folder. */
    public static final String MIRROR = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    static final RemoteDataset DATA = new RemoteDataset(NAME, "IMDB reviews", List.of(
            new Downloader.RemoteFile("imdb.npz", MIRROR + "imdb.npz", "SHA-256",
                    "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f")),
            "Keras keeps it in ~/.keras/datasets/imdb.npz after keras.datasets.imdb.load_data().");
    static final RemoteDataset WORD_INDEX = new RemoteDataset(NAME, "IMDB word index", List.of(
            new Downloader.RemoteFile("imdb_word_index.json", MIRROR + "imdb_word_index.json", "MD5",
                    "bfafd718b763782e994055a2d397834f")),
            "Keras keeps it in ~/.keras/datasets/ after keras.datasets.imdb.get_word_index().");

    private Imdb() {
    }

    /** {@code imdb.load_data()} with every default (all words). */
    public static SequenceData loadData() {
        return loadData(new TextDatasetOptions());
    }

    /** {@code imdb.load_data(num_words=numWords)}. */
    public static SequenceData loadData(int numWords) {
        return loadData(new TextDatasetOptions().numWords(numWords));
    }

    /** {@code imdb.load_data(...)} with the given options. */
    public static SequenceData loadData(TextDatasetOptions options) {
        return loadData(DATA.locate().resolve("imdb.npz"), options);
    }

    /** Loads from an {@code imdb.npz} file (keys x_train, y_train, x_test, y_test) with the given options. */
    public static SequenceData loadData(Path npz, TextDatasetOptions o) {
        NumpyRandomState rng = new NumpyRandomState(o.seed());
        KerasTextPipeline.Samples train = KerasTextPipeline.permuted(KerasTextPipeline.read(npz, "x_train"),
                KerasTextPipeline.read(npz, "y_train"), rng, npz);
        KerasTextPipeline.Samples test = KerasTextPipeline.permuted(KerasTextPipeline.read(npz, "x_test"),
                KerasTextPipeline.read(npz, "y_test"), rng, npz);
        List<int[]> xTrain = KerasTextPipeline.offset(train.xs(), o);
        List<int[]> xTest = KerasTextPipeline.offset(test.xs(), o);
        List<Integer> yTrain = train.labels(), yTest = test.labels();
        if (o.maxlen() != null) {
            KerasTextPipeline.Samples a = KerasTextPipeline.removeLong(o.maxlen(), xTrain, yTrain);
            KerasTextPipeline.Samples b = KerasTextPipeline.removeLong(o.maxlen(), xTest, yTest);
            if (a.xs().isEmpty() || b.xs().isEmpty()) {
                throw new IllegalArgumentException("After filtering for sequences shorter than maxlen="
                        + o.maxlen() + ", no sequence was kept. Increase maxlen.");
            }
            xTrain = a.xs();
            yTrain = a.labels();
            xTest = b.xs();
            yTest = b.labels();
        }
        List<int[]> all = new ArrayList<>(xTrain);
        all.addAll(xTest);
        List<int[]> clipped = KerasTextPipeline.clip(all, o);
        int n = xTrain.size();
        return new SequenceData(new ArrayList<>(clipped.subList(0, n)), KerasTextPipeline.ints(yTrain),
                new ArrayList<>(clipped.subList(n, clipped.size())), KerasTextPipeline.ints(yTest));
    }

    /** {@code imdb.get_word_index()}: word to rank (1 = most frequent), without the {@code index_from} offset. */
    public static Map<String, Integer> getWordIndex() {
        return getWordIndex(WORD_INDEX.locate().resolve("imdb_word_index.json"));
    }

    /** Reads a word index JSON file. */
    public static Map<String, Integer> getWordIndex(Path json) {
        return KerasTextPipeline.readWordIndex(json);
    }
}
