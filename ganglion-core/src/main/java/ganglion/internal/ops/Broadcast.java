package ganglion.internal.ops;

import ganglion.internal.kernels.KernelProvider;

/** NumPy broadcasting: the result shape, index maps, and summing a gradient back to an input's shape. */
public final class Broadcast {

    private Broadcast() {
    }

    /** The broadcast shape of a and b, or an exception naming the op and both shapes. */
    public static int[] shape(int[] a, int[] b, String op) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.str(a) + " and " + Shapes.str(b)
                        + " cannot be broadcast together (axis " + i + ": " + da + " vs " + db + ")");
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

    /** Sums a gradient of shape {@code out} down to shape {@code in} (the reverse of broadcasting). */
    public static float[] reduceTo(float[] g, int[] out, int[] in) {
        int n = Shapes.checkedSize(in);
        if (n == g.length) {
            return g;
        }
        float[] r = new float[n];
        if (n == 1) {
            r[0] = KernelProvider.get().sum(g, 0, g.length);
            return r;
        }
        if (isSuffix(in, out)) {
            KernelProvider.get().sumRowsInto(g, 0, g.length / n, n, r, 0);
            return r;
        }
        int[] map = indexMap(in, out);
        for (int i = 0; i < g.length; i++) {
            r[map[i]] += g[i];
        }
        return r;
    }
}
