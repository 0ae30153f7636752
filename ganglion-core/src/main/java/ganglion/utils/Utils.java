package ganglion.utils;

import ganglion.Tensor;

import java.util.Arrays;

/**
 * Keras's array utilities ({@code keras.utils}): {@link #toCategorical(Tensor, int)} ({@code to_categorical})
 * and {@link #normalize(Tensor, int, double)} ({@code normalize}), on NumPy-array inputs.
 */
public final class Utils {

    private Utils() {
    }

    /**
     * One-hot encodes class indices, as Keras's {@code to_categorical(labels, num_classes)}: the result has
     * the labels' shape plus a last axis of {@code numClasses}, except that a trailing axis of 1 is dropped
     * first when the labels have rank 2 or more, so (n) and (n, 1) labels both give (n, numClasses).
     *
     * @throws IllegalArgumentException if a label is negative, not a whole number, or not below
     *                                  {@code numClasses} (Keras would wrap negative labels around)
     */
    public static Tensor toCategorical(Tensor labels, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("toCategorical: numClasses must be a positive integer. "
                    + "Received: numClasses=" + numClasses);
        }
        float[] y = labels.buffer();
        for (int i = 0; i < y.length; i++) {
            checkLabel(y[i], i, numClasses, labels);
        }
        int[] in = labels.shape();
        int[] base = in.length > 1 && in[in.length - 1] == 1 ? Arrays.copyOf(in, in.length - 1) : in;
        int[] outShape = Arrays.copyOf(base, base.length + 1);
        outShape[base.length] = numClasses;
        if ((long) y.length * numClasses > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("toCategorical: " + y.length + " labels x " + numClasses
                    + " classes is more than a Java array holds");
        }
        float[] out = new float[y.length * numClasses];
        for (int i = 0; i < y.length; i++) {
            out[i * numClasses + (int) y[i]] = 1f;
        }
        return Tensor.wrap(out, outShape);
    }

    /** {@code to_categorical(labels)}: the number of classes is the largest label + 1. */
    public static Tensor toCategorical(Tensor labels) {
        float[] y = labels.buffer();
        if (y.length == 0) {
            throw new IllegalArgumentException("toCategorical: cannot infer numClasses from empty labels; "
                    + "pass numClasses");
        }
        float max = 0;
        for (int i = 0; i < y.length; i++) {
            checkLabel(y[i], i, Integer.MAX_VALUE, labels);
            max = Math.max(max, y[i]);
        }
        return toCategorical(labels, (int) max + 1);
    }

    /** One-hot encodes an int array of labels: shape (n, numClasses). */
    public static Tensor toCategorical(int[] labels, int numClasses) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("toCategorical: label " + labels[i] + " at index " + i
                        + " is outside [0, " + numClasses + ")");
            }
            f[i] = labels[i];
        }
        return toCategorical(Tensor.wrap(f, labels.length), numClasses);
    }

    private static void checkLabel(float v, int i, int numClasses, Tensor labels) {
        if (Float.isNaN(v) || v != Math.rint(v)) {
            throw new IllegalArgumentException("toCategorical: label " + v + " at flat index " + i
                    + " of labels with shape " + Arrays.toString(labels.shape()) + " is not a whole number; "
                    + "labels must be class indices 0.." + (numClasses == Integer.MAX_VALUE ? "n-1" : numClasses - 1));
        }
        if (v < 0) {
            throw new IllegalArgumentException("toCategorical: label " + (long) v + " at flat index " + i
                    + " is negative; labels must be class indices starting at 0");
        }
        if (v >= numClasses) {
            throw new IllegalArgumentException("toCategorical: label " + (long) v + " at flat index " + i
                    + " is not below numClasses=" + numClasses + "; pass a larger numClasses");
        }
    }

    /** {@code normalize(x)}: divides by the L2 norm along the last axis. */
    public static Tensor normalize(Tensor x) {
        return normalize(x, -1, 2);
    }

    /**
     * Keras's {@code normalize(x, axis, order)} on arrays: divides {@code x} by its {@code order}-norm along
     * {@code axis} (NumPy's {@code linalg.norm}: any p, including 1, 2, {@code Double.POSITIVE_INFINITY},
     * {@code Double.NEGATIVE_INFINITY} and 0), where a zero norm counts as 1. Norms are computed in double.
     */
    public static Tensor normalize(Tensor x, int axis, double order) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException("normalize: needs at least one axis, got a scalar");
        }
        int ax = axis < 0 ? axis + shape.length : axis;
        if (ax < 0 || ax >= shape.length) {
            throw new IllegalArgumentException("normalize: axis " + axis + " is out of range for shape "
                    + Arrays.toString(shape));
        }
        int len = shape[ax];
        int inner = 1;
        for (int d = ax + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        int outer = len == 0 || inner == 0 ? 0 : x.buffer().length / (len * inner);
        float[] src = x.buffer();
        float[] out = new float[src.length];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * len * inner + in;
                double norm = norm(src, base, inner, len, order);
                if (norm == 0) {
                    norm = 1;
                }
                for (int k = 0; k < len; k++) {
                    int idx = base + k * inner;
                    out[idx] = (float) (src[idx] / norm);
                }
            }
        }
        return Tensor.wrap(out, shape);
    }

    private static double norm(float[] a, int base, int stride, int len, double p) {
        double acc;
        if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
            acc = p > 0 ? 0 : Double.POSITIVE_INFINITY;
            for (int k = 0; k < len; k++) {
                double v = Math.abs(a[base + k * stride]);
                acc = p > 0 ? Math.max(acc, v) : Math.min(acc, v);
            }
            return acc;
        }
        acc = 0;
        for (int k = 0; k < len; k++) {
            double v = Math.abs(a[base + k * stride]);
            if (p == 0) {
                acc += v != 0 ? 1 : 0;
            } else if (p == 1) {
                acc += v;
            } else if (p == 2) {
                acc += v * v;
            } else {
                acc += Math.pow(v, p);
            }
        }
        if (p == 0 || p == 1) {
            return acc;
        }
        return p == 2 ? Math.sqrt(acc) : Math.pow(acc, 1 / p);
    }
}
