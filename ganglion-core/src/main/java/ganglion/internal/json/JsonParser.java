package ganglion.internal.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text as Python's {@code json.loads} does: objects become insertion-ordered
 * {@code LinkedHashMap<String, Object>} (a repeated key keeps its first position and its last value),
 * arrays {@code ArrayList<Object>}, strings {@code String}, integers {@code Long} (or {@code BigInteger}
 * beyond 64 bits), other numbers {@code Double}, {@code true}/{@code false} {@code Boolean}, {@code null}
 * {@code null}. {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted as Python accepts them.
 *
 * <p>The parser keeps its own stack instead of recursing, so hostile input cannot overflow the Java
 * stack; nesting deeper than {@link #maxDepth} levels is refused. Integer literals longer than 4300 digits
 * are refused, as Python 3.11 refuses them.
 */
final class JsonParser {

    /** Python's {@code sys.get_int_max_str_digits()} default. */
    static final int MAX_INT_DIGITS = 4300;

    private final String doc;
    private final int maxDepth;
    private int pos;

    JsonParser(String doc, int maxDepth) {
        this.doc = doc;
        this.maxDepth = maxDepth;
    }

    /** An open array or object, waiting for its next value. */
    private static final class Frame {
        final List<Object> list;
        final Map<String, Object> map;
        String key;

        Frame(List<Object> list, Map<String, Object> map) {
            this.list = list;
            this.map = map;
        }
    }

    Object parse() {
        if (!doc.isEmpty() && doc.charAt(0) == '\ufeff') {
            throw JsonException.at("Unexpected UTF-8 BOM (decode using utf-8-sig)", doc, 0);
        }
        ArrayList<Frame> stack = new ArrayList<>();
        skipWhitespace();
        while (true) {
            // Read one value; an opening bracket pushes a frame and loops back for its first value.
            Object value;
            char c = pos < doc.length() ? doc.charAt(pos) : '\0';
            if (c == '{' || c == '[') {
                if (stack.size() >= maxDepth) {
                    throw JsonException.at("JSON nesting deeper than " + maxDepth + " levels", doc, pos);
                }
                pos++;
                skipWhitespace();
                if (c == '[') {
                    ArrayList<Object> list = new ArrayList<>();
                    if (peek() == ']') {
                        pos++;
                        value = list;
                    } else {
                        stack.add(new Frame(list, null));
                        continue;
                    }
                } else {
                    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
                    if (peek() == '}') {
                        pos++;
                        value = map;
                    } else {
                        Frame f = new Frame(null, map);
                        f.key = readKey();
                        stack.add(f);
                        continue;
                    }
                }
            } else {
                value = readScalar();
            }
            // Hand the finished value to the enclosing containers, closing as many as end here.
            while (true) {
                if (stack.isEmpty()) {
                    skipWhitespace();
                    if (pos != doc.length()) {
                        throw JsonException.at("Extra data", doc, pos);
                    }
                    return value;
                }
                Frame top = stack.get(stack.size() - 1);
                skipWhitespace();
                char d = peek();
                if (top.list != null) {
                    top.list.add(value);
                    if (d == ',') {
                        pos++;
                        skipWhitespace();
                        break;
                    }
                    if (d != ']') {
                        throw JsonException.at("Expecting ',' delimiter", doc, pos);
                    }
                    pos++;
                    value = top.list;
                } else {
                    top.map.put(top.key, value);
                    if (d == ',') {
                        pos++;
                        skipWhitespace();
                        top.key = readKey();
                        break;
                    }
                    if (d != '}') {
                        throw JsonException.at("Expecting ',' delimiter", doc, pos);
                    }
                    pos++;
                    value = top.map;
                }
                stack.remove(stack.size() - 1);
            }
        }
    }

    private char peek() {
        return pos < doc.length() ? doc.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < doc.length()) {
            char c = doc.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Reads {@code "key" :} and leaves the position at the value. */
    private String readKey() {
        if (peek() != '"') {
            throw JsonException.at("Expecting property name enclosed in double quotes", doc, pos);
        }
        String key = readString();
        skipWhitespace();
        if (peek() != ':') {
            throw JsonException.at("Expecting ':' delimiter", doc, pos);
        }
        pos++;
        skipWhitespace();
        return key;
    }

    private Object readScalar() {
        char c = peek();
        if (c == '"') {
            return readString();
        }
        if (doc.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        if (doc.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (doc.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (doc.startsWith("NaN", pos)) {
            pos += 3;
            return Double.NaN;
        }
        if (doc.startsWith("Infinity", pos)) {
            pos += 8;
            return Double.POSITIVE_INFINITY;
        }
        if (doc.startsWith("-Infinity", pos)) {
            pos += 9;
            return Double.NEGATIVE_INFINITY;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            Object n = readNumber();
            if (n != null) {
                return n;
            }
        }
        throw JsonException.at("Expecting value", doc, pos);
    }

    /** Python's number grammar: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?}; null when none matches. */
    private Object readNumber() {
        int start = pos;
        int i = pos;
        int n = doc.length();
        if (i < n && doc.charAt(i) == '-') {
            i++;
        }
        if (i >= n || !isDigit(doc.charAt(i))) {
            return null;
        }
        if (doc.charAt(i) == '0') {
            i++;
        } else {
            while (i < n && isDigit(doc.charAt(i))) {
                i++;
            }
        }
        int intEnd = i;
        boolean isFloat = false;
        if (i + 1 < n && doc.charAt(i) == '.' && isDigit(doc.charAt(i + 1))) {
            i += 2;
            while (i < n && isDigit(doc.charAt(i))) {
                i++;
            }
            isFloat = true;
        }
        if (i < n && (doc.charAt(i) == 'e' || doc.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (doc.charAt(j) == '+' || doc.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(doc.charAt(j))) {
                while (j < n && isDigit(doc.charAt(j))) {
                    j++;
                }
                i = j;
                isFloat = true;
            }
        }
        pos = i;
        String text = doc.substring(start, isFloat ? i : intEnd);
        if (isFloat) {
            return Double.parseDouble(text);
        }
        int digits = text.length() - (text.charAt(0) == '-' ? 1 : 0);
        if (digits <= 18) {
            return Long.parseLong(text);
        }
        if (digits > MAX_INT_DIGITS) {
            throw new JsonException("Exceeds the limit (" + MAX_INT_DIGITS + " digits) for integer string "
                    + "conversion: value has " + digits + " digits (char " + start + ")", start);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads a string starting at the opening quote; leaves the position after the closing quote. */
    private String readString() {
        int begin = pos;
        pos++;
        StringBuilder sb = null;
        int chunk = pos;
        int n = doc.length();
        while (true) {
            if (pos >= n) {
                throw JsonException.at("Unterminated string starting at", doc, begin);
            }
            char c = doc.charAt(pos);
            if (c == '"') {
                String s = sb == null ? doc.substring(chunk, pos) : sb.append(doc, chunk, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw JsonException.at("Invalid control character at", doc, pos);
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(doc, chunk, pos);
            if (pos + 1 >= n) {
                throw JsonException.at("Unterminated string starting at", doc, begin);
            }
            char e = doc.charAt(pos + 1);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': {
                    sb.append((char) readHex4(pos + 2, pos));
                    pos += 4;
                    break;
                }
                default:
                    throw JsonException.at("Invalid \\escape", doc, pos);
            }
            pos += 2;
            chunk = pos;
        }
    }

    /** Four hex digits at {@code at}; errors point at the 'u', as Python's do. */
    private int readHex4(int at, int escapeStart) {
        if (at + 4 > doc.length()) {
            throw JsonException.at("Invalid \\uXXXX escape", doc, escapeStart + 1);
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(doc.charAt(at + k), 16);
            char ch = doc.charAt(at + k);
            if (d < 0 || ch > 'f') {
                throw JsonException.at("Invalid \\uXXXX escape", doc, escapeStart + 1);
            }
            v = v * 16 + d;
        }
        return v;
    }
}
