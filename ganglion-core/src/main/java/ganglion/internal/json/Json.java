package ganglion.internal.json;

import java.util.List;
import java.util.Map;

/**
 * Entry points of the JSON reader and writer, named after Python's {@code json} module.
 *
 * <pre>{@code
 * Object v = Json.parse("{\"a\": [1, 2.5, null]}");      // LinkedHashMap {a=[1, 2.5, null]}
 * String s = Json.dumps(v);                              // {"a": [1, 2.5, null]}
 * String pretty = new JsonWriter().indent(2).write(v);
 * }</pre>
 */
public final class Json {

    /** The deepest nesting the reader and writer accept. */
    public static final int MAX_DEPTH = 1000;

    private Json() {
    }

    /** Reads a JSON text as {@code json.loads}; see {@link JsonParser} for the value types. */
    public static Object parse(String text) {
        if (text == null) {
            throw new JsonException("the JSON object must be str, not null");
        }
        return new JsonParser(text, MAX_DEPTH).parse();
    }

    /** Reads a JSON text whose top level must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new JsonException("expected a JSON object at the top level, got " + typeName(v));
        }
        return (Map<String, Object>) v;
    }

    /** {@code json.dumps(value)} with Python's defaults. */
    public static String dumps(Object value) {
        return new JsonWriter().write(value);
    }

    /** A short name of a parsed value's JSON type, for error messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Number) {
            return "number";
        }
        return v.getClass().getSimpleName();
    }
}
