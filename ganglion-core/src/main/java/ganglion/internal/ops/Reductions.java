package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;

/** Sum, mean, max, min over axes, and arg-max/min. */
public final class Reductions {

    private Reductions() {
    }

    /** Which axes are reduced (all when axes is null). */
    private static boolean[] reducedAxes(int rank, int[] axes, String op) {
        boolean[] r = new boolean[rank];
        if (axes == null) {
            java.util.Arrays.fill(r, true);
        } else {
            for (int a : axes) {
                r[Shapes.axis(a, rank, op)] = true;
            }
        }
        return r;
    }

    private static int[] keptShape(int[] shape, boolean[] reduced) {
        int[] s = shape.clone();
        for (int i = 0; i < s.length; i++) {
            if (reduced[i]) {
                s[i] = 1;
            }
        }
        return s;
    }

    private static int[] outShape(int[] shape, boolean[] reduced, boolean keepDims) {
        if (keepDims) {
            return keptShape(shape, reduced);
        }
        int n = 0;
        for (boolean b : reduced) {
            if (!b) {
                n++;
            }
        }
        int[] s = new int[n];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    /** True when the reduced axes are exactly the trailing ones (contiguous rows). */
    private static boolean trailing(boolean[] reduced) {
        int i = reduced.length;
        while (i > 0 && reduced[i - 1]) {
            i--;
        }
        for (int j = 0; j < i; j++) {
            if (reduced[j]) {
                return false;
            }
        }
        return true;
    }

    public static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
        return sumScaled(x, axes, keepDims, false);
    }

    public static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        return sumScaled(x, axes, keepDims, true);
    }

    private static Tensor sumScaled(Tensor x, int[] axes, boolean keepDims, boolean mean) {
        int[] shape = x.shape();
        boolean[] red = reducedAxes(shape.length, axes, mean ? "mean" : "sum");
        int[] kept = keptShape(shape, red);
        int[] outShape = outShape(shape, red, keepDims);
        float[] xd = x.buffer();
        int outN = Shapes.checkedSize(kept);
        int count = outN == 0 ? 0 : xd.length / outN;
        float scale = mean ? 1f / Math.max(1, count) : 1f;
        float[] out = new float[outN];
        var k = KernelProvider.get();
        if (trailing(red)) {
            for (int o = 0; o < outN; o++) {
                out[o] = k.sum(xd, o * count, count);
            }
        } else if (outN > 0 && Broadcast.isSuffix(kept, shape)) {
            k.sumRowsInto(xd, 0, count, outN, out, 0);
        } else {
            int[] map = Broadcast.indexMap(kept, shape);
            for (int i = 0; i < xd.length; i++) {
                out[map[i]] += xd[i];
            }
        }
        if (mean) {
            for (int o = 0; o < outN; o++) {
                out[o] *= scale;
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(x) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] gx = gradOf(x);
                if (trailing(red)) {
                    for (int o = 0; o < outN; o++) {
                        float v = g[o] * scale;
                        int base = o * count;
                        for (int i = 0; i < count; i++) {
                            gx[base + i] += v;
                        }
                    }
                } else {
                    int[] map = Broadcast.indexMap(kept, shape);
                    for (int i = 0; i < gx.length; i++) {
                        gx[i] += g[map[i]] * scale;
                    }
                }
            }

            @Override
            public String name() {
                return mean ? "mean" : "sum";
            }
        });
    }

    public static Tensor max(Tensor x, int[] axes, boolean keepDims) {
        return extreme(x, axes, keepDims, true);
    }

    public static Tensor min(Tensor x, int[] axes, boolean keepDims) {
        return extreme(x, axes, keepDims, false);
    }

    private static Tensor extreme(Tensor x, int[] axes, boolean keepDims, boolean isMax) {
        int[] shape = x.shape();
        String op = isMax ? "max" : "min";
        if (x.size() == 0) {
            throw new IllegalArgumentException(op + ": empty tensor of shape " + Shapes.str(shape));
        }
        boolean[] red = reducedAxes(shape.length, axes, op);
        int[] kept = keptShape(shape, red);
        int[] outShape = outShape(shape, red, keepDims);
        float[] xd = x.buffer();
        int outN = Shapes.checkedSize(kept);
        float[] out = new float[outN];
        int[] where = new int[outN];
        java.util.Arrays.fill(where, -1);
        int[] map = Broadcast.indexMap(kept, shape);
        for (int i = 0; i < xd.length; i++) {
            int o = map[i];
            float v = xd[i];
            if (where[o] < 0 || (isMax ? v > out[o] : v < out[o]) || Float.isNaN(v)) {
                if (where[o] < 0 || !Float.isNaN(out[o])) {
                    out[o] = v;
                    where[o] = i;
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
                for (int o = 0; o < outN; o++) {
                    gx[where[o]] += g[o];
                }
            }

            @Override
            public String name() {
                return op;
            }
        });
    }

    public static Tensor argIndex(Tensor x, int axis, boolean isMax) {
        int[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length, isMax ? "argmax" : "argmin");
        int outer = Shapes.prod(shape, 0, a);
        int len = shape[a];
        int inner = Shapes.prod(shape, a + 1, shape.length);
        if (len == 0) {
            throw new IllegalArgumentException("argmax/argmin over an empty axis of shape " + Shapes.str(shape));
        }
        float[] xd = x.buffer();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * len * inner + in;
                int best = 0;
                float bv = xd[base];
                for (int j = 1; j < len; j++) {
                    float v = xd[base + j * inner];
                    if (!Float.isNaN(bv) && (isMax ? v > bv : v < bv) || Float.isNaN(v) && !Float.isNaN(bv)) {
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
