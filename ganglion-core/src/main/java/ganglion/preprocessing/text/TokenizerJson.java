package ganglion.preprocessing.text;

import ganglion.internal.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's tokenizer JSON ({@code Tokenizer.to_json} / {@code tokenizer_from_json}): an object
 * {@code {"class_name": "Tokenizer", "config": {...}}} whose config holds the options and, as JSON
 * <em>strings</em> (each written by {@code json.dumps}), the maps {@code word_counts}, {@code word_docs},
 * {@code index_docs}, {@code index_word} and {@code word_index}.
 */
final class TokenizerJson {

    private static final List<String> OPTION_KEYS = List.of("num_words", "filters", "lower", "split",
            "char_level", "oov_token", "document_count");

    private TokenizerJson() {
    }

    static String write(Tokenizer t) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("num_words", t.numWords());
        config.put("filters", t.filters());
        config.put("lower", t.lower());
        config.put("split", t.split());
        config.put("char_level", t.charLevel());
        config.put("oov_token", t.oovToken());
        config.put("document_count", t.documentCount());
        config.put("word_counts", Json.dumps(t.countsMap()));
        config.put("word_docs", Json.dumps(t.docsMap()));
        config.put("index_docs", Json.dumps(t.indexDocsMap()));
        config.put("index_word", Json.dumps(t.indexWord()));
        config.put("word_index", Json.dumps(t.wordIndex()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("class_name", "Tokenizer");
        root.put("config", config);
        return Json.dumps(root);
    }

    static Tokenizer read(String json) {
        Map<String, Object> root = Json.parseObject(json);
        Object cfgObj = root.get("config");
        if (!(cfgObj instanceof Map)) {
            throw new IllegalArgumentException("Tokenizer.fromJson: no \"config\" object in the JSON");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) cfgObj;
        for (String key : config.keySet()) {
            if (!OPTION_KEYS.contains(key) && !key.equals("word_counts") && !key.equals("word_docs")
                    && !key.equals("index_docs") && !key.equals("index_word") && !key.equals("word_index")) {
                throw new IllegalArgumentException("Tokenizer.fromJson: unrecognized config key \"" + key + "\"");
            }
        }
        Tokenizer t = new Tokenizer();
        if (config.containsKey("num_words")) {
            Object n = config.get("num_words");
            t.numWords(n == null ? null : toInt(n, "num_words"));
        }
        if (config.containsKey("filters")) {
            t.filters(string(config.get("filters"), "filters"));
        }
        if (config.containsKey("lower")) {
            t.lower(bool(config.get("lower"), "lower"));
        }
        if (config.containsKey("split")) {
            t.split(string(config.get("split"), "split"));
        }
        if (config.containsKey("char_level")) {
            t.charLevel(bool(config.get("char_level"), "char_level"));
        }
        if (config.containsKey("oov_token")) {
            Object o = config.get("oov_token");
            t.oovToken(o == null ? null : string(o, "oov_token"));
        }
        int docs = config.containsKey("document_count") ? toInt(config.get("document_count"), "document_count") : 0;
        Map<String, Integer> counts = wordToInt(config, "word_counts");
        Map<String, Integer> wordDocs = wordToInt(config, "word_docs");
        Map<String, Integer> wordIndex = wordToInt(config, "word_index");
        Map<Integer, Integer> indexDocs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : inner(config, "index_docs").entrySet()) {
            indexDocs.put(intKey(e.getKey(), "index_docs"), toInt(e.getValue(), "index_docs"));
        }
        Map<Integer, String> indexWord = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : inner(config, "index_word").entrySet()) {
            indexWord.put(intKey(e.getKey(), "index_word"), string(e.getValue(), "index_word"));
        }
        t.restore(docs, counts, wordDocs, indexDocs, wordIndex, indexWord);
        return t;
    }

    private static Map<String, Object> inner(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("Tokenizer.fromJson: \"" + key + "\" must be a JSON string "
                    + "holding an object, got " + Json.typeName(v));
        }
        return Json.parseObject((String) v);
    }

    private static Map<String, Integer> wordToInt(Map<String, Object> config, String key) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : inner(config, key).entrySet()) {
            out.put(e.getKey(), toInt(e.getValue(), key));
        }
        return out;
    }

    private static int intKey(String k, String what) {
        try {
            return Integer.parseInt(k.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Tokenizer.fromJson: key \"" + k + "\" of " + what
                    + " is not an integer");
        }
    }

    private static int toInt(Object v, String what) {
        if (v instanceof Long && (Long) v == (int) (long) (Long) v) {
            return (int) (long) (Long) v;
        }
        throw new IllegalArgumentException("Tokenizer.fromJson: " + what + " must hold 32-bit integers, got "
                + v);
    }

    private static String string(Object v, String what) {
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("Tokenizer.fromJson: " + what + " must be a string, got "
                    + Json.typeName(v));
        }
        return (String) v;
    }

    private static boolean bool(Object v, String what) {
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException("Tokenizer.fromJson: " + what + " must be true or false, got "
                    + Json.typeName(v));
        }
        return (Boolean) v;
    }
}
