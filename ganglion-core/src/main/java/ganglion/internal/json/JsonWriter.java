package ganglion.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes values as Python's {@code json.dumps} does, with its options as fluent setters:
 * {@link #indent(Integer)}, {@link #separators(String, String)}, {@link #sortKeys(boolean)},
 * {@link #ensureAscii(boolean)}, {@link #allowNan(boolean)}. The defaults are Python's, so
 * {@code new JsonWriter().write(v)} equals {@code json.dumps(v)}.
 *
 * <p>Accepted values: {@code Map} (keys: strings, or numbers, booleans and null, converted as Python
 * converts them), {@code Collection}, {@code Object[]} and primitive arrays (as lists), {@code String},
 * {@code Character}, {@code Boolean}, integral numbers, {@code Double} (Python's float repr,
 * {@code NaN}/{@code Infinity}), {@code Float} (the shortest digits of the float32 value, so {@code 0.001f}
 * writes {@code 0.001}, as the Python float a user typed would), {@code BigDecimal}, and {@code null}. A circular reference or nesting deeper
 * than {@link Json#MAX_DEPTH} levels is refused.
 */
public final class JsonWriter {

    private String indent;
    private String itemSeparator;
    private String keySeparator = ": ";
    private boolean sortKeys;
    private boolean ensureAscii = true;
    private boolean allowNan = true;

    /** {@code json.dumps} defaults: no indent, separators {@code (", ", ": ")}, ASCII only. */
    public JsonWriter() {
    }

    /**
     * Pretty-printing: {@code null} (default) writes one line; {@code n} starts each item on a new line
     * indented by n spaces per level (0 gives newlines only), and the item separator becomes {@code ","}.
     */
    public JsonWriter indent(Integer n) {
        if (n == null) {
            indent = null;
        } else {
            indent = " ".repeat(Math.max(0, n));
        }
        return this;
    }

    /** Indents with the given string per level, as {@code json.dumps(indent="\t")}. */
    public JsonWriter indent(String s) {
        indent = s;
        return this;
    }

    /** Item and key separators; default {@code (", ", ": ")}, or {@code (",", ": ")} with an indent. */
    public JsonWriter separators(String item, String key) {
        itemSeparator = item;
        keySeparator = key;
        return this;
    }

    /** Sorts object keys (default false). */
    public JsonWriter sortKeys(boolean b) {
        sortKeys = b;
        return this;
    }

    /** Escapes every character outside printable ASCII as {@code \\uXXXX} (default true). */
    public JsonWriter ensureAscii(boolean b) {
        ensureAscii = b;
        return this;
    }

    /** Writes NaN and infinities as {@code NaN}/{@code Infinity} (default true); false refuses them. */
    public JsonWriter allowNan(boolean b) {
        allowNan = b;
        return this;
    }

    /** The JSON text of {@code value}. */
    public String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0, new IdentityHashMap<>());
        return sb.toString();
    }

    private String itemSep() {
        if (itemSeparator != null) {
            return itemSeparator;
        }
        return indent == null ? ", " : ",";
    }

    private void newline(StringBuilder sb, int level) {
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append(indent);
        }
    }

    private void write(Object v, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> path) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String || v instanceof Character) {
            quote(v.toString(), sb);
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Number) {
            sb.append(number((Number) v));
        } else if (v instanceof Map || v instanceof Collection || v instanceof Object[]
                || v.getClass().isArray()) {
            if (depth >= Json.MAX_DEPTH) {
                throw new JsonException("JSON writer: nesting deeper than " + Json.MAX_DEPTH + " levels");
            }
            if (path.put(v, Boolean.TRUE) != null) {
                throw new JsonException("Circular reference detected");
            }
            if (v instanceof Map) {
                writeMap((Map<?, ?>) v, sb, depth, path);
            } else {
                writeList(asList(v), sb, depth, path);
            }
            path.remove(v);
        } else {
            throw new JsonException("Object of type " + v.getClass().getSimpleName()
                    + " is not JSON serializable");
        }
    }

    private void writeList(List<?> list, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> path) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(itemSep());
            }
            if (indent != null) {
                newline(sb, depth + 1);
            }
            write(list.get(i), sb, depth + 1, path);
        }
        if (indent != null) {
            newline(sb, depth);
        }
        sb.append(']');
    }

    private void writeMap(Map<?, ?> map, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> path) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) {
            entries.sort(JsonWriter::compareKeys);
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            if (!first) {
                sb.append(itemSep());
            }
            first = false;
            if (indent != null) {
                newline(sb, depth + 1);
            }
            quote(keyString(e.getKey()), sb);
            sb.append(keySeparator);
            write(e.getValue(), sb, depth + 1, path);
        }
        if (indent != null) {
            newline(sb, depth);
        }
        sb.append('}');
    }

    /** Python sorts the keys themselves: numbers numerically, strings by code point. */
    private static int compareKeys(Map.Entry<?, ?> a, Map.Entry<?, ?> b) {
        Object ka = a.getKey();
        Object kb = b.getKey();
        if (ka instanceof Number && kb instanceof Number) {
            return new BigDecimal(ka.toString()).compareTo(new BigDecimal(kb.toString()));
        }
        if (ka instanceof String && kb instanceof String) {
            return compareCodePoints((String) ka, (String) kb);
        }
        throw new JsonException("sortKeys: cannot compare keys of types "
                + (ka == null ? "null" : ka.getClass().getSimpleName()) + " and "
                + (kb == null ? "null" : kb.getClass().getSimpleName()));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private String keyString(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof String || k instanceof Character) {
            return k.toString();
        }
        if (k instanceof Boolean) {
            return ((Boolean) k) ? "true" : "false";
        }
        if (k instanceof Number) {
            return number((Number) k);
        }
        throw new JsonException("keys must be str, int, float, bool or None, not "
                + k.getClass().getSimpleName());
    }

    private String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                if (!allowNan) {
                    throw new JsonException("Out of range float values are not JSON compliant: " + d);
                }
                return Double.isNaN(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
            }
            return n instanceof Float ? PyFloat.repr(n.floatValue()) : PyFloat.repr(d);
        }
        if (n instanceof BigDecimal) {
            return n.toString();
        }
        if (n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        return PyFloat.repr(n.doubleValue());
    }

    private static List<?> asList(Object v) {
        if (v instanceof List) {
            return (List<?>) v;
        }
        if (v instanceof Collection) {
            return new ArrayList<>((Collection<?>) v);
        }
        if (v instanceof Object[]) {
            return java.util.Arrays.asList((Object[]) v);
        }
        int n = java.lang.reflect.Array.getLength(v);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(java.lang.reflect.Array.get(v, i));
        }
        return out;
    }

    private void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int k = hex.length(); k < 4; k++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
