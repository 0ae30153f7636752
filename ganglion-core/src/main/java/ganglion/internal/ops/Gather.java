package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;

import java.util.Arrays;

/**
 * Gathering by index: {@code take} (numpy.take / keras.ops.take, what an Embedding layer does) and
 * {@code takeAlongAxis} (numpy.take_along_axis, e.g. picking each sample's true-class probability).
 * Indices are whole numbers stored as floats; negative ones count from the end. The gradient scatter-adds
 * back, so repeated indices accumulate.
 */
public final class Gather {

    private Gather() {
    }

    /** Float indices to ints, checking each is a whole number (the range is checked where it is used). */
    static int[] indices(float[] values, String op) {
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": index " + v + " is not a whole number");
            }
            r[i] = (int) v;
        }
        return r;
    }

    private static int checkIndex(int idx, int len, String op, int axis, int[] shape) {
        int r = idx < 0 ? idx + len : idx;
        if (r < 0 || r >= len) {
            throw new IndexOutOfBoundsException(op + ": index " + idx + " is out of bounds for axis " + axis
                    + " with length " + len + " (shape " + Shapes.str(shape) + ")");
        }
        return r;
    }

    /** x.take(indices, axis): output shape x.shape[:axis] + indexShape + x.shape[axis+1:]. */
    public static Tensor take(Tensor x, Tensor indices, int axis) {
        int[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length, "take");
        return take(x, indices(indices.buffer(), "take"), indices.shape(), a);
    }

    static Tensor take(Tensor x, int[] idx, int[] indexShape, int a) {
        int[] shape = x.shape();
        int len = shape[a];
        int[] rows = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            rows[i] = checkIndex(idx[i], len, "take", a, shape);
        }
        int outer = Shapes.prod(shape, 0, a), inner = Shapes.prod(shape, a + 1, shape.length);
        int m = rows.length;
        int[] outShape = new int[shape.length - 1 + indexShape.length];
        System.arraycopy(shape, 0, outShape, 0, a);
        System.arraycopy(indexShape, 0, outShape, a, indexShape.length);
        System.arraycopy(shape, a + 1, outShape, a + indexShape.length, shape.length - a - 1);
        float[] src = x.buffer();
        float[] dst = new float[Shapes.checkedSize(outShape)];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(src, (o * len + rows[j]) * inner, dst, (o * m + j) * inner, inner);
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(dst, outShape);
        }
        return Tensor.fromOp(dst, outShape, new Node(x) {
            @Override
            public void backward(Tensor out, float[] g) {
                float[] gx = gradOf(x);
                for (int o = 0; o < outer; o++) {
                    for (int j = 0; j < m; j++) {
                        int xb = (o * len + rows[j]) * inner, gb = (o * m + j) * inner;
                        for (int i = 0; i < inner; i++) {
                            gx[xb + i] += g[gb + i];
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "take";
            }
        });
    }

    /**
     * numpy.take_along_axis: out[..., j, ...] = x[..., indices[..., j, ...], ...] along {@code axis}. The
     * indices have x's rank and x's lengths on every other axis (or 1 there, broadcasting).
     */
    public static Tensor takeAlongAxis(Tensor x, Tensor indices, int axis) {
        int[] shape = x.shape(), is = indices.shape();
        int a = Shapes.axis(axis, shape.length, "takeAlongAxis");
        if (is.length != shape.length) {
            throw new IllegalArgumentException("takeAlongAxis: indices of shape " + Shapes.str(is)
                    + " must have the rank of the tensor, shape " + Shapes.str(shape));
        }
        int[] target = is.clone();
        for (int i = 0; i < shape.length; i++) {
            if (i != a) {
                if (is[i] != shape[i] && is[i] != 1) {
                    throw new IllegalArgumentException("takeAlongAxis: indices of shape " + Shapes.str(is)
                            + " do not match the tensor's shape " + Shapes.str(shape) + " outside axis " + axis);
                }
                target[i] = shape[i];
            }
        }
        if (!Arrays.equals(target, is)) {
            indices = indices.broadcastTo(target);
        }
        int len = shape[a], m = target[a];
        int outer = Shapes.prod(shape, 0, a), inner = Shapes.prod(shape, a + 1, shape.length);
        int[] idx = indices(indices.buffer(), "takeAlongAxis");
        float[] src = x.buffer();
        int[] from = new int[idx.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < inner; i++) {
                    int p = (o * m + j) * inner + i;
                    from[p] = (o * len + checkIndex(idx[p], len, "takeAlongAxis", a, shape)) * inner + i;
                }
            }
        }
        float[] dst = new float[from.length];
        for (int p = 0; p < from.length; p++) {
            dst[p] = src[from[p]];
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(dst, target);
        }
        return Tensor.fromOp(dst, target, new Node(x) {
            @Override
            public void backward(Tensor out, float[] g) {
                float[] gx = gradOf(x);
                for (int p = 0; p < from.length; p++) {
                    gx[from[p]] += g[p];
                }
            }

            @Override
            public String name() {
                return "take_along_axis";
            }
        });
    }
}
