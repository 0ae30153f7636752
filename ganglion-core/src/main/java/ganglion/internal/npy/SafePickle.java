package ganglion.internal.npy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the pickle that {@code numpy.save} writes for an object array whose elements are Python lists of
 * ints (Keras's {@code imdb.npz}, {@code reuters.npz}), without running anything from the file.
 *
 * <p>This is not a general unpickler. It interprets only the opcodes such a pickle uses (protocols 2 to 5:
 * ints, strings and bytes, None/True/False, tuples, lists, the memo, {@code GLOBAL}/{@code STACK_GLOBAL},
 * {@code REDUCE} and {@code BUILD}), and {@code REDUCE} applies only four known callables, which it
 * imitates itself: {@code numpy[._]core.multiarray._reconstruct}, {@code numpy.ndarray},
 * {@code numpy.dtype} (object dtype only) and {@code _codecs.encode}. Any other opcode or global is refused
 * with {@link NpyFormatException}. Every length is checked against the bytes present.
 */
final class SafePickle {

    /** The outcome: the array's shape, its storage order, and its elements as int lists. */
    static final class ObjectArray {
        final int[] shape;
        final boolean fortran;
        final int[][] lists;

        ObjectArray(int[] shape, boolean fortran, int[][] lists) {
            this.shape = shape;
            this.fortran = fortran;
            this.lists = lists;
        }
    }

    private enum Global {
        RECONSTRUCT("numpy.core.multiarray._reconstruct"),
        NDARRAY("numpy.ndarray"),
        DTYPE("numpy.dtype"),
        CODECS_ENCODE("_codecs.encode");

        final String pythonName;

        Global(String pythonName) {
            this.pythonName = pythonName;
        }
    }

    private static final Object MARK = new Object();

    /** A Python tuple. */
    private static final class Tuple {
        final Object[] items;

        Tuple(Object[] items) {
            this.items = items;
        }
    }

    /** A Python list: of ints (kept unboxed) or of other objects, never both. */
    private static final class PyList {
        int[] ints = new int[8];
        List<Object> objects;
        int size;

        void append(Object v, String source) throws NpyFormatException {
            if (v instanceof Long) {
                long x = (Long) v;
                if (objects != null) {
                    throw mixed(source);
                }
                if (x != (int) x) {
                    throw new NpyFormatException(source + ": pickle list holds the integer " + x
                            + ", which does not fit in 32 bits");
                }
                if (size == ints.length) {
                    ints = Arrays.copyOf(ints, size * 2);
                }
                ints[size++] = (int) x;
            } else if (v instanceof PyList) {
                if (objects == null) {
                    if (size != 0) {
                        throw mixed(source);
                    }
                    objects = new ArrayList<>();
                }
                objects.add(v);
                size++;
            } else {
                throw new NpyFormatException(source + ": pickle list holds a "
                        + (v == null ? "None" : v.getClass().getSimpleName())
                        + "; only object arrays of lists of ints are supported");
            }
        }

        private static NpyFormatException mixed(String source) {
            return new NpyFormatException(source + ": pickle holds a list mixing integers with other "
                    + "objects; only object arrays of lists of ints are supported");
        }
    }

    /** The array built by {@code _reconstruct} and filled by {@code BUILD}. */
    private static final class ArrayStub {
        int[] shape;
        boolean fortran;
        PyList items;
    }

    /** The object dtype built by {@code numpy.dtype('O8', ...)}. */
    private static final class DtypeStub {
    }

    private final byte[] buf;
    private final int end;
    private final String source;
    private int pos;

    private SafePickle(byte[] buf, int off, int len, String source) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.source = source;
    }

    /** Reads the pickle of an object array from {@code buf[off, off+len)}. */
    static ObjectArray readObjectArray(byte[] buf, int off, int len, String source) throws NpyFormatException {
        return new SafePickle(buf, off, len, source).run();
    }

    private ObjectArray run() throws NpyFormatException {
        ArrayList<Object> stack = new ArrayList<>();
        Map<Long, Object> memo = new HashMap<>();
        while (true) {
            int op = u8();
            switch (op) {
                case 0x80: // PROTO
                    int proto = u8();
                    if (proto < 2 || proto > 5) {
                        throw refuse("pickle protocol " + proto);
                    }
                    break;
                case 0x95: // FRAME: the frame length is advisory
                    need(8);
                    pos += 8;
                    break;
                case '.': { // STOP
                    Object top = pop(stack);
                    return finish(top);
                }
                case '(': stack.add(MARK); break;
                case 'N': stack.add(null); break;
                case 0x88: stack.add(Boolean.TRUE); break;
                case 0x89: stack.add(Boolean.FALSE); break;
                case 'K': stack.add((long) u8()); break; // BININT1
                case 'M': stack.add((long) (u8() | (u8() << 8))); break; // BININT2
                case 'J': stack.add(le(4)); break; // BININT
                case 0x8a: stack.add(readLong(u8())); break; // LONG1
                case 0x8b: stack.add(readLong(length(le(4)))); break; // LONG4
                case 0x8c: stack.add(utf8(u8())); break; // SHORT_BINUNICODE
                case 'X': stack.add(utf8(length(le(4)))); break; // BINUNICODE
                case 0x8d: stack.add(utf8(length(le(8)))); break; // BINUNICODE8
                case 'U': // SHORT_BINSTRING (Python 2 str)
                case 'C': stack.add(latin1(u8())); break; // SHORT_BINBYTES
                case 'T': // BINSTRING
                case 'B': stack.add(latin1(length(le(4)))); break; // BINBYTES
                case 'c': stack.add(global(line(), line())); break; // GLOBAL
                case 0x93: { // STACK_GLOBAL
                    Object name = pop(stack);
                    Object module = pop(stack);
                    if (!(module instanceof String) || !(name instanceof String)) {
                        throw refuse("STACK_GLOBAL with non-string operands");
                    }
                    stack.add(global((String) module, (String) name));
                    break;
                }
                case 0x94: memo.put((long) memo.size(), peek(stack)); break; // MEMOIZE
                case 'q': memo.put((long) u8(), peek(stack)); break; // BINPUT
                case 'r': memo.put(le(4) & 0xFFFFFFFFL, peek(stack)); break; // LONG_BINPUT
                case 'h': stack.add(memoGet(memo, u8())); break; // BINGET
                case 'j': stack.add(memoGet(memo, le(4) & 0xFFFFFFFFL)); break; // LONG_BINGET
                case ')': stack.add(new Tuple(new Object[0])); break; // EMPTY_TUPLE
                case 0x85: stack.add(tuple(stack, 1)); break; // TUPLE1
                case 0x86: stack.add(tuple(stack, 2)); break; // TUPLE2
                case 0x87: stack.add(tuple(stack, 3)); break; // TUPLE3
                case 't': stack.add(new Tuple(popToMark(stack).toArray())); break; // TUPLE
                case ']': stack.add(new PyList()); break; // EMPTY_LIST
                case 'l': { // LIST
                    PyList list = new PyList();
                    for (Object o : popToMark(stack)) {
                        list.append(o, source);
                    }
                    stack.add(list);
                    break;
                }
                case 'a': { // APPEND
                    Object v = pop(stack);
                    asList(peek(stack)).append(v, source);
                    break;
                }
                case 'e': { // APPENDS
                    List<Object> items = popToMark(stack);
                    PyList list = asList(peek(stack));
                    for (Object o : items) {
                        list.append(o, source);
                    }
                    break;
                }
                case 'R': { // REDUCE
                    Object args = pop(stack);
                    Object fn = pop(stack);
                    stack.add(reduce(fn, args));
                    break;
                }
                case 'b': { // BUILD
                    Object state = pop(stack);
                    build(peek(stack), state);
                    break;
                }
                default:
                    throw refuse(String.format("pickle opcode 0x%02x at byte %d", op, pos - 1));
            }
        }
    }

    private ObjectArray finish(Object top) throws NpyFormatException {
        if (!(top instanceof ArrayStub) || ((ArrayStub) top).items == null) {
            throw refuse("a pickle whose result is not a filled numpy object array");
        }
        ArrayStub a = (ArrayStub) top;
        long count = 1;
        for (int d : a.shape) {
            count *= d;
        }
        PyList items = a.items;
        if (items.size != count) {
            throw new NpyFormatException(source + ": pickled array of shape " + Arrays.toString(a.shape)
                    + " holds " + items.size + " elements");
        }
        int[][] lists = new int[items.size][];
        for (int i = 0; i < items.size; i++) {
            if (items.objects == null) {
                throw refuse("an object array of plain ints (expected lists of ints)");
            }
            PyList l = (PyList) items.objects.get(i);
            if (l.objects != null && l.size > 0) {
                throw refuse("element " + i + " is a list of lists (expected lists of ints)");
            }
            lists[i] = Arrays.copyOf(l.ints, l.size);
        }
        return new ObjectArray(a.shape, a.fortran, lists);
    }

    private Object global(String module, String name) throws NpyFormatException {
        String full = module + "." + name;
        switch (full) {
            case "numpy.core.multiarray._reconstruct":
            case "numpy._core.multiarray._reconstruct":
                return Global.RECONSTRUCT;
            case "numpy.ndarray":
                return Global.NDARRAY;
            case "numpy.dtype":
                return Global.DTYPE;
            case "_codecs.encode":
                return Global.CODECS_ENCODE;
            default:
                throw refuse("global " + full + " (only numpy's object-array reconstruction is allowed)");
        }
    }

    private Object reduce(Object fn, Object argsObj) throws NpyFormatException {
        if (!(argsObj instanceof Tuple)) {
            throw refuse("REDUCE without an argument tuple");
        }
        Object[] args = ((Tuple) argsObj).items;
        if (fn == Global.RECONSTRUCT && args.length == 3 && args[0] == Global.NDARRAY) {
            return new ArrayStub();
        }
        if (fn == Global.DTYPE && args.length == 3 && args[0] instanceof String
                && ((String) args[0]).startsWith("O")) {
            return new DtypeStub();
        }
        if (fn == Global.CODECS_ENCODE && args.length == 2 && args[0] instanceof String
                && "latin1".equals(args[1])) {
            return args[0];
        }
        String name = fn instanceof Global ? ((Global) fn).pythonName : "a non-callable";
        throw refuse("a call of " + name + " with these arguments (only an object array of lists can be rebuilt)");
    }

    private void build(Object target, Object stateObj) throws NpyFormatException {
        if (!(stateObj instanceof Tuple)) {
            throw refuse("BUILD without a state tuple");
        }
        Object[] st = ((Tuple) stateObj).items;
        if (target instanceof DtypeStub) {
            return;
        }
        if (!(target instanceof ArrayStub) || (st.length != 5 && st.length != 4)) {
            throw refuse("BUILD on something other than a numpy array");
        }
        int o = st.length == 5 ? 1 : 0;
        if (!(st[o] instanceof Tuple) || !(st[o + 1] instanceof DtypeStub) || !(st[o + 3] instanceof PyList)) {
            throw refuse("an array state that is not (shape, object dtype, fortran, list)");
        }
        Object[] dims = ((Tuple) st[o]).items;
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (!(dims[i] instanceof Long) || (Long) dims[i] < 0 || (Long) dims[i] > Integer.MAX_VALUE) {
                throw refuse("array shape entry " + dims[i]);
            }
            shape[i] = (int) (long) (Long) dims[i];
        }
        Object f = st[o + 2];
        ArrayStub a = (ArrayStub) target;
        a.shape = shape;
        a.fortran = Boolean.TRUE.equals(f) || (f instanceof Long && (Long) f != 0);
        a.items = (PyList) st[o + 3];
    }

    private PyList asList(Object o) throws NpyFormatException {
        if (!(o instanceof PyList)) {
            throw refuse("APPEND to something other than a list");
        }
        return (PyList) o;
    }

    private Tuple tuple(ArrayList<Object> stack, int n) throws NpyFormatException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop(stack);
        }
        return new Tuple(items);
    }

    private List<Object> popToMark(ArrayList<Object> stack) throws NpyFormatException {
        int m = stack.size() - 1;
        while (m >= 0 && stack.get(m) != MARK) {
            m--;
        }
        if (m < 0) {
            throw new NpyFormatException(source + ": malformed pickle (no MARK on the stack)");
        }
        List<Object> sub = stack.subList(m + 1, stack.size());
        for (Object o : sub) {
            if (o == MARK) {
                throw new NpyFormatException(source + ": malformed pickle");
            }
        }
        List<Object> items = new ArrayList<>(sub);
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private Object pop(ArrayList<Object> stack) throws NpyFormatException {
        Object o = peek(stack);
        stack.remove(stack.size() - 1);
        return o;
    }

    private Object peek(ArrayList<Object> stack) throws NpyFormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw new NpyFormatException(source + ": malformed pickle (stack underflow at byte " + pos + ")");
        }
        return stack.get(stack.size() - 1);
    }

    private Object memoGet(Map<Long, Object> memo, long key) throws NpyFormatException {
        if (!memo.containsKey(key)) {
            throw new NpyFormatException(source + ": malformed pickle (memo key " + key + " not set)");
        }
        return memo.get(key);
    }

    private Long readLong(int n) throws NpyFormatException {
        if (n > 8) {
            throw refuse("an integer of " + n + " bytes");
        }
        need(n);
        byte[] be = new byte[Math.max(1, n)];
        for (int i = 0; i < n; i++) {
            be[n - 1 - i] = buf[pos + i];
        }
        pos += n;
        return n == 0 ? 0L : new BigInteger(be).longValue();
    }

    private int length(long n) throws NpyFormatException {
        if (n < 0 || n > end - pos) {
            throw new NpyFormatException(source + ": malformed pickle (length " + n + " at byte " + pos
                    + " runs past the " + (end - pos) + " remaining bytes)");
        }
        return (int) n;
    }

    private String utf8(int n) throws NpyFormatException {
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private String latin1(int n) throws NpyFormatException {
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** A text line of a GLOBAL opcode, at most 256 bytes. */
    private String line() throws NpyFormatException {
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
            if (pos - start > 256) {
                throw new NpyFormatException(source + ": malformed pickle (GLOBAL name too long)");
            }
            pos++;
        }
        need(1);
        String s = new String(buf, start, pos - start, StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    private long le(int n) throws NpyFormatException {
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += n;
        return n == 4 ? (int) v : v;
    }

    private int u8() throws NpyFormatException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    private void need(int n) throws NpyFormatException {
        if (n < 0 || n > end - pos) {
            throw new NpyFormatException(source + ": truncated pickle (needs " + n + " bytes at byte " + pos
                    + ", has " + (end - pos) + ")");
        }
    }

    private NpyFormatException refuse(String what) {
        return new NpyFormatException(source + ": refusing to unpickle " + what
                + "; only numpy object arrays of lists of ints can be read");
    }
}
