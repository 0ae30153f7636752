package ganglion.preprocessing.text;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tokenizer against Keras's legacy rules (keras/src/legacy/preprocessing/text.py), on a corpus with ties, OOV
 * words, num_words cut-offs, filters and Korean text. Every expected value below is written out by hand from the
 * rules: words counted in first-seen order, ranked by count descending with ties in first-seen order (Python's
 * stable sort with reverse=True), indices from 1, the OOV token forced to 1, texts_to_sequences keeping indices
 * below num_words.
 */
class KerasRulesTokenizerTest {

    /** the/cat/dog occur 3 times each (a three-way tie), 나는/오늘 twice, the rest once. */
    static final List<String> CORPUS = List.of(
            "The cat sat on the mat.",
            "The dog ate my homework!",
            "Cat, dog; cat & DOG?",
            "나는 오늘 학교에 갔다",
            "나는 오늘 밥을 먹었다");

    private static Tokenizer fitted() {
        Tokenizer t = new Tokenizer();
        t.fitOnTexts(CORPUS);
        return t;
    }

    @Test
    void wordIndexRanksByCountWithTiesInFirstSeenOrder() {
        Tokenizer t = fitted();
        List<String> expected = List.of("the", "cat", "dog", "나는", "오늘", "sat", "on", "mat", "ate", "my",
                "homework", "학교에", "갔다", "밥을", "먹었다");
        assertEquals(expected, List.copyOf(t.wordIndex().keySet()));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(i + 1, t.wordIndex().get(expected.get(i)));
            assertEquals(expected.get(i), t.indexWord().get(i + 1));
        }
        assertEquals(5, t.documentCount());
    }

    @Test
    void countsAndDocumentCounts() {
        Tokenizer t = fitted();
        assertEquals(List.of("the", "cat", "sat", "on", "mat", "dog", "ate", "my", "homework", "나는", "오늘", "학교에",
                "갔다", "밥을", "먹었다"), List.copyOf(t.wordCounts().keySet()));
        assertEquals(3, t.wordCounts().get("the"));
        assertEquals(3, t.wordCounts().get("cat"));
        assertEquals(3, t.wordCounts().get("dog"));
        assertEquals(2, t.wordCounts().get("나는"));
        assertEquals(1, t.wordCounts().get("mat"));
        assertEquals(2, t.wordDocs().get("the"));
        assertEquals(2, t.wordDocs().get("cat"));
        assertEquals(2, t.wordDocs().get("dog"));
        assertEquals(1, t.wordDocs().get("sat"));
        assertEquals(2, t.indexDocs().get(1));
        assertEquals(1, t.indexDocs().get(15));
    }

    @Test
    void sequencesDropUnknownWordsWithoutOov() {
        Tokenizer t = fitted();
        List<int[]> s = t.textsToSequences(List.of("the cat ate the fish", "나는 오늘 집에 갔다"));
        assertArrayEquals(new int[]{1, 2, 9, 1}, s.get(0));
        assertArrayEquals(new int[]{4, 5, 13}, s.get(1));
    }

    @Test
    void numWordsKeepsIndicesBelowIt() {
        Tokenizer t = new Tokenizer(5);
        t.fitOnTexts(CORPUS);
        assertEquals(15, t.wordIndex().size());          // the index keeps every word
        List<int[]> s = t.textsToSequences(List.of("the cat ate the fish", "나는 오늘 집에 갔다"));
        assertArrayEquals(new int[]{1, 2, 1}, s.get(0));
        assertArrayEquals(new int[]{4}, s.get(1));       // 오늘 has index 5: not below num_words
        Tensor m = t.textsToMatrix(List.of("the cat ate the fish"), "count");
        assertArrayEquals(new int[]{1, 5}, m.shape());
        assertArrayEquals(new float[]{0, 2, 1, 0, 0}, m.toFloatArray());
    }

    @Test
    void oovTokenTakesIndexOneAndReplacesCutWords() {
        Tokenizer t = new Tokenizer(6).oovToken("<OOV>");
        t.fitOnTexts(CORPUS);
        assertEquals(1, t.wordIndex().get("<OOV>"));
        assertEquals(2, t.wordIndex().get("the"));
        assertEquals(5, t.wordIndex().get("나는"));
        assertEquals(16, t.wordIndex().get("먹었다"));
        List<int[]> s = t.textsToSequences(List.of("the cat ate the fish", "나는 오늘 집에 갔다"));
        assertArrayEquals(new int[]{2, 3, 1, 2, 1}, s.get(0));
        assertArrayEquals(new int[]{5, 1, 1, 1}, s.get(1));
        List<String> texts = t.sequencesToTexts(List.of(new int[]{2, 3, 1, 2, 1}, new int[]{5, 6, 99}));
        assertEquals(List.of("the cat <OOV> the <OOV>", "나는 <OOV> <OOV>"), texts);
    }

    @Test
    void oovTokenThatIsAlsoAWordMovesToTheWordsRank() {
        Tokenizer t = new Tokenizer().oovToken("cat");
        t.fitOnTexts(CORPUS);
        // sorted_voc = [cat, the, cat, dog, ...]: dict(zip(...)) gives cat the later index 3, and index 1 is unused.
        assertEquals(3, t.wordIndex().get("cat"));
        assertEquals(2, t.wordIndex().get("the"));
        assertEquals(15, t.wordIndex().size());
        assertNull(t.indexWord().get(1));
        assertEquals(List.of("cat", "the", "dog"), List.copyOf(t.wordIndex().keySet()).subList(0, 3));
        assertArrayEquals(new int[]{2, 3, 3}, t.textsToSequences(List.of("the fish cat")).get(0));
    }

    @Test
    void filtersLowerAndSplit() {
        assertEquals(List.of("hello", "world"), Text.textToWordSequence("Hello, World!"));
        assertEquals(List.of("Hello,", "World!"), Text.textToWordSequence("Hello, World!", "", false, " "));
        assertEquals(List.of("a", "b", "c"), Text.textToWordSequence("a,b c", ",", true, " "));
        // ',' is a filter and the separator: filters become ',', the space is kept inside a word
        assertEquals(List.of("a", "b c"), Text.textToWordSequence("a,b c", Text.DEFAULT_FILTERS, true, ","));
        assertEquals(List.of("x", "y", "z"), Text.textToWordSequence("x\ty\nz"));
        assertEquals(List.of("안녕하세요", "반가워요"), Text.textToWordSequence("안녕하세요! 반가워요."));
        assertEquals(List.of("don't", "stop"), Text.textToWordSequence("Don't  stop"));   // ' is not a filter
        Tokenizer t = new Tokenizer().filters("").lower(false);
        t.fitOnTexts(List.of("A a. A"));
        assertEquals(List.of("A", "a."), List.copyOf(t.wordIndex().keySet()));
    }

    @Test
    void charLevelCountsEveryCodePointWithoutFilters() {
        Tokenizer t = new Tokenizer().charLevel(true);
        t.fitOnTexts(List.of("나는 나!", "Ab"));
        // counts: 나 2, 는 1, ' ' 1, ! 1, a 1, b 1 (lower-cased); stable ranking
        assertEquals(List.of("나", "는", " ", "!", "a", "b"), List.copyOf(t.wordIndex().keySet()));
        assertArrayEquals(new int[]{1, 3, 5}, t.textsToSequences(List.of("나 A")).get(0));
    }

    @Test
    void matrixModes() {
        Tokenizer t = fitted();
        List<String> texts = List.of("the cat the", "dog");
        Tensor bin = t.textsToMatrix(texts, "binary");
        assertArrayEquals(new int[]{2, 16}, bin.shape());   // len(word_index) + 1
        assertEquals(1f, bin.get(0, 1));
        assertEquals(1f, bin.get(0, 2));
        assertEquals(0f, bin.get(0, 3));
        assertEquals(1f, bin.get(1, 3));
        Tensor count = t.textsToMatrix(texts, "count");
        assertEquals(2f, count.get(0, 1));
        Tensor freq = t.textsToMatrix(texts, "freq");
        assertEquals(2f / 3f, freq.get(0, 1), 1e-7);
        assertEquals(1f / 3f, freq.get(0, 2), 1e-7);
        Tensor tfidf = t.textsToMatrix(texts, "tfidf");
        double idf = Math.log(1 + 5.0 / (1 + 2));          // document_count 5, each word in 2 documents
        assertEquals((1 + Math.log(2)) * idf, tfidf.get(0, 1), 1e-6);
        assertEquals(idf, tfidf.get(0, 2), 1e-6);
        assertEquals(idf, tfidf.get(1, 3), 1e-6);
    }

    @Test
    void jsonRoundTripIsAsciiLikePythonsJsonDumps() {
        Tokenizer t = new Tokenizer(6).oovToken("<OOV>");
        t.fitOnTexts(CORPUS);
        String json = t.toJson();
        assertTrue(json.chars().allMatch(c -> c < 128), "json.dumps escapes non-ASCII characters");
        assertTrue(json.contains("\"class_name\": \"Tokenizer\""));
        Tokenizer back = Tokenizer.fromJson(json);
        assertEquals(t.wordIndex(), back.wordIndex());
        assertEquals(t.indexWord(), back.indexWord());
        assertEquals(t.wordCounts(), back.wordCounts());
        assertEquals(6, back.numWords());
        assertEquals(5, back.documentCount());
        assertArrayEquals(t.textsToSequences(CORPUS).get(3), back.textsToSequences(CORPUS).get(3));
        Map<String, Integer> wi = back.wordIndex();
        assertFalse(wi.isEmpty());
    }
}
