package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.internal.json.Json;
import ganglion.internal.json.JsonException;
import ganglion.preprocessing.text.Tokenizer;

import java.nio.charset.StandardCharsets;

/** Fuzzes the JSON parser (configs, vocabularies) and Keras tokenizer JSON ({@code tokenizer_from_json}). */
class JsonFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void json(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzSupport.expect("Json", BASE + 512L * data.length, () -> {
            Object v = Json.parse(text);
            Json.parse(Json.dumps(v));
        }, JsonException.class);
    }

    @FuzzTest(maxDuration = "30s")
    void tokenizer(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        FuzzSupport.expect("Tokenizer.fromJson", BASE + 1024L * data.length, () -> {
            Tokenizer t = Tokenizer.fromJson(text);
            Tokenizer.fromJson(t.toJson());
        }, IllegalArgumentException.class);
    }
}
