package ganglion.internal.npy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 28, 28), }}.
 *
 * <p>The literal is read by a small tokenizer that knows only strings, {@code True}/{@code False},
 * integers (with Python 2's {@code L} suffix, as old files have) and tuples, and requires exactly the
 * keys {@code descr}, {@code fortran_order} and {@code shape}, as NumPy does. Structured dtypes (a list
 * as {@code descr}), strings and datetimes are refused with a clear message.
 */
public final class NpyHeader {

    private final NpyDtype dtype;
    private final ByteOrder order;
    private final boolean fortranOrder;
    private final int[] shape;
    private final int count;

    NpyHeader(NpyDtype dtype, ByteOrder order, boolean fortranOrder, int[] shape, int count) {
        this.dtype = dtype;
        this.order = order;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.count = count;
    }

    /** The element type. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** Byte order of multi-byte elements. */
    public ByteOrder order() {
        return order;
    }

    /** Whether the data is stored column-major ({@code fortran_order: True}). */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** The array shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (checked to fit a Java array when the header was read). */
    public int count() {
        return count;
    }

    /** Parses the header text of a file named {@code source} (for messages). */
    static NpyHeader parse(String text, String source) throws NpyFormatException {
        Map<String, Object> dict = new Literal(text, source).readDict();
        if (dict.size() != 3 || !dict.containsKey("descr") || !dict.containsKey("fortran_order")
                || !dict.containsKey("shape")) {
            throw new NpyFormatException(source + ": header does not contain exactly the keys 'descr', "
                    + "'fortran_order', 'shape': " + dict.keySet());
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String)) {
            throw new NpyFormatException(source + ": structured dtypes are not supported (descr " + descr + ")");
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw new NpyFormatException(source + ": 'fortran_order' is not a bool: " + fortran);
        }
        Object shapeObj = dict.get("shape");
        if (!(shapeObj instanceof List)) {
            throw new NpyFormatException(source + ": 'shape' is not a tuple: " + shapeObj);
        }
        List<?> dims = (List<?>) shapeObj;
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long) || (Long) d < 0 || (Long) d > Integer.MAX_VALUE) {
                throw new NpyFormatException(source + ": shape entry " + d + " is not a valid length");
            }
            shape[i] = (int) (long) (Long) d;
        }
        String s = (String) descr;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String code = s;
        if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) >= 0) {
            if (s.charAt(0) == '>') {
                order = ByteOrder.BIG_ENDIAN;
            } else if (s.charAt(0) == '=') {
                order = ByteOrder.nativeOrder();
            }
            code = s.substring(1);
        }
        NpyDtype dtype = NpyDtype.ofCode(code);
        if (dtype == null) {
            throw new NpyFormatException(source + ": dtype '" + s + "' is not supported (supported: bool, "
                    + "int8/16/32/64, uint8/16/32/64, float16/32/64, and object arrays of lists of ints)");
        }
        int count = NpyArray.checkedCount(shape, source);
        return new NpyHeader(dtype, order, (Boolean) fortran, shape, count);
    }

    /** A reader for the Python literal subset that npy headers use. No recursion beyond one tuple level. */
    private static final class Literal {
        private final String text;
        private final String source;
        private int pos;

        Literal(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Map<String, Object> readDict() throws NpyFormatException {
            expect('{');
            Map<String, Object> map = new HashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                Object key = readAtom();
                if (!(key instanceof String)) {
                    throw error("dict key is not a string");
                }
                expect(':');
                skipSpace();
                Object value;
                if (peek() == '(') {
                    value = readTuple();
                } else if (peek() == '[') {
                    throw new NpyFormatException(source + ": structured dtypes are not supported");
                } else {
                    value = readAtom();
                }
                if (map.put((String) key, value) != null) {
                    throw error("repeated key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the dict");
            }
            return map;
        }

        private List<Object> readTuple() throws NpyFormatException {
            expect('(');
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    return items;
                }
                Object v = readAtom();
                if (!(v instanceof Long)) {
                    throw error("tuple item is not an integer");
                }
                items.add(v);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')'");
                }
            }
        }

        private Object readAtom() throws NpyFormatException {
            skipSpace();
            char c = peek();
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String s = text.substring(pos + 1, end);
                if (s.indexOf('\\') >= 0) {
                    throw error("escapes in strings are not supported");
                }
                pos = end + 1;
                return s;
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c >= '0' && c <= '9') {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                    pos++;
                }
                if (pos - start > 18) {
                    throw error("integer too large");
                }
                long v = Long.parseLong(text.substring(start, pos));
                if (peek() == 'L' || peek() == 'l') {
                    pos++;
                }
                return v;
            }
            throw error("unexpected character");
        }

        private void expect(char c) throws NpyFormatException {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n'
                    || text.charAt(pos) == '\t' || text.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private NpyFormatException error(String what) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            return new NpyFormatException(source + ": cannot read the npy header (" + what + " at char " + pos
                    + "): " + shown);
        }
    }
}
