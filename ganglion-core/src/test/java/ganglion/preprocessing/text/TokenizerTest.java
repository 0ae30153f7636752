package ganglion.preprocessing.text;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are worked out by hand from Keras's rules (see each comment). */
class TokenizerTest {

    // the cat sat on the mat | the dog sat | a cat a dog a bird
    // counts, first-seen: the 3, cat 2, sat 2, on 1, mat 1, dog 2, a 3, bird 1
    // ranked (descending, ties in first-seen order): the, a, cat, sat, dog, on, mat, bird
    static final List<String> CORPUS = List.of("The cat sat on the mat.", "The dog sat!", "A cat, a dog; a bird?");

    private static Map<String, Integer> map(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    private static void assertSeqs(List<int[]> actual, int[]... expected) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.get(i), "sequence " + i);
        }
    }

    @Test
    void ranksByCountWithStableTies() {
        Tokenizer tok = new Tokenizer();
        tok.fitOnTexts(CORPUS);
        assertEquals(List.copyOf(map("the", 1, "a", 2, "cat", 3, "sat", 4, "dog", 5, "on", 6, "mat", 7,
                "bird", 8).entrySet()), List.copyOf(tok.wordIndex().entrySet()));
        assertEquals(List.copyOf(map("the", 3, "cat", 2, "sat", 2, "on", 1, "mat", 1, "dog", 2, "a", 3,
                "bird", 1).entrySet()), List.copyOf(tok.wordCounts().entrySet()));
        assertEquals(map("the", 2, "cat", 2, "sat", 2, "on", 1, "mat", 1, "dog", 2, "a", 1, "bird", 1),
                tok.wordDocs());
        assertEquals(3, tok.documentCount());
        assertEquals("bird", tok.indexWord().get(8));
        assertEquals(Map.of(1, 2, 3, 2, 4, 2, 6, 1, 7, 1, 5, 2, 2, 1, 8, 1), tok.indexDocs());
        assertSeqs(tok.textsToSequences(CORPUS),
                new int[]{1, 3, 4, 6, 1, 7}, new int[]{1, 5, 4}, new int[]{2, 3, 2, 5, 2, 8});
        // unknown words are dropped without an OOV token
        assertSeqs(tok.textsToSequences(List.of("the fish")), new int[]{1});
        assertEquals(List.of("the cat bird"), tok.sequencesToTexts(List.of(new int[]{1, 3, 99, 8})));
    }

    @Test
    void numWordsKeepsIndicesBelowIt() {
        Tokenizer tok = new Tokenizer(4);
        tok.fitOnTexts(CORPUS);
        assertEquals(8, tok.wordIndex().size()); // the index keeps every word
        // only the, a, cat (indices 1..3) survive
        assertSeqs(tok.textsToSequences(CORPUS), new int[]{1, 3, 1}, new int[]{1}, new int[]{2, 3, 2, 2});
        assertEquals(List.of("the cat"), tok.sequencesToTexts(List.of(new int[]{1, 3, 5, 8})));
        tok.numWords(0); // 0 means all words, as Python's falsy 0
        assertEquals(6, tok.textsToSequences(CORPUS).get(0).length);
    }

    @Test
    void oovTokenTakesIndexOne() {
        Tokenizer tok = new Tokenizer().numWords(4).oovToken("<OOV>");
        tok.fitOnTexts(CORPUS);
        assertEquals(map("<OOV>", 1, "the", 2, "a", 3, "cat", 4, "sat", 5, "dog", 6, "on", 7, "mat", 8,
                "bird", 9), tok.wordIndex());
        // indices >= 4 and unknown words become 1
        assertSeqs(tok.textsToSequences(List.of(CORPUS.get(0), "the fish")),
                new int[]{2, 1, 1, 1, 2, 1}, new int[]{2, 1});
        assertEquals(List.of("the <OOV> <OOV> <OOV>"), tok.sequencesToTexts(List.of(new int[]{2, 4, 9, 99})));
    }

    @Test
    void oovTokenThatAlsoOccursInTextMovesAsInPythonDict() {
        // sorted_voc = [x, x, y]; dict(zip(...)) keeps x's first slot but its last index: {x: 2, y: 3}
        Tokenizer tok = new Tokenizer().oovToken("x");
        tok.fitOnTexts(List.of("x y x"));
        assertEquals(List.copyOf(map("x", 2, "y", 3).entrySet()), List.copyOf(tok.wordIndex().entrySet()));
        assertEquals(Map.of(2, "x", 3, "y"), tok.indexWord());
        assertSeqs(tok.textsToSequences(List.of("x z")), new int[]{2, 2});
    }

    @Test
    void unfittedOovTokenIsAnError() {
        Tokenizer tok = new Tokenizer().oovToken("<OOV>");
        assertThrows(IllegalStateException.class, () -> tok.textsToSequences(List.of("a")));
    }

    @Test
    void filtersLowerAndSplitOptions() {
        Tokenizer tok = new Tokenizer().lower(false).filters("").split(" ");
        tok.fitOnTexts(List.of("Hello hello Hello!"));
        assertEquals(map("Hello", 1, "hello", 2, "Hello!", 3), tok.wordIndex());
        Tokenizer comma = new Tokenizer().split(",");
        comma.fitOnTexts(List.of("a,b c,a"));
        // ',' is a filter, translated to the split ',' itself; the space is not a separator any more
        assertEquals(map("a", 1, "b c", 2), comma.wordIndex());
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer().split(""));
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer().numWords(-1));
    }

    @Test
    void charLevelCountsCodePoints() {
        // lower-cased: a b a ! | b 😀  -> a 2, b 2, ! 1, 😀 1 (filters do not apply at char level)
        Tokenizer tok = new Tokenizer().charLevel(true);
        tok.fitOnTexts(List.of("aba!", "B\uD83D\uDE00"));
        assertEquals(map("a", 1, "b", 2, "!", 3, "\uD83D\uDE00", 4), tok.wordIndex());
        assertSeqs(tok.textsToSequences(List.of("\uD83D\uDE00a")), new int[]{4, 1});
    }

    @Test
    void koreanSeedSentences() {
        // seed 001: tokens split on spaces, '.' filtered; 기분이 x3, 나는 x2, the rest once in first-seen order
        List<String> lines = List.of("나는 오늘 기분이 좋아.", "나는 내일도 기분이 좋을거야.", "기분이 좋은 날엔 춤을 추고 싶어.");
        Tokenizer tok = new Tokenizer();
        tok.fitOnTexts(lines);
        assertEquals(List.copyOf(map("기분이", 1, "나는", 2, "오늘", 3, "좋아", 4, "내일도", 5, "좋을거야", 6,
                "좋은", 7, "날엔", 8, "춤을", 9, "추고", 10, "싶어", 11).entrySet()),
                List.copyOf(tok.wordIndex().entrySet()));
        assertSeqs(tok.textsToSequences(lines),
                new int[]{2, 3, 1, 4}, new int[]{2, 5, 1, 6}, new int[]{1, 7, 8, 9, 10, 11});
        assertSeqs(tok.textsToSequences(List.of("나는 오늘")), new int[]{2, 3});
        Tokenizer chars = new Tokenizer().charLevel(true);
        chars.fitOnTexts(List.of("나는 좋아"));
        assertEquals(List.of("나", "는", " ", "좋", "아"), new ArrayList<>(chars.wordIndex().keySet()));
    }

    @Test
    void matrixModes() {
        Tokenizer tok = new Tokenizer();
        tok.fitOnTexts(CORPUS);
        List<String> texts = List.of("the cat the", "bird dog x");
        // width = 8 words + 1; "x" is dropped by textsToSequences, so row 1 has length 2
        Tensor count = tok.textsToMatrix(texts, "count");
        assertArrayEquals(new int[]{2, 9}, count.shape());
        float[] c = new float[18];
        c[1] = 2;
        c[3] = 1;
        c[9 + 5] = 1;
        c[9 + 8] = 1;
        assertArrayEquals(c, count.toFloatArray());
        float[] b = c.clone();
        b[1] = 1;
        assertArrayEquals(b, tok.textsToMatrix(texts).toFloatArray());
        float[] f = new float[18];
        f[1] = 2f / 3;
        f[3] = 1f / 3;
        f[9 + 5] = 0.5f;
        f[9 + 8] = 0.5f;
        assertArrayEquals(f, tok.textsToMatrix(texts, "freq").toFloatArray(), 1e-7f);
        // tfidf: (1 + ln c) * ln(1 + 3 / (1 + docs)); the: c=2, docs 2; cat, dog: docs 2; bird: docs 1
        float[] t = new float[18];
        t[1] = (float) ((1 + Math.log(2)) * Math.log(2));
        t[3] = (float) Math.log(2);
        t[9 + 5] = (float) Math.log(2);
        t[9 + 8] = (float) Math.log(2.5);
        assertArrayEquals(t, tok.textsToMatrix(texts, "tfidf").toFloatArray(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> tok.textsToMatrix(texts, "onehot"));
        // numWords sets the width and drops larger indices
        tok.numWords(4);
        assertArrayEquals(new float[]{0, 1, 0, 1}, tok.sequencesToMatrix(List.of(new int[]{1, 3, 5, 8})).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer().sequencesToMatrix(List.of(new int[]{1})));
        assertThrows(IllegalArgumentException.class,
                () -> new Tokenizer(5).sequencesToMatrix(List.of(new int[]{1}), "tfidf"));
    }

    @Test
    void fitOnSequencesCountsDocuments() {
        Tokenizer tok = new Tokenizer(5);
        tok.fitOnSequences(List.of(new int[]{1, 2, 2}, new int[]{2, 3}));
        assertEquals(2, tok.documentCount());
        assertEquals(Map.of(1, 1, 2, 2, 3, 1), tok.indexDocs());
        float[] m = tok.sequencesToMatrix(List.of(new int[]{2}), "tfidf").toFloatArray();
        assertEquals((float) Math.log(1 + 2 / 3.0), m[2], 1e-7f);
    }

    @Test
    void jsonMatchesKerasToJson() {
        Tokenizer tok = new Tokenizer();
        tok.fitOnTexts(List.of("Hello, 세계!", "hello"));
        // json.dumps escapes non-ASCII as \\uXXXX (lower-case hex); the inner maps are JSON strings
        String expected = "{\"class_name\": \"Tokenizer\", \"config\": {\"num_words\": null, "
                + "\"filters\": \"!\\\"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n\", \"lower\": true, \"split\": \" \", "
                + "\"char_level\": false, \"oov_token\": null, \"document_count\": 2, "
                + "\"word_counts\": \"{\\\"hello\\\": 2, \\\"\\\\uc138\\\\uacc4\\\": 1}\", "
                + "\"word_docs\": \"{\\\"hello\\\": 2, \\\"\\\\uc138\\\\uacc4\\\": 1}\", "
                + "\"index_docs\": \"{\\\"1\\\": 2, \\\"2\\\": 1}\", "
                + "\"index_word\": \"{\\\"1\\\": \\\"hello\\\", \\\"2\\\": \\\"\\\\uc138\\\\uacc4\\\"}\", "
                + "\"word_index\": \"{\\\"hello\\\": 1, \\\"\\\\uc138\\\\uacc4\\\": 2}\"}}";
        assertEquals(expected, tok.toJson());
    }

    @Test
    void jsonRoundTrip() {
        Tokenizer tok = new Tokenizer().numWords(4).oovToken("<OOV>").charLevel(false).lower(true);
        tok.fitOnTexts(CORPUS);
        Tokenizer back = Tokenizer.fromJson(tok.toJson());
        assertEquals(tok.toJson(), back.toJson());
        assertEquals(tok.wordIndex(), back.wordIndex());
        assertEquals(tok.indexWord(), back.indexWord());
        assertEquals(Integer.valueOf(4), back.numWords());
        assertEquals("<OOV>", back.oovToken());
        assertEquals(3, back.documentCount());
        List<String> probe = List.of("the cat sat on a fish");
        assertArrayEquals(tok.textsToSequences(probe).get(0), back.textsToSequences(probe).get(0));
        assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.fromJson("{\"class_name\": \"Tokenizer\", \"config\": {\"bogus\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> Tokenizer.fromJson("[1]"));
    }

    @Test
    void tokenListsAreLowerCasedButNotFiltered() {
        Tokenizer tok = new Tokenizer();
        tok.fitOnTokenLists(List.of(List.of("A!", "b", "a!")));
        assertEquals(map("a!", 1, "b", 2), tok.wordIndex());
        assertSeqs(tok.tokenListsToSequences(List.of(List.of("B", "A!"))), new int[]{2, 1});
        assertTrue(tok.wordCounts().containsKey("a!"));
    }
}
