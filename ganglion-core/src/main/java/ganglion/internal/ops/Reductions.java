package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

import java.util.Arrays;

/**
 * Sum, mean, max, min, logsumexp and cumsum over axes, and arg-max/min (Keras's {@code keras.ops.sum} etc.).
 *
 * <p>When the reduced axes are contiguous (ignoring axes of length 1) the data is viewed as
 * {@code [outer, len, inner]} and reduced over {@code len} directly, with no index map: this covers
 * reducing the last axes, the first axes, and a middle block such as a global pooling's {@code (1, 2)} of
 * NHWC. Other axis sets move the reduced axes last with a permute first.
 */
public final class Reductions {

    private Reductions() {
    }

    /** Which axes are reduced (all when axes is null). */
    private static boolean[] reducedAxes(int rank, int[] axes, String op) {
        boolean[] r = new boolean[rank];
        if (axes == null) {
            Arrays.fill(r, true);
            return r;
        }
        for (int a : axes) {
            int ax = Shapes.axis(a, rank, op);
            if (r[ax]) {
                throw new IllegalArgumentException(op + ": axis " + a + " is repeated in " + Arrays.toString(axes));
            }
            r[ax] = true;
        }
        return r;
    }

    private static int[] outShape(int[] shape, boolean[] reduced, boolean keepDims) {
        int n = 0;
        for (boolean b : reduced) {
            n += b ? 0 : 1;
        }
        int[] s = new int[keepDims ? shape.length : n];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (keepDims) {
                s[i] = reduced[i] ? 1 : shape[i];
            } else if (!reduced[i]) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    /** {outer, len, inner} when the reduced axes are contiguous once length-1 axes are ignored, else null. */
    private static int[] run(int[] shape, boolean[] red) {
        int first = -1, last = -1;
        for (int i = 0; i < shape.length; i++) {
            if (red[i] && shape[i] != 1) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new int[]{Shapes.prod(shape, 0, shape.length), 1, 1};
        }
        for (int i = first; i <= last; i++) {
            if (!red[i] && shape[i] != 1) {
                return null;
            }
        }
        return new int[]{Shapes.prod(shape, 0, first), Shapes.prod(shape, first, last + 1),
                Shapes.prod(shape, last + 1, shape.length)};
    }

    /** The same reduction after moving the reduced axes last (for scattered axis sets). */
    private static Tensor viaPermute(Tensor x, boolean[] red, boolean keepDims, Kind kind) {
        int r = red.length;
        int[] perm = new int[r];
        int j = 0, nRed = 0;
        for (int i = 0; i < r; i++) {
            if (!red[i]) {
                perm[j++] = i;
            }
        }
        for (int i = 0; i < r; i++) {
            if (red[i]) {
                perm[j++] = i;
                nRed++;
            }
        }
        int[] trailing = new int[nRed];
        for (int i = 0; i < nRed; i++) {
            trailing[i] = r - nRed + i;
        }
        Tensor y = reduce(x.permute(perm), trailing, false, kind);
        return keepDims ? y.reshape(outShape(x.shape(), red, true)) : y;
    }

    private enum Kind { SUM, MEAN, MAX, MIN }

    private static Tensor reduce(Tensor x, int[] axes, boolean keepDims, Kind kind) {
        return switch (kind) {
            case SUM -> sum(x, axes, keepDims);
            case MEAN -> mean(x, axes, keepDims);
            case MAX -> max(x, axes, keepDims);
            case MIN -> min(x, axes, keepDims);
        };
    }

    /** Sum over axes (all when axes is null). */
    public static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        return sumScaled(x, axes, keepDims, Kind.SUM);
    }

    /** Mean over axes (all when axes is null); NaN over an empty axis, as numpy. */
    public static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        return sumScaled(x, axes, keepDims, Kind.MEAN);
    }

    private static Tensor sumScaled(Tensor x, int[] axes, boolean keepDims, Kind kind) {
        int[] shape = x.shape();
        boolean mean = kind == Kind.MEAN;
        boolean[] red = reducedAxes(shape.length, axes, mean ? "mean" : "sum");
        int[] run = run(shape, red);
        if (run == null) {
            return viaPermute(x, red, keepDims, kind);
        }
        int[] outShape = outShape(shape, red, keepDims);
        int outer = run[0], len = run[1], inner = run[2];
        float[] xd = x.buffer();
        float[] out = new float[outer * inner];
        Kernels k = KernelProvider.get();
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                out[o] = k.sum(xd, o * len, len);
            }
        } else {
            for (int o = 0; o < outer; o++) {
                k.sumRowsInto(xd, o * len * inner, len, inner, out, o * inner);
            }
        }
        float scale = mean ? (len == 0 ? Float.NaN : 1f / len) : 1f;
        if (mean) {
            k.mulScalar(out, 0, scale, out, 0, out.length);
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(x) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] gx = gradOf(x);
                Kernels kk = KernelProvider.get();
                if (inner == 1) {
                    for (int o = 0; o < outer; o++) {
                        float v = g[o] * scale;
                        int base = o * len;
                        for (int i = base; i < base + len; i++) {
                            gx[i] += v;
                        }
                    }
                } else {
                    for (int o = 0; o < outer; o++) {
                        for (int l = 0; l < len; l++) {
                            kk.axpy(scale, g, o * inner, gx, (o * len + l) * inner, inner);
                        }
                    }
                }
            }

            @Override
            public String name() {
                return mean ? "mean" : "sum";
            }
        });
    }

    /** Maximum over axes; NaN wins; the gradient is split equally between tied maxima (as TF and JAX). */
    public static Tensor max(Tensor x, int[] axes, boolean keepDims) {
        return extreme(x, axes, keepDims, true);
    }

    /** Minimum over axes; NaN wins; the gradient is split equally between tied minima. */
    public static Tensor min(Tensor x, int[] axes, boolean keepDims) {
        return extreme(x, axes, keepDims, false);
    }

    private static Tensor extreme(Tensor x, int[] axes, boolean keepDims, boolean isMax) {
        int[] shape = x.shape();
        String op = isMax ? "max" : "min";
        boolean[] red = reducedAxes(shape.length, axes, op);
        for (int i = 0; i < shape.length; i++) {
            if (red[i] && shape[i] == 0) {
                throw new IllegalArgumentException(op + ": zero-size axis " + i + " of shape " + Shapes.str(shape)
                        + " has no " + (isMax ? "maximum" : "minimum"));
            }
        }
        int[] run = run(shape, red);
        if (run == null) {
            return viaPermute(x, red, keepDims, isMax ? Kind.MAX : Kind.MIN);
        }
        int[] outShape = outShape(shape, red, keepDims);
        int outer = run[0], len = run[1], inner = run[2];
        float[] xd = x.buffer();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            int ob = o * inner;
            System.arraycopy(xd, o * len * inner, out, ob, inner);
            for (int l = 1; l < len; l++) {
                int xb = (o * len + l) * inner;
                if (isMax) {
                    for (int i = 0; i < inner; i++) {
                        float v = xd[xb + i];
                        if (v > out[ob + i] || v != v) {
                            out[ob + i] = v;
                        }
                    }
                } else {
                    for (int i = 0; i < inner; i++) {
                        float v = xd[xb + i];
                        if (v < out[ob + i] || v != v) {
                            out[ob + i] = v;
                        }
                    }
                }
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(x) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] gx = gradOf(x);
                float[] count = new float[out.length];
                for (int o = 0; o < outer; o++) {
                    for (int l = 0; l < len; l++) {
                        int xb = (o * len + l) * inner, ob = o * inner;
                        for (int i = 0; i < inner; i++) {
                            if (hit(xd[xb + i], out[ob + i])) {
                                count[ob + i]++;
                            }
                        }
                    }
                }
                for (int o = 0; o < outer; o++) {
                    for (int l = 0; l < len; l++) {
                        int xb = (o * len + l) * inner, ob = o * inner;
                        for (int i = 0; i < inner; i++) {
                            if (hit(xd[xb + i], out[ob + i])) {
                                gx[xb + i] += g[ob + i] / count[ob + i];
                            }
                        }
                    }
                }
            }

            @Override
            public String name() {
                return op;
            }
        });
    }

    private static boolean hit(float v, float m) {
        return v == m || (v != v && m != m);
    }

    /**
     * log(sum(exp(x))) over axes, computed stably by subtracting the (non-differentiated) maximum, as
     * keras.ops.logsumexp.
     */
    public static Tensor logSumExp(Tensor x, int[] axes, boolean keepDims) {
        int[] shape = x.shape();
        boolean[] red = reducedAxes(shape.length, axes, "logSumExp");
        Tensor m;
        try (var s = Autograd.noGrad()) {
            m = max(x.detach(), axes, true);
        }
        float[] md = m.buffer();
        for (int i = 0; i < md.length; i++) {
            if (!Float.isFinite(md[i])) {
                md[i] = 0f;
            }
        }
        Tensor r = x.sub(m).exp().sum(axes == null ? allAxes(shape.length) : axes, true).log().add(m);
        return keepDims ? r : r.reshape(outShape(shape, red, false));
    }

    private static int[] allAxes(int rank) {
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Cumulative sum along an axis (numpy.cumsum); the gradient is the reversed cumulative sum. */
    public static Tensor cumsum(Tensor x, int axis) {
        int[] shape = x.shape();
        if (shape.length == 0) {
            return x.reshape(1).mul(1f);
        }
        int a = Shapes.axis(axis, shape.length, "cumsum");
        int outer = Shapes.prod(shape, 0, a), len = shape[a], inner = Shapes.prod(shape, a + 1, shape.length);
        float[] xd = x.buffer();
        float[] out = new float[xd.length];
        for (int o = 0; o < outer; o++) {
            int base = o * len * inner;
            System.arraycopy(xd, base, out, base, Math.min(inner, xd.length - base));
            for (int l = 1; l < len; l++) {
                int cur = base + l * inner, prev = cur - inner;
                for (int i = 0; i < inner; i++) {
                    out[cur + i] = out[prev + i] + xd[cur + i];
                }
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(out, shape);
        }
        return Tensor.fromOp(out, shape, new Node(x) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] gx = gradOf(x);
                float[] acc = new float[inner];
                for (int o = 0; o < outer; o++) {
                    Arrays.fill(acc, 0f);
                    int base = o * len * inner;
                    for (int l = len - 1; l >= 0; l--) {
                        int cur = base + l * inner;
                        for (int i = 0; i < inner; i++) {
                            acc[i] += g[cur + i];
                            gx[cur + i] += acc[i];
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "cumsum";
            }
        });
    }

    /** Indices of the maxima (or minima) along an axis, as float values; first one on ties, NaN wins. */
    public static Tensor argIndex(Tensor x, int axis, boolean isMax) {
        int[] shape = x.shape();
        String op = isMax ? "argmax" : "argmin";
        int a = Shapes.axis(axis, shape.length, op);
        int outer = Shapes.prod(shape, 0, a);
        int len = shape[a];
        int inner = Shapes.prod(shape, a + 1, shape.length);
        if (len == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of shape " + Shapes.str(shape) + " is empty");
        }
        float[] xd = x.buffer();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * len * inner + in;
                int best = 0;
                float bv = xd[base];
                for (int j = 1; j < len && bv == bv; j++) {
                    float v = xd[base + j * inner];
                    if ((isMax ? v > bv : v < bv) || v != v) {
                        best = j;
                        bv = v;
                    }
                }
                out[o * inner + in] = best;
            }
        }
        int[] outShape = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != a) {
                outShape[j++] = shape[i];
            }
        }
        return Tensor.wrap(out, outShape);
    }
}
