package ganglion.preprocessing.text;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Keras's legacy text tokenizer ({@code keras.preprocessing.text.Tokenizer}): it learns a vocabulary from
 * texts and turns texts into sequences of word indices or into bag-of-words matrices.
 *
 * <p>Behaviour follows Keras exactly: words are counted in the order first seen; {@link #wordIndex()}
 * ranks them by count, descending, ties keeping first-seen order; indices start at 1 (0 is reserved for
 * padding), and an {@link #oovToken(String) oovToken} takes index 1. With {@link #numWords(Integer)
 * numWords} set, {@link #textsToSequences(List)} keeps only indices below {@code numWords} (so
 * {@code numWords - 1} words), mapping the others to the OOV index if there is one, while
 * {@link #wordIndex()} still holds every word. {@link #toJson()} writes Keras's {@code tokenizer.to_json()}
 * format and {@link #fromJson(String)} reads it ({@code tokenizer_from_json}).
 *
 * <pre>{@code
 * Tokenizer tok = new Tokenizer().numWords(10000).oovToken("<OOV>");
 * tok.fitOnTexts(lines);
 * List<int[]> seqs = tok.textsToSequences(lines);
 * }</pre>
 *
 * <p>Differences: matrices are float32 tensors (Keras returns float64 NumPy arrays); an unknown matrix mode
 * is refused before any work (Keras refuses it at the first non-empty sequence).
 */
public final class Tokenizer {

    private Integer numWords;
    private String filters = Text.DEFAULT_FILTERS;
    private Text.Filter filter = new Text.Filter(Text.DEFAULT_FILTERS);
    private boolean lower = true;
    private String split = " ";
    private boolean charLevel;
    private String oovToken;
    private int documentCount;

    private final LinkedHashMap<String, Integer> wordCounts = new LinkedHashMap<>();
    private final LinkedHashMap<String, Integer> wordDocs = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, Integer> indexDocs = new LinkedHashMap<>();
    private LinkedHashMap<String, Integer> wordIndex = new LinkedHashMap<>();
    private LinkedHashMap<Integer, String> indexWord = new LinkedHashMap<>();

    /** A tokenizer with Keras's defaults: all words, default filters, lower-casing, split on a space. */
    public Tokenizer() {
    }

    /** A tokenizer keeping the {@code numWords - 1} most frequent words in sequences. */
    public Tokenizer(int numWords) {
        numWords(numWords);
    }

    // ------------------------------------------------------------------ options

    /** Keeps words with index below {@code n} in sequences and matrices; default null (all); 0 means all. */
    public Tokenizer numWords(Integer n) {
        if (n != null && n < 0) {
            throw new IllegalArgumentException("Tokenizer numWords must be a non-negative integer or null. "
                    + "Received: numWords=" + n);
        }
        numWords = n;
        return this;
    }

    /** Same as {@link #numWords(Integer)}. */
    public Tokenizer numWords(int n) {
        return numWords(Integer.valueOf(n));
    }

    /** Characters removed from texts (each acts as a separator); default {@link Text#DEFAULT_FILTERS}. */
    public Tokenizer filters(String f) {
        filter = new Text.Filter(f);
        filters = f;
        return this;
    }

    /** Whether texts are lower-cased; default true. */
    public Tokenizer lower(boolean b) {
        lower = b;
        return this;
    }

    /** The word separator; default {@code " "}. */
    public Tokenizer split(String s) {
        split = Text.checkSplit(s);
        return this;
    }

    /** Whether every character (code point) is a token; default false. Filters do not apply then. */
    public Tokenizer charLevel(boolean b) {
        charLevel = b;
        return this;
    }

    /** The token that stands for out-of-vocabulary words, given index 1; default null (OOV words dropped). */
    public Tokenizer oovToken(String token) {
        oovToken = token;
        return this;
    }

    /** The {@code numWords} option (null: all words). */
    public Integer numWords() {
        return numWords;
    }

    /** The filters option. */
    public String filters() {
        return filters;
    }

    /** The lower option. */
    public boolean lower() {
        return lower;
    }

    /** The split option. */
    public String split() {
        return split;
    }

    /** The charLevel option. */
    public boolean charLevel() {
        return charLevel;
    }

    /** The OOV token, or null. */
    public String oovToken() {
        return oovToken;
    }

    // ------------------------------------------------------------------ learned state

    /** Word to index, ranked by count (index 1 first), as Keras's {@code word_index}. Read-only view. */
    public Map<String, Integer> wordIndex() {
        return Collections.unmodifiableMap(wordIndex);
    }

    /** Index to word ({@code index_word}). Read-only view. */
    public Map<Integer, String> indexWord() {
        return Collections.unmodifiableMap(indexWord);
    }

    /** Word to number of occurrences, in first-seen order ({@code word_counts}). Read-only view. */
    public Map<String, Integer> wordCounts() {
        return Collections.unmodifiableMap(wordCounts);
    }

    /** Word to number of texts containing it ({@code word_docs}), in first-seen order. Read-only view. */
    public Map<String, Integer> wordDocs() {
        return Collections.unmodifiableMap(wordDocs);
    }

    /** Index to number of texts (or sequences) containing it ({@code index_docs}). Read-only view. */
    public Map<Integer, Integer> indexDocs() {
        return Collections.unmodifiableMap(indexDocs);
    }

    /** Number of texts and sequences fitted on ({@code document_count}). */
    public int documentCount() {
        return documentCount;
    }

    // ------------------------------------------------------------------ fitting

    /** Updates the vocabulary from texts ({@code fit_on_texts}); may be called repeatedly. */
    public void fitOnTexts(List<String> texts) {
        for (String text : texts) {
            fitOne(tokens(text));
        }
        rebuildIndex();
    }

    /**
     * Updates the vocabulary from texts already split into words, which are lower-cased (if
     * {@link #lower(boolean)}) but not filtered, as Keras does when given lists of strings.
     */
    public void fitOnTokenLists(List<List<String>> texts) {
        for (List<String> words : texts) {
            fitOne(lowerAll(words));
        }
        rebuildIndex();
    }

    /** Counts documents per index from sequences ({@code fit_on_sequences}), as tf-idf needs. */
    public void fitOnSequences(List<int[]> sequences) {
        documentCount += sequences.size();
        for (int[] seq : sequences) {
            LinkedHashSet<Integer> seen = new LinkedHashSet<>();
            for (int i : seq) {
                seen.add(i);
            }
            for (Integer i : seen) {
                indexDocs.merge(i, 1, Integer::sum);
            }
        }
    }

    private void fitOne(List<String> seq) {
        documentCount++;
        for (String w : seq) {
            wordCounts.merge(w, 1, Integer::sum);
        }
        for (String w : new LinkedHashSet<>(seq)) {
            wordDocs.merge(w, 1, Integer::sum);
        }
    }

    private void rebuildIndex() {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(wordCounts.entrySet());
        ranked.sort((a, b) -> Integer.compare(b.getValue(), a.getValue())); // List.sort is stable
        LinkedHashMap<String, Integer> wi = new LinkedHashMap<>();
        int next = 1;
        if (oovToken != null) {
            wi.put(oovToken, next++);
        }
        for (Map.Entry<String, Integer> e : ranked) {
            wi.put(e.getKey(), next++); // a word equal to the OOV token moves its index, as in Keras
        }
        LinkedHashMap<Integer, String> iw = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : wi.entrySet()) {
            iw.put(e.getValue(), e.getKey());
        }
        wordIndex = wi;
        indexWord = iw;
        for (Map.Entry<String, Integer> e : wordDocs.entrySet()) {
            Integer idx = wi.get(e.getKey());
            if (idx != null) {
                indexDocs.put(idx, e.getValue());
            }
        }
    }

    private List<String> tokens(String text) {
        if (charLevel) {
            String s = lower ? Text.lower(text) : text;
            List<String> out = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        return filter.words(text, lower, split);
    }

    private List<String> lowerAll(List<String> words) {
        if (!lower) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(Text.lower(w));
        }
        return out;
    }

    // ------------------------------------------------------------------ encoding

    /** Each text as word indices ({@code texts_to_sequences}); unknown words are dropped or become the OOV index. */
    public List<int[]> textsToSequences(List<String> texts) {
        List<int[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(encode(tokens(text)));
        }
        return out;
    }

    /** Word lists as indices (Keras's {@code texts_to_sequences} on lists of strings). */
    public List<int[]> tokenListsToSequences(List<List<String>> texts) {
        List<int[]> out = new ArrayList<>(texts.size());
        for (List<String> words : texts) {
            out.add(encode(lowerAll(words)));
        }
        return out;
    }

    private int[] encode(List<String> words) {
        int oov = oovIndex("textsToSequences");
        boolean limit = numWords != null && numWords != 0;
        int[] v = new int[words.size()];
        int n = 0;
        for (String w : words) {
            Integer i = wordIndex.get(w);
            if (i != null) {
                if (limit && i >= numWords) {
                    if (oov > 0) {
                        v[n++] = oov;
                    }
                } else {
                    v[n++] = i;
                }
            } else if (oov > 0) {
                v[n++] = oov;
            }
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    /** The OOV index, or 0 when there is no OOV token. */
    private int oovIndex(String op) {
        if (oovToken == null) {
            return 0;
        }
        Integer i = wordIndex.get(oovToken);
        if (i == null) {
            throw new IllegalStateException("Tokenizer." + op + ": oovToken \"" + oovToken
                    + "\" has no index yet; call fitOnTexts first");
        }
        return i;
    }

    /** Each sequence as a text of words joined by spaces ({@code sequences_to_texts}). */
    public List<String> sequencesToTexts(List<int[]> sequences) {
        int oov = oovIndex("sequencesToTexts");
        String oovWord = oov > 0 ? indexWord.get(oov) : null;
        boolean limit = numWords != null && numWords != 0;
        List<String> out = new ArrayList<>(sequences.size());
        for (int[] seq : sequences) {
            List<String> words = new ArrayList<>(seq.length);
            for (int num : seq) {
                String word = indexWord.get(num);
                if (word != null) {
                    String emit = limit && num >= numWords ? oovWord : word;
                    if (emit != null) {
                        words.add(emit);
                    }
                } else if (oov > 0) {
                    words.add(oovWord);
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** {@code texts_to_matrix(texts, "binary")}. */
    public Tensor textsToMatrix(List<String> texts) {
        return textsToMatrix(texts, "binary");
    }

    /** A (texts, numWords) bag-of-words matrix; mode is "binary", "count", "tfidf" or "freq". */
    public Tensor textsToMatrix(List<String> texts, String mode) {
        checkMode(mode);
        return sequencesToMatrix(textsToSequences(texts), mode);
    }

    /** {@code sequences_to_matrix(sequences, "binary")}. */
    public Tensor sequencesToMatrix(List<int[]> sequences) {
        return sequencesToMatrix(sequences, "binary");
    }

    /**
     * A (sequences, numWords) matrix, as Keras's {@code sequences_to_matrix}: column j of row i holds, for
     * "binary", 1 if index j occurs; "count", its count c; "freq", c / sequence length; "tfidf",
     * {@code (1 + ln c) * ln(1 + documentCount / (1 + indexDocs[j]))}. The width is {@code numWords}, or the
     * vocabulary size + 1 when numWords is unset; indices at or beyond the width are ignored.
     */
    public Tensor sequencesToMatrix(List<int[]> sequences, String mode) {
        checkMode(mode);
        int width;
        if (numWords == null || numWords == 0) {
            if (wordIndex.isEmpty()) {
                throw new IllegalArgumentException("Tokenizer.sequencesToMatrix: specify a dimension "
                        + "(numWords), or fit on some text data first.");
            }
            width = wordIndex.size() + 1;
        } else {
            width = numWords;
        }
        if (mode.equals("tfidf") && documentCount == 0) {
            throw new IllegalArgumentException("Tokenizer.sequencesToMatrix: fit the Tokenizer on some data "
                    + "before using tfidf mode.");
        }
        int rows = sequences.size();
        if ((long) rows * width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Tokenizer.sequencesToMatrix: a (" + rows + ", " + width
                    + ") matrix is too large; lower numWords or pass fewer sequences at a time");
        }
        float[] x = new float[rows * width];
        int[] counts = new int[width];
        int[] touched = new int[16];
        for (int r = 0; r < rows; r++) {
            int[] seq = sequences.get(r);
            int nTouched = 0;
            for (int j : seq) {
                if (j < 0) {
                    throw new IllegalArgumentException("Tokenizer.sequencesToMatrix: negative index " + j
                            + " in sequence " + r);
                }
                if (j >= width) {
                    continue;
                }
                if (counts[j]++ == 0) {
                    if (nTouched == touched.length) {
                        touched = Arrays.copyOf(touched, nTouched * 2);
                    }
                    touched[nTouched++] = j;
                }
            }
            int base = r * width;
            for (int t = 0; t < nTouched; t++) {
                int j = touched[t];
                int c = counts[j];
                counts[j] = 0;
                double v;
                switch (mode) {
                    case "count": v = c; break;
                    case "freq": v = (double) c / seq.length; break;
                    case "binary": v = 1; break;
                    default: {
                        double tf = 1 + Math.log(c);
                        double idf = Math.log(1 + documentCount / (1.0 + indexDocs.getOrDefault(j, 0)));
                        v = tf * idf;
                    }
                }
                x[base + j] = (float) v;
            }
        }
        return Tensor.wrap(x, rows, width);
    }

    private static void checkMode(String mode) {
        if (!"binary".equals(mode) && !"count".equals(mode) && !"tfidf".equals(mode) && !"freq".equals(mode)) {
            throw new IllegalArgumentException("Tokenizer: unknown vectorization mode \"" + mode
                    + "\"; expected \"binary\", \"count\", \"tfidf\" or \"freq\"");
        }
    }

    // ------------------------------------------------------------------ JSON

    /** Keras's {@code tokenizer.to_json()}: {@code {"class_name": "Tokenizer", "config": {...}}}. */
    public String toJson() {
        return TokenizerJson.write(this);
    }

    /** Keras's {@code tokenizer_from_json(json)}. */
    public static Tokenizer fromJson(String json) {
        return TokenizerJson.read(json);
    }

    // package-private access for TokenizerJson
    Map<String, Integer> countsMap() {
        return wordCounts;
    }

    Map<String, Integer> docsMap() {
        return wordDocs;
    }

    Map<Integer, Integer> indexDocsMap() {
        return indexDocs;
    }

    void restore(int docs, Map<String, Integer> counts, Map<String, Integer> docsPerWord,
                 Map<Integer, Integer> idxDocs, Map<String, Integer> wi, Map<Integer, String> iw) {
        documentCount = docs;
        wordCounts.clear();
        wordCounts.putAll(counts);
        wordDocs.clear();
        wordDocs.putAll(docsPerWord);
        indexDocs.clear();
        indexDocs.putAll(idxDocs);
        wordIndex = new LinkedHashMap<>(wi);
        indexWord = new LinkedHashMap<>(iw);
    }
}
