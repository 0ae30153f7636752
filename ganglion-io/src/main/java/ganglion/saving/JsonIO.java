package ganglion.saving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes Keras's JSON (config.json, metadata.json, the legacy h5 model_config) with Jackson, as plain
 * maps and lists only: no type information is ever taken from the document. Depth and size are bounded.
 * Keras writes NaN and Infinity as bare tokens (Python's json module), so those are accepted.
 */
final class JsonIO {

    private static final ObjectMapper MAPPER = build();

    private JsonIO() {
    }

    private static ObjectMapper build() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(SavingLimits.maxJsonDepth())
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, SavingLimits.maxJsonBytes()))
                        .maxNumberLength(1000)
                        .build())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(f)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** Parses a JSON object; anything else (or malformed JSON) is a format error naming {@code what}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] json, Path file, String what) throws GanglionFormatException {
        if (json.length > SavingLimits.maxJsonBytes()) {
            throw new GanglionFormatException(file, what + " is " + json.length + " bytes, over the limit of "
                    + SavingLimits.maxJsonBytes() + " (system property ganglion.saving.maxJsonBytes)");
        }
        Object o;
        try {
            o = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new GanglionFormatException(file, what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            throw new GanglionFormatException(file, what + " could not be parsed: " + e, e);
        }
        if (!(o instanceof Map)) {
            throw new GanglionFormatException(file, what + " must hold a JSON object, found "
                    + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return (Map<String, Object>) o;
    }

    static Map<String, Object> parseObject(String json, Path file, String what) throws GanglionFormatException {
        return parseObject(json.getBytes(StandardCharsets.UTF_8), file, what);
    }

    /** Compact JSON, as Keras's json.dumps writes (NaN as NaN). */
    static String write(Object value) {
        try {
            return MAPPER.writer().without(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
