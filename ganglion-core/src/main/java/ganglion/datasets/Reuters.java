package ganglion.datasets;

import ganglion.utils.images.NumpyRandomState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Reuters newswire topic data set, as {@code keras.datasets.reuters}: 11,228 newswires, each a sequence of
 * word indices, labelled with one of 46 topics ({@link #getLabelNames()}).
 *
 * <p>{@link #loadData(int)} reproduces Keras's {@code load_data} exactly: shuffle with numpy's
 * {@code RandomState(113)}, start marker 1, out-of-vocabulary 2, word indices offset by 3, then the last
 * {@code test_split} (0.2) of the samples as test data.
 *
 * <p>Files ({@code reuters.npz}, {@code reuters_word_index.json}) are found by {@link DataPaths} under the folder
 * name {@code reuters}, or downloaded from Keras's origin and checked against Keras's hashes.
 *
 * <pre>{@code
 * SequenceData d = Reuters.loadData(new TextDatasetOptions().numWords(1000).testSplit(0.2));
 * }</pre>
 */
public final class Reuters {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "reuters";

    static final RemoteDataset DATA = new RemoteDataset(NAME, "Reuters newswires", List.of(
            new Downloader.RemoteFile("reuters.npz", Imdb.MIRROR + "reuters.npz", "SHA-256",
                    "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916")),
            "Keras keeps it in ~/.keras/datasets/reuters.npz after keras.datasets.reuters.load_data().");
    static final RemoteDataset WORD_INDEX = new RemoteDataset(NAME, "Reuters word index", List.of(
            new Downloader.RemoteFile("reuters_word_index.json", Imdb.MIRROR + "reuters_word_index.json", "MD5",
                    "4d44cc38712099c9e383dc6e5f11a921")),
            "Keras keeps it in ~/.keras/datasets/ after keras.datasets.reuters.get_word_index().");

    private static final List<String> LABELS = List.of("cocoa", "grain", "veg-oil", "earn", "acq", "wheat",
            "copper", "housing", "money-supply", "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass",
            "crude", "nat-gas", "cpi", "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
            "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei", "bop",
            "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead");

    private Reuters() {
    }

    /** {@code reuters.load_data()} with every default. */
    public static SequenceData loadData() {
        return loadData(new TextDatasetOptions());
    }

    /** {@code reuters.load_data(num_words=numWords)}. */
    public static SequenceData loadData(int numWords) {
        return loadData(new TextDatasetOptions().numWords(numWords));
    }

    /** {@code reuters.load_data(num_words=numWords, test_split=testSplit)}, as in seed 003's chapter 18. */
    public static SequenceData loadData(int numWords, double testSplit) {
        return loadData(new TextDatasetOptions().numWords(numWords).testSplit(testSplit));
    }

    /** {@code reuters.load_data(...)} with the given options. */
    public static SequenceData loadData(TextDatasetOptions options) {
        return loadData(DATA.locate().resolve("reuters.npz"), options);
    }

    /** Loads from a {@code reuters.npz} file (keys x, y) with the given options. */
    public static SequenceData loadData(Path npz, TextDatasetOptions o) {
        NumpyRandomState rng = new NumpyRandomState(o.seed());
        KerasTextPipeline.Samples s = KerasTextPipeline.permuted(KerasTextPipeline.read(npz, "x"),
                KerasTextPipeline.read(npz, "y"), rng, npz);
        List<int[]> xs = KerasTextPipeline.offset(s.xs(), o);
        List<Integer> labels = s.labels();
        if (o.maxlen() != null) {
            KerasTextPipeline.Samples kept = KerasTextPipeline.removeLong(o.maxlen(), xs, labels);
            xs = kept.xs();
            labels = kept.labels();
        }
        xs = KerasTextPipeline.clip(xs, o);
        int idx = (int) (xs.size() * (1 - o.testSplit()));
        int[] y = KerasTextPipeline.ints(labels);
        return new SequenceData(new ArrayList<>(xs.subList(0, idx)), java.util.Arrays.copyOfRange(y, 0, idx),
                new ArrayList<>(xs.subList(idx, xs.size())), java.util.Arrays.copyOfRange(y, idx, y.length));
    }

    /** {@code reuters.get_word_index()}: word to rank (1 = most frequent), without the offset. */
    public static Map<String, Integer> getWordIndex() {
        return getWordIndex(WORD_INDEX.locate().resolve("reuters_word_index.json"));
    }

    /** Reads a word index JSON file. */
    public static Map<String, Integer> getWordIndex(Path json) {
        return KerasTextPipeline.readWordIndex(json);
    }

    /** {@code reuters.get_label_names()}: the 46 topic names by label index. */
    public static List<String> getLabelNames() {
        return LABELS;
    }
}
