package ganglion.datasets;

import ganglion.internal.json.Json;
import ganglion.utils.images.NumpyRandomState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Imdb and Reuters against numpy: small files of Keras's exact layout and the outputs Keras's load_data steps give
 * on them with numpy's RandomState, both written by tools/make_text_fixtures.py.
 */
class ImdbReutersTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImdbReutersTest.class.getResource("/fixtures/text/" + name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String name) throws Exception {
        return Json.parseObject(Files.readString(fixture(name), StandardCharsets.UTF_8));
    }

    @Test
    void mt19937ShuffleEqualsNumpy() throws Exception {
        Map<String, Object> perms = json("expected_shuffles.json");
        for (Map.Entry<String, Object> e : perms.entrySet()) {
            String[] k = e.getKey().split("_");
            long seed = Long.parseLong(k[0]);
            int n = Integer.parseInt(k[1]);
            int[] p = new NumpyRandomState(seed).permutation(n);
            @SuppressWarnings("unchecked")
            List<Number> exp = (List<Number>) e.getValue();
            int head = Math.min(50, n);
            for (int i = 0; i < head; i++) {
                assertEquals(exp.get(i).intValue(), p[i], e.getKey() + " position " + i);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(exp.get(head + i).intValue(), p[n - 5 + i], e.getKey() + " tail " + i);
            }
        }
    }

    @Test
    void mt19937FirstOutputsOfSeed5489() {
        // The reference generator's documented first output for init_genrand(5489).
        assertEquals(3499211612L, new NumpyRandomState(5489).nextUint32());
    }

    private static TextDatasetOptions options(Map<String, Object> kw) {
        TextDatasetOptions o = new TextDatasetOptions();
        for (Map.Entry<String, Object> e : kw.entrySet()) {
            Number v = (Number) e.getValue();
            switch (e.getKey()) {
                case "num_words" -> o.numWords(v.intValue());
                case "skip_top" -> o.skipTop(v.intValue());
                case "maxlen" -> o.maxlen(v.intValue());
                case "seed" -> o.seed(v.longValue());
                case "start_char" -> o.startChar(v == null ? null : v.intValue());
                case "oov_char" -> o.oovChar(v == null ? null : v.intValue());
                case "index_from" -> o.indexFrom(v.intValue());
                case "test_split" -> o.testSplit(v.doubleValue());
                default -> throw new IllegalArgumentException(e.getKey());
            }
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static void assertSame(String what, Map<String, Object> exp, SequenceData d) {
        assertSequences(what + " x_train", (List<List<Number>>) exp.get("x_train"), d.xTrain());
        assertSequences(what + " x_test", (List<List<Number>>) exp.get("x_test"), d.xTest());
        assertArrayEquals(ints((List<Number>) exp.get("y_train")), d.yTrainLabels(), what + " y_train");
        assertArrayEquals(ints((List<Number>) exp.get("y_test")), d.yTestLabels(), what + " y_test");
        assertEquals(d.yTrainLabels().length, d.yTrain().shape(0));
    }

    private static void assertSequences(String what, List<List<Number>> exp, List<int[]> got) {
        assertEquals(exp.size(), got.size(), what + " count");
        for (int i = 0; i < exp.size(); i++) {
            assertArrayEquals(ints(exp.get(i)), got.get(i), what + " sample " + i);
        }
    }

    private static int[] ints(List<Number> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i).intValue();
        }
        return a;
    }

    @Test
    @SuppressWarnings("unchecked")
    void imdbEqualsKerasForEveryOptionSet() throws Exception {
        Map<String, Object> cases = json("expected_imdb.json");
        Path npz = fixture("imdb.npz");
        assertEquals(5, cases.size());
        for (Map.Entry<String, Object> e : cases.entrySet()) {
            Map<String, Object> c = (Map<String, Object>) e.getValue();
            SequenceData d = Imdb.loadData(npz, options((Map<String, Object>) c.get("options")));
            assertSame("imdb " + e.getKey(), (Map<String, Object>) c.get("expected"), d);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void reutersEqualsKerasForEveryOptionSet() throws Exception {
        Map<String, Object> cases = json("expected_reuters.json");
        Path npz = fixture("reuters.npz");
        for (Map.Entry<String, Object> e : cases.entrySet()) {
            Map<String, Object> c = (Map<String, Object>) e.getValue();
            SequenceData d = Reuters.loadData(npz, options((Map<String, Object>) c.get("options")));
            assertSame("reuters " + e.getKey(), (Map<String, Object>) c.get("expected"), d);
        }
        assertEquals(46, Reuters.getLabelNames().size());
        assertEquals("earn", Reuters.getLabelNames().get(3));
    }

    @Test
    void wordIndexesKeepUnicodeAndOrder() throws Exception {
        Map<String, Integer> w = Imdb.getWordIndex(fixture("imdb_word_index.json"));
        assertEquals(1, w.get("the"));
        assertEquals(11, w.get("영화"));
        assertEquals(12, w.size());
        assertEquals(1, Reuters.getWordIndex(fixture("reuters_word_index.json")).get("좋다"));
    }

    @Test
    void tooSmallMaxlenIsExplained() throws Exception {
        Path npz = fixture("imdb.npz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Imdb.loadData(npz, new TextDatasetOptions().maxlen(2)));
        assertEquals("After filtering for sequences shorter than maxlen=2, no sequence was kept. Increase maxlen.",
                e.getMessage());
    }

    @Test
    void badFilesNameTheFile() throws IOException {
        Path tmp = Files.createTempFile("notnpz", ".npz");
        try {
            Files.writeString(tmp, "hello");
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> Imdb.loadData(tmp, new TextDatasetOptions()));
            assertEquals(true, e.getMessage().contains(tmp.toString()));
        } finally {
            Files.delete(tmp);
        }
    }
}
