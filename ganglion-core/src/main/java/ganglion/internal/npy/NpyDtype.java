package ganglion.internal.npy;

/**
 * The NumPy dtypes the {@code .npy} reader understands, named after NumPy's, with their type codes
 * ({@code b1}, {@code i4}, {@code f8}, ...) and item sizes. Byte order is separate (see {@link NpyHeader}).
 */
public enum NpyDtype {
    BOOL("b1", 1),
    INT8("i1", 1),
    UINT8("u1", 1),
    INT16("i2", 2),
    UINT16("u2", 2),
    INT32("i4", 4),
    UINT32("u4", 4),
    INT64("i8", 8),
    UINT64("u8", 8),
    FLOAT16("f2", 2),
    FLOAT32("f4", 4),
    FLOAT64("f8", 8),
    /** Python objects, stored pickled; only lists of ints are supported. */
    OBJECT("O", 8);

    private final String code;
    private final int itemSize;

    NpyDtype(String code, int itemSize) {
        this.code = code;
        this.itemSize = itemSize;
    }

    /** NumPy's type code without byte order, e.g. {@code "f4"}. */
    public String code() {
        return code;
    }

    /** Bytes per element in the file (for {@link #OBJECT}, the pointer size NumPy reports). */
    public int itemSize() {
        return itemSize;
    }

    /** The dtype of a type code such as {@code "f4"}, {@code "u1"}, {@code "b1"}, {@code "O"}; null if unknown. */
    static NpyDtype ofCode(String code) {
        for (NpyDtype d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        if (code.equals("?")) {
            return BOOL;
        }
        return null;
    }
}
