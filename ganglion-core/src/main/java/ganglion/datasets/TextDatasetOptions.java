package ganglion.datasets;

/**
 * The keyword arguments of Keras's {@code imdb.load_data} and {@code reuters.load_data}, as fluent setters with
 * Keras's defaults: {@code num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2,
 * index_from=3}, and for Reuters {@code test_split=0.2}. A null {@code startChar} or {@code oovChar} is Keras's
 * None (no start marker; out-of-vocabulary words dropped instead of replaced).
 *
 * <pre>{@code
 * var d = Imdb.loadData(new TextDatasetOptions().numWords(10000).maxlen(500));
 * }</pre>
 */
public final class TextDatasetOptions {

    private Integer numWords;
    private int skipTop;
    private Integer maxlen;
    private long seed = 113;
    private Integer startChar = 1;
    private Integer oovChar = 2;
    private int indexFrom = 3;
    private double testSplit = 0.2;

    /** Keras's defaults. */
    public TextDatasetOptions() {
    }

    /** @param numWords keep the words ranked below this (by frequency); null or 0 keeps all. Default null */
    public TextDatasetOptions numWords(Integer numWords) {
        this.numWords = numWords == null || numWords == 0 ? null : positive("num_words", numWords);
        return this;
    }

    /** @param skipTop treat the skipTop most frequent words as out of vocabulary; default 0 */
    public TextDatasetOptions skipTop(int skipTop) {
        if (skipTop < 0) {
            throw new IllegalArgumentException("skip_top must be >= 0. Received: skip_top=" + skipTop);
        }
        this.skipTop = skipTop;
        return this;
    }

    /** @param maxlen drop sequences of this length or longer (after the start marker); null keeps all. Default null */
    public TextDatasetOptions maxlen(Integer maxlen) {
        this.maxlen = maxlen == null || maxlen == 0 ? null : positive("maxlen", maxlen);
        return this;
    }

    /** @param seed seed of numpy's RandomState that shuffles the samples; default 113 */
    public TextDatasetOptions seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1. Received: seed=" + seed);
        }
        this.seed = seed;
        return this;
    }

    /** @param startChar index marking the start of each sequence, or null for none; default 1 */
    public TextDatasetOptions startChar(Integer startChar) {
        this.startChar = startChar;
        return this;
    }

    /** @param oovChar index replacing dropped words, or null to remove them; default 2 */
    public TextDatasetOptions oovChar(Integer oovChar) {
        this.oovChar = oovChar;
        return this;
    }

    /** @param indexFrom offset added to every word index; default 3 */
    public TextDatasetOptions indexFrom(int indexFrom) {
        this.indexFrom = indexFrom;
        return this;
    }

    /** @param testSplit fraction of the samples used for testing (Reuters only); default 0.2 */
    public TextDatasetOptions testSplit(double testSplit) {
        if (!(testSplit >= 0 && testSplit <= 1)) {
            throw new IllegalArgumentException("test_split must be in [0, 1]. Received: test_split=" + testSplit);
        }
        this.testSplit = testSplit;
        return this;
    }

    public Integer numWords() {
        return numWords;
    }

    public int skipTop() {
        return skipTop;
    }

    public Integer maxlen() {
        return maxlen;
    }

    public long seed() {
        return seed;
    }

    public Integer startChar() {
        return startChar;
    }

    public Integer oovChar() {
        return oovChar;
    }

    public int indexFrom() {
        return indexFrom;
    }

    public double testSplit() {
        return testSplit;
    }

    private static int positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be a positive integer. Received: " + name + "=" + v);
        }
        return v;
    }
}
