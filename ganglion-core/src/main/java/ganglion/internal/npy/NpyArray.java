package ganglion.internal.npy;

import ganglion.Tensor;

import java.util.Arrays;

/**
 * An array read from a {@code .npy} file (or an {@code .npz} entry): its dtype, its shape, and its
 * elements in C (row-major) order, whatever the file's order.
 *
 * <p>The elements live in the primitive array that matches the dtype ({@link #data()}): {@code boolean[]}
 * for bool, {@code byte[]} for int8 and uint8, {@code short[]} for int16 and float16 (raw bits),
 * {@code char[]} for uint16, {@code int[]} for int32 and uint32 (raw bits), {@code long[]} for int64 and
 * uint64 (raw bits), {@code float[]}, {@code double[]}, and {@code int[][]} for object arrays of lists of
 * ints. The {@code to...Array()} methods convert, as NumPy's {@code astype} would.
 */
public final class NpyArray {

    private final NpyDtype dtype;
    private final int[] shape;
    private final Object data;
    private final boolean fortranOrder;

    NpyArray(NpyDtype dtype, int[] shape, Object data, boolean fortranOrder) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
        this.fortranOrder = fortranOrder;
    }

    /** The element type. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** The shape (a copy); empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** Whether the file stored the data column-major; {@link #data()} is row-major either way. */
    public boolean fortranOrderInFile() {
        return fortranOrder;
    }

    /** The backing primitive array in row-major order (see the class comment for its type). Not a copy. */
    public Object data() {
        return data;
    }

    /** The elements as float32, converted as {@code astype(np.float32)}; bools give 0 and 1. */
    public float[] toFloatArray() {
        int n = size();
        switch (dtype) {
            case FLOAT32:
                return ((float[]) data).clone();
            case FLOAT64: {
                double[] s = (double[]) data;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) s[i];
                }
                return out;
            }
            case FLOAT16: {
                short[] s = (short[]) data;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = halfToFloat(s[i]);
                }
                return out;
            }
            case UINT64: {
                long[] s = (long[]) data;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) unsignedToDouble(s[i]);
                }
                return out;
            }
            case INT64: {
                long[] s = (long[]) data;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) s[i];
                }
                return out;
            }
            case OBJECT:
                throw objectArray("toFloatArray");
            default: {
                float[] out = new float[n];
                if (dtype == NpyDtype.UINT32) {
                    int[] s = (int[]) data;
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) (s[i] & 0xFFFFFFFFL);
                    }
                    return out;
                }
                long[] tmp = toLongArray();
                for (int i = 0; i < n; i++) {
                    out[i] = (float) tmp[i];
                }
                return out;
            }
        }
    }

    /** The elements as float64. */
    public double[] toDoubleArray() {
        int n = size();
        switch (dtype) {
            case FLOAT64:
                return ((double[]) data).clone();
            case FLOAT32: {
                float[] s = (float[]) data;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = s[i];
                }
                return out;
            }
            case FLOAT16: {
                short[] s = (short[]) data;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = halfToFloat(s[i]);
                }
                return out;
            }
            case UINT64: {
                long[] s = (long[]) data;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = unsignedToDouble(s[i]);
                }
                return out;
            }
            case OBJECT:
                throw objectArray("toDoubleArray");
            default: {
                long[] tmp = toLongArray();
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = tmp[i];
                }
                return out;
            }
        }
    }

    /**
     * The elements as int64. Integer and bool dtypes convert exactly (uint64 above 2^63-1 is refused);
     * float dtypes convert only when every value is a whole number in range, otherwise this throws.
     */
    public long[] toLongArray() {
        int n = size();
        long[] out = new long[n];
        switch (dtype) {
            case BOOL: {
                boolean[] s = (boolean[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i] ? 1 : 0;
                }
                return out;
            }
            case INT8: {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i];
                }
                return out;
            }
            case UINT8: {
                byte[] s = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i] & 0xFF;
                }
                return out;
            }
            case INT16: {
                short[] s = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i];
                }
                return out;
            }
            case UINT16: {
                char[] s = (char[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i];
                }
                return out;
            }
            case INT32: {
                int[] s = (int[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i];
                }
                return out;
            }
            case UINT32: {
                int[] s = (int[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = s[i] & 0xFFFFFFFFL;
                }
                return out;
            }
            case INT64:
                return ((long[]) data).clone();
            case UINT64: {
                long[] s = (long[]) data;
                for (int i = 0; i < n; i++) {
                    if (s[i] < 0) {
                        throw new ArithmeticException("NpyArray.toLongArray: uint64 element " + i + " = "
                                + Long.toUnsignedString(s[i]) + " does not fit in a signed 64-bit integer");
                    }
                }
                return s.clone();
            }
            case OBJECT:
                throw objectArray("toLongArray");
            default: {
                double[] d = toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double v = d[i];
                    if (v != Math.rint(v) || v < -0x1p63 || v >= 0x1p63) {
                        throw new ArithmeticException("NpyArray.toLongArray: element " + i + " = " + v
                                + " of a " + dtype + " array is not a whole number in the int64 range");
                    }
                    out[i] = (long) v;
                }
                return out;
            }
        }
    }

    /** The elements as int32; values outside the int32 range (or non-whole floats) are refused. */
    public int[] toIntArray() {
        if (dtype == NpyDtype.INT32) {
            return ((int[]) data).clone();
        }
        long[] l = toLongArray();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != (int) l[i]) {
                throw new ArithmeticException("NpyArray.toIntArray: element " + i + " = " + l[i]
                        + " does not fit in a 32-bit int");
            }
            out[i] = (int) l[i];
        }
        return out;
    }

    /** The elements as booleans (non-zero is true). */
    public boolean[] toBooleanArray() {
        if (dtype == NpyDtype.BOOL) {
            return ((boolean[]) data).clone();
        }
        double[] d = toDoubleArray();
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] != 0;
        }
        return out;
    }

    /** The lists of an object array of Python lists of ints (copies of each list). */
    public int[][] toIntLists() {
        if (dtype != NpyDtype.OBJECT) {
            throw new IllegalStateException("NpyArray.toIntLists: the array has dtype " + dtype
                    + ", not object; use toIntArray()");
        }
        int[][] s = (int[][]) data;
        int[][] out = new int[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].clone();
        }
        return out;
    }

    /** A float32 tensor of the same shape. */
    public Tensor toTensor() {
        return Tensor.wrap(toFloatArray(), shape.clone());
    }

    @Override
    public String toString() {
        return "NpyArray(dtype=" + dtype + ", shape=" + Arrays.toString(shape) + ")";
    }

    private IllegalStateException objectArray(String what) {
        return new IllegalStateException("NpyArray." + what + ": the array holds Python objects (lists of "
                + "ints); use toIntLists()");
    }

    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** IEEE 754 binary16 to float32, exactly (subnormals, infinities and NaN included). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** The element count of a shape, refused when it exceeds what a Java array holds. */
    static int checkedCount(int[] shape, String source) throws NpyFormatException {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new NpyFormatException(source + ": shape " + Arrays.toString(shape)
                        + " has more elements than a Java array holds");
            }
        }
        return (int) n;
    }
}
