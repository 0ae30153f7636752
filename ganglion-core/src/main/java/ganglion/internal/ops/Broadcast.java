package ganglion.internal.ops;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

import java.util.Arrays;

/**
 * NumPy broadcasting: the result shape, how an operand is laid out against the result, and moving data
 * both ways (expanding an operand to the result, summing a result-shaped gradient back to the operand).
 *
 * <p>Every operand falls in one of five layouts relative to the result, so that the common cases need no
 * index map: {@link #FULL} (same number of elements), {@link #SCALAR} (one element), {@link #ROW} (equal to
 * the trailing axes, e.g. a bias {@code [n]} against {@code [batch, n]}: element {@code i % size}),
 * {@link #COL} (equal to the leading axes with trailing 1s, e.g. {@code [batch, 1]}: element
 * {@code i / (n / size)}), and {@link #GENERAL} (anything else, through an index map).
 */
public final class Broadcast {

    /** The operand has as many elements as the result (same flat layout). */
    public static final int FULL = 0;
    /** The operand has one element. */
    public static final int SCALAR = 1;
    /** The operand repeats along the leading axes: result element i reads operand element i % size. */
    public static final int ROW = 2;
    /** The operand repeats along the trailing axes: result element i reads element i / (n / size). */
    public static final int COL = 3;
    /** Any other broadcast: needs an index map. */
    public static final int GENERAL = 4;

    private Broadcast() {
    }

    /** The broadcast shape of a and b, or an exception naming the op and both shapes. */
    public static int[] shape(int[] a, int[] b, String op) {
        if (Arrays.equals(a, b)) {
            return a.clone();
        }
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                        + " cannot be broadcast together (axis " + i + " of the result: " + da + " vs " + db
                        + "); each axis, aligned from the right, must match or be 1");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** True when {@code small}, without its leading 1s, equals the trailing axes of {@code big}. */
    public static boolean isSuffix(int[] small, int[] big) {
        int from = 0;
        while (from < small.length && small[from] == 1) {
            from++;
        }
        int n = small.length - from;
        if (n > big.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (small[from + i] != big[big.length - n + i]) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code small}, aligned right against {@code big}, equals big on its leading axes and is 1 after. */
    static boolean isPrefix(int[] small, int[] big) {
        int off = big.length - small.length;
        if (off < 0) {
            return false;
        }
        int last = -1;
        for (int i = 0; i < small.length; i++) {
            if (small[i] != 1) {
                last = off + i;
            }
        }
        for (int i = 0; i <= last; i++) {
            int s = i < off ? 1 : small[i - off];
            if (s != big[i]) {
                return false;
            }
        }
        return true;
    }

    /** How an operand of shape {@code in} is laid out against the broadcast result {@code out}. */
    public static int kind(int[] in, int[] out) {
        long size = Shapes.size(in);
        long n = Shapes.size(out);
        if (size == n) {
            return FULL;
        }
        if (size == 1) {
            return SCALAR;
        }
        if (isSuffix(in, out)) {
            return ROW;
        }
        if (isPrefix(in, out)) {
            return COL;
        }
        return GENERAL;
    }

    /** For each flat index of {@code out}, the flat index into a tensor of shape {@code in} broadcast to it. */
    public static int[] indexMap(int[] in, int[] out) {
        int r = out.length;
        int[] inStrides = new int[r];
        int[] st = Shapes.strides(in);
        for (int i = 0; i < in.length; i++) {
            int ax = r - in.length + i;
            inStrides[ax] = in[i] == 1 ? 0 : st[i];
        }
        int n = Shapes.checkedSize(out);
        int[] map = new int[n];
        int[] idx = new int[r];
        int off = 0;
        for (int o = 0; o < n; o++) {
            map[o] = off;
            for (int ax = r - 1; ax >= 0; ax--) {
                idx[ax]++;
                off += inStrides[ax];
                if (idx[ax] < out[ax]) {
                    break;
                }
                off -= inStrides[ax] * out[ax];
                idx[ax] = 0;
            }
        }
        return map;
    }

    /**
     * The values of {@code src} (shape {@code in}, layout {@code kind}) broadcast to {@code out}. Returns
     * {@code src} itself when the layout is {@link #FULL}; otherwise a new array.
     */
    static float[] expand(float[] src, int kind, int[] in, int[] out) {
        if (kind == FULL) {
            return src;
        }
        int n = Shapes.checkedSize(out);
        float[] r = new float[n];
        switch (kind) {
            case SCALAR -> Arrays.fill(r, src[0]);
            case ROW -> {
                int p = src.length;
                for (int o = 0; o < n; o += p) {
                    System.arraycopy(src, 0, r, o, p);
                }
            }
            case COL -> {
                int q = n / src.length;
                for (int o = 0; o < src.length; o++) {
                    Arrays.fill(r, o * q, o * q + q, src[o]);
                }
            }
            default -> {
                int[] map = indexMap(in, out);
                for (int i = 0; i < n; i++) {
                    r[i] = src[map[i]];
                }
            }
        }
        return r;
    }

    /**
     * Adds {@code alpha * g} (shape {@code out}) summed down to shape {@code in} (layout {@code kind}) into
     * {@code dst}. This is the gradient of broadcasting.
     */
    static void reduceInto(float[] g, int kind, int[] in, int[] out, float alpha, float[] dst) {
        int n = g.length;
        if (n == 0) {
            return;
        }
        Kernels k = KernelProvider.get();
        switch (kind) {
            case FULL -> k.axpy(alpha, g, 0, dst, 0, n);
            case SCALAR -> dst[0] += alpha * k.sum(g, 0, n);
            case ROW -> {
                int p = dst.length;
                if (alpha == 1f) {
                    k.sumRowsInto(g, 0, n / p, p, dst, 0);
                } else {
                    float[] t = new float[p];
                    k.sumRowsInto(g, 0, n / p, p, t, 0);
                    k.axpy(alpha, t, 0, dst, 0, p);
                }
            }
            case COL -> {
                int q = n / dst.length;
                for (int o = 0; o < dst.length; o++) {
                    dst[o] += alpha * k.sum(g, o * q, q);
                }
            }
            default -> {
                int[] map = indexMap(in, out);
                for (int i = 0; i < n; i++) {
                    dst[map[i]] += alpha * g[i];
                }
            }
        }
    }

    /** Sums a gradient of shape {@code out} down to shape {@code in} (the reverse of broadcasting). */
    public static float[] reduceTo(float[] g, int[] out, int[] in) {
        int n = Shapes.checkedSize(in);
        if (n == g.length) {
            return g;
        }
        float[] r = new float[n];
        reduceInto(g, kind(in, out), in, out, 1f, r);
        return r;
    }
}
