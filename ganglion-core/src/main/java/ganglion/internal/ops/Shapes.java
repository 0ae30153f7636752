package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;

import java.util.Arrays;

/** Shape arithmetic and the movement ops (reshape, slice, take, permute, concat). */
public final class Shapes {

    private Shapes() {
    }

    /** Validates a shape (no negative lengths) and returns a private copy. */
    public static int[] checkShape(int[] shape) {
        int[] s = shape == null ? new int[0] : shape.clone();
        for (int d : s) {
            if (d < 0) {
                throw new IllegalArgumentException("negative length in shape " + str(s));
            }
        }
        checkedSize(s);
        return s;
    }

    /** Number of elements of a shape. */
    public static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Number of elements, refusing shapes too large for one Java array. */
    public static int checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more elements than a Java array holds");
            }
        }
        return (int) n;
    }

    /** "(2, 3)" */
    public static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /** Normalises a possibly negative axis for a tensor of the given rank. */
    public static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank
                    + (rank == 0 ? "" : " (valid: " + (-rank) + " to " + (rank - 1) + ")"));
        }
        return a;
    }

    /** Row-major strides. */
    public static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /** Flat offset of an element. */
    public static int flatIndex(int[] shape, int[] idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("get: " + idx.length + " indices for a tensor of rank " + shape.length
                    + " and shape " + str(shape));
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            int v = idx[i] < 0 ? idx[i] + shape[i] : idx[i];
            if (v < 0 || v >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + idx[i] + " is out of bounds for axis " + i
                        + " with length " + shape[i] + " (shape " + str(shape) + ")");
            }
            off = off * shape[i] + v;
        }
        return off;
    }

    /** Product of the lengths of axes [from, to). */
    public static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    /** Resolves a -1 in a requested shape against a size. */
    public static int[] inferShape(int[] requested, long size, int[] from) {
        int[] s = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one -1 allowed in " + str(requested));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid length " + s[i] + " in " + str(requested));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + str(from) + " (" + size
                        + " elements) into " + str(requested));
            }
            s[infer] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException("reshape: cannot reshape " + str(from) + " (" + size
                    + " elements) into " + str(requested) + " (" + known + " elements)");
        }
        return s;
    }

    public static Tensor reshape(Tensor x, int[] newShape) {
        int[] s = inferShape(newShape, x.size(), x.shape());
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(x.buffer(), s);
        }
        return Tensor.fromOp(x.buffer(), s, new Node(x) {
            @Override
            public void backward(Tensor out, float[] g) {
                accumulate(x, g);
            }

            @Override
            public String name() {
                return "reshape";
            }
        });
    }

    public static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] shape = x.shape();
        int a = axis(axis, shape.length, "slice");
        int len = shape[a];
        int s = start < 0 ? start + len : start;
        int e = end < 0 ? end + len : end;
        s = Math.max(0, Math.min(s, len));
        e = Math.max(s, Math.min(e, len));
        int outer = prod(shape, 0, a);
        int inner = prod(shape, a + 1, shape.length);
        int[] outShape = shape.clone();
        outShape[a] = e - s;
        float[] src = x.buffer();
        float[] dst = new float[outer * (e - s) * inner];
        int block = (e - s) * inner;
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, (o * len + s) * inner, dst, o * block, block);
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(dst, outShape);
        }
        final int fs = s;
        return Tensor.fromOp(dst, outShape, new Node(x) {
            @Override
            public void backward(Tensor out, float[] g) {
                float[] gx = gradOf(x);
                for (int o = 0; o < outer; o++) {
                    int base = (o * len + fs) * inner;
                    for (int i = 0; i < block; i++) {
                        gx[base + i] += g[o * block + i];
                    }
                }
            }

            @Override
            public String name() {
                return "slice";
            }
        });
    }

    /** The entries along axis 0 at the given indices (negative ones count from the end). Differentiable. */
    public static Tensor take(Tensor x, int[] indices) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException("take: needs a tensor of rank >= 1, got a scalar");
        }
        return Gather.take(x, indices, new int[]{indices.length}, 0);
    }

    public static Tensor permute(Tensor x, int[] perm) {
        int[] shape = x.shape();
        int r = shape.length;
        if (perm.length != r) {
            throw new IllegalArgumentException("permute: " + perm.length + " axes " + Arrays.toString(perm)
                    + " given for a tensor of rank " + r + " and shape " + str(shape));
        }
        boolean[] seen = new boolean[r];
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = axis(perm[i], r, "permute");
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permute: axis " + perm[i] + " repeated in " + Arrays.toString(perm));
            }
            seen[p[i]] = true;
        }
        int[] outShape = new int[r];
        boolean identity = true;
        for (int i = 0; i < r; i++) {
            outShape[i] = shape[p[i]];
            identity &= p[i] == i;
        }
        if (identity) {
            return reshape(x, outShape);
        }
        float[] dst = permuteData(x.buffer(), shape, p);
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(dst, outShape);
        }
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            inverse[p[i]] = i;
        }
        return Tensor.fromOp(dst, outShape, new Node(x) {
            @Override
            public void backward(Tensor out, float[] g) {
                accumulate(x, permuteData(g, outShape, inverse));
            }

            @Override
            public String name() {
                return "permute";
            }
        });
    }

    /** Copies src (shape) into a new array laid out with axes reordered by perm. */
    static float[] permuteData(float[] src, int[] shape, int[] perm) {
        int r = shape.length;
        float[] dst = new float[src.length];
        if (r == 2 && perm[0] == 1) {
            int rows = shape[0], cols = shape[1];
            // blocked transpose for cache friendliness
            final int bs = 32;
            for (int i0 = 0; i0 < rows; i0 += bs) {
                for (int j0 = 0; j0 < cols; j0 += bs) {
                    int i1 = Math.min(rows, i0 + bs), j1 = Math.min(cols, j0 + bs);
                    for (int i = i0; i < i1; i++) {
                        for (int j = j0; j < j1; j++) {
                            dst[j * rows + i] = src[i * cols + j];
                        }
                    }
                }
            }
            return dst;
        }
        int[] inStrides = strides(shape);
        int[] outShape = new int[r];
        int[] srcStride = new int[r];
        for (int i = 0; i < r; i++) {
            outShape[i] = shape[perm[i]];
            srcStride[i] = inStrides[perm[i]];
        }
        int[] idx = new int[r];
        int off = 0;
        for (int o = 0; o < dst.length; o++) {
            dst[o] = src[off];
            for (int ax = r - 1; ax >= 0; ax--) {
                idx[ax]++;
                off += srcStride[ax];
                if (idx[ax] < outShape[ax]) {
                    break;
                }
                off -= srcStride[ax] * outShape[ax];
                idx[ax] = 0;
            }
        }
        return dst;
    }

    public static Tensor expandDims(Tensor x, int axis) {
        int[] shape = x.shape();
        int a = axis < 0 ? axis + shape.length + 1 : axis;
        if (a < 0 || a > shape.length) {
            throw new IllegalArgumentException("expandDims: axis " + axis + " is out of range for shape " + str(shape)
                    + " (valid: " + (-shape.length - 1) + " to " + shape.length + ")");
        }
        int[] s = new int[shape.length + 1];
        System.arraycopy(shape, 0, s, 0, a);
        s[a] = 1;
        System.arraycopy(shape, a, s, a + 1, shape.length - a);
        return reshape(x, s);
    }

    public static Tensor squeeze(Tensor x, int[] axes) {
        int[] shape = x.shape();
        boolean[] drop = new boolean[shape.length];
        if (axes == null || axes.length == 0) {
            for (int i = 0; i < shape.length; i++) {
                drop[i] = shape[i] == 1;
            }
        } else {
            for (int ax : axes) {
                int a = axis(ax, shape.length, "squeeze");
                if (shape[a] != 1) {
                    throw new IllegalArgumentException("squeeze: axis " + ax + " of shape " + str(shape) + " has length "
                            + shape[a] + ", not 1");
                }
                drop[a] = true;
            }
        }
        int[] s = new int[shape.length];
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!drop[i]) {
                s[n++] = shape[i];
            }
        }
        return reshape(x, Arrays.copyOf(s, n));
    }

    public static Tensor concat(int axis, Tensor... ts) {
        if (ts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        int[] first = ts[0].shape();
        int ax = axis(axis, first.length, "concat");
        int total = 0;
        for (Tensor t : ts) {
            int[] s = t.shape();
            if (s.length != first.length) {
                throw new IllegalArgumentException("concat: ranks differ: " + str(first) + " and " + str(s));
            }
            for (int i = 0; i < s.length; i++) {
                if (i != ax && s[i] != first[i]) {
                    throw new IllegalArgumentException("concat: shapes " + str(first) + " and " + str(s)
                            + " differ outside axis " + axis);
                }
            }
            total += s[ax];
        }
        int outer = prod(first, 0, ax);
        int inner = prod(first, ax + 1, first.length);
        int[] outShape = first.clone();
        outShape[ax] = total;
        float[] dst = new float[outer * total * inner];
        int[] offsets = new int[ts.length];
        int offAlong = 0;
        for (int k = 0; k < ts.length; k++) {
            offsets[k] = offAlong;
            int len = ts[k].shape(ax);
            float[] src = ts[k].buffer();
            for (int o = 0; o < outer; o++) {
                System.arraycopy(src, o * len * inner, dst, (o * total + offAlong) * inner, len * inner);
            }
            offAlong += len;
        }
        if (!Autograd.needsGrad(ts)) {
            return Tensor.wrap(dst, outShape);
        }
        Tensor[] inputs = ts.clone();
        final int a = ax;
        final int totalLen = total;
        return Tensor.fromOp(dst, outShape, new Node(inputs) {
            @Override
            public void backward(Tensor out, float[] g) {
                for (int k = 0; k < inputs.length; k++) {
                    if (!inputs[k].requiresGrad()) {
                        continue;
                    }
                    int len = inputs[k].shape(a);
                    float[] gk = gradOf(inputs[k]);
                    for (int o = 0; o < outer; o++) {
                        int src = (o * totalLen + offsets[k]) * inner;
                        int dstOff = o * len * inner;
                        for (int i = 0; i < len * inner; i++) {
                            gk[dstOff + i] += g[src + i];
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "concat";
            }
        });
    }

    public static Tensor stack(int axis, Tensor... ts) {
        if (ts.length == 0) {
            throw new IllegalArgumentException("stack: no tensors");
        }
        Tensor[] expanded = new Tensor[ts.length];
        int rank = ts[0].rank();
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of range for stacking tensors of rank "
                    + rank + " (valid: " + (-rank - 1) + " to " + rank + ")");
        }
        for (int i = 0; i < ts.length; i++) {
            if (!Arrays.equals(ts[i].shape(), ts[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + str(ts[0].shape()) + " and "
                        + str(ts[i].shape()) + " differ");
            }
            expanded[i] = expandDims(ts[i], a);
        }
        return concat(a, expanded);
    }

    /** Splits along an axis into {@code sections} equal parts (numpy.split). Differentiable. */
    public static Tensor[] split(Tensor x, int sections, int axis) {
        int[] shape = x.shape();
        int a = axis(axis, shape.length, "split");
        if (sections <= 0 || shape[a] % sections != 0) {
            throw new IllegalArgumentException("split: axis " + axis + " of shape " + str(shape) + " (length "
                    + shape[a] + ") does not split into " + sections + " equal sections");
        }
        int step = shape[a] / sections;
        Tensor[] parts = new Tensor[sections];
        for (int i = 0; i < sections; i++) {
            parts[i] = slice(x, a, i * step, (i + 1) * step);
        }
        return parts;
    }

    /** Repeats each element {@code repeats} times along an axis (numpy.repeat). Differentiable. */
    public static Tensor repeat(Tensor x, int repeats, int axis) {
        int[] shape = x.shape();
        int a = axis(axis, shape.length, "repeat");
        if (repeats < 0) {
            throw new IllegalArgumentException("repeat: repeats must be >= 0, got " + repeats);
        }
        int[] expanded = new int[shape.length + 1];
        System.arraycopy(shape, 0, expanded, 0, a + 1);
        expanded[a + 1] = repeats;
        System.arraycopy(shape, a + 1, expanded, a + 2, shape.length - a - 1);
        int[] result = shape.clone();
        result[a] = shape[a] * repeats;
        return expandDims(x, a + 1).broadcastTo(expanded).reshape(result);
    }

    /** Tiles the tensor {@code reps[i]} times along axis i (numpy.tile, same rank). Differentiable. */
    public static Tensor tile(Tensor x, int[] reps) {
        int[] shape = x.shape();
        if (reps.length != shape.length) {
            throw new IllegalArgumentException("tile: " + reps.length + " repetitions " + Arrays.toString(reps)
                    + " for a tensor of shape " + str(shape) + "; give one per axis");
        }
        int r = shape.length;
        int[] interleaved = new int[2 * r];
        int[] target = new int[2 * r];
        int[] result = new int[r];
        for (int i = 0; i < r; i++) {
            if (reps[i] < 0) {
                throw new IllegalArgumentException("tile: repetitions must be >= 0, got " + Arrays.toString(reps));
            }
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = shape[i];
            target[2 * i] = reps[i];
            target[2 * i + 1] = shape[i];
            result[i] = reps[i] * shape[i];
        }
        return x.reshape(interleaved).broadcastTo(target).reshape(result);
    }
}
