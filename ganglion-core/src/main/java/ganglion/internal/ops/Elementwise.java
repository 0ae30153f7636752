package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;

import java.util.Arrays;

/** Elementwise arithmetic with NumPy broadcasting, and its gradients (Keras's {@code keras.ops.add} etc.). */
public final class Elementwise {

    private Elementwise() {
    }

    /** Binary ops. */
    public enum Op {
        ADD("add"), SUB("subtract"), MUL("multiply"), DIV("divide"), MAX("maximum"), MIN("minimum");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    /** Comparisons, giving 0/1 and no gradient. */
    public enum Cmp { EQ, GT, LT, GE, LE, NE }

    /**
     * Unary ops with a closed-form derivative. SIGN, FLOOR, CEIL and ROUND are piecewise constant: their
     * gradient is zero (they record no node).
     */
    public enum Unary { SQUARE, SQRT, EXP, LOG, ABS, SIGN, RECIPROCAL, LOG1P, EXPM1, SIN, COS, RSQRT, FLOOR, CEIL, ROUND }

    // ------------------------------------------------------------------ binary

    /** a op b with broadcasting. */
    public static Tensor binary(Op op, Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        int[] outShape = Broadcast.shape(as, bs, op.label);
        int ka = Broadcast.kind(as, outShape), kb = Broadcast.kind(bs, outShape);
        float[] out = new float[Shapes.checkedSize(outShape)];
        BinaryLoops.forward(op, a.buffer(), ka, as, b.buffer(), kb, bs, outShape, out);
        if (!Autograd.needsGrad(a, b)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(a, b) {
            @Override
            public void backward(Tensor result, float[] g) {
                BinaryLoops.backward(op, a, ka, b, kb, outShape, g);
            }

            @Override
            public String name() {
                return op.label;
            }
        });
    }

    // ------------------------------------------------------------------ with a float

    /** a + s. */
    public static Tensor addScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        KernelProvider.get().addScalar(ad, 0, s, out, 0, ad.length);
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                accumulate(a, g);
            }

            @Override
            public String name() {
                return "add_scalar";
            }
        });
    }

    /** a * s. */
    public static Tensor mulScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        KernelProvider.get().mulScalar(ad, 0, s, out, 0, ad.length);
        return scaled(a, out, s, "mul_scalar");
    }

    /** a / s (a true division, as numpy). */
    public static Tensor divScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = ad[i] / s;
        }
        return scaled(a, out, 1f / s, "div_scalar");
    }

    /** a * scale + shift in one pass (neg and rsub use it). */
    public static Tensor affine(Tensor a, float scale, float shift) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = ad[i] * scale + shift;
        }
        return scaled(a, out, scale, "affine");
    }

    /** s / a, elementwise. */
    public static Tensor rdivScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = s / ad[i];
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = gradOf(a);
                for (int i = 0; i < g.length; i++) {
                    ga[i] -= g[i] * out[i] / ad[i];
                }
            }

            @Override
            public String name() {
                return "rdiv_scalar";
            }
        });
    }

    private static Tensor scaled(Tensor a, float[] out, float factor, String name) {
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                KernelProvider.get().axpy(factor, g, 0, gradOf(a), 0, g.length);
            }

            @Override
            public String name() {
                return name;
            }
        });
    }

    /** a ** p. */
    public static Tensor pow(Tensor a, float p) {
        if (p == 2f) {
            return unary(Unary.SQUARE, a);
        }
        if (p == 1f) {
            return mulScalar(a, 1f);
        }
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = (float) Math.pow(ad[i], p);
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = gradOf(a);
                if (p == 0f) {
                    return;
                }
                for (int i = 0; i < g.length; i++) {
                    ga[i] += g[i] * p * (float) Math.pow(ad[i], p - 1);
                }
            }

            @Override
            public String name() {
                return "pow";
            }
        });
    }

    // ------------------------------------------------------------------ unary

    /** A unary function with its derivative. */
    public static Tensor unary(Unary op, Tensor a) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        UnaryLoops.forward(op, ad, out);
        boolean constant = op == Unary.SIGN || op == Unary.FLOOR || op == Unary.CEIL || op == Unary.ROUND;
        if (!Autograd.needsGrad(a) || constant) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                UnaryLoops.backward(op, ad, out, g, gradOf(a));
            }

            @Override
            public String name() {
                return op.name().toLowerCase();
            }
        });
    }

    /** Values limited to [lo, hi]; the gradient passes where lo &lt;= x &lt;= hi (as Keras's clip). */
    public static Tensor clip(Tensor a, float lo, float hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clip: min " + lo + " is greater than max " + hi);
        }
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            float x = ad[i];
            out[i] = x < lo ? lo : (x > hi ? hi : x);
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = gradOf(a);
                for (int i = 0; i < g.length; i++) {
                    float x = ad[i];
                    ga[i] += x >= lo && x <= hi ? g[i] : 0f;
                }
            }

            @Override
            public String name() {
                return "clip";
            }
        });
    }

    // ------------------------------------------------------------------ comparisons and selection

    /** 1 where the comparison holds, else 0 (broadcasting; no gradient). */
    public static Tensor compare(Cmp cmp, Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        int[] outShape = Broadcast.shape(as, bs, cmp.name().toLowerCase());
        int n = Shapes.checkedSize(outShape);
        float[] x = Broadcast.expand(a.buffer(), Broadcast.kind(as, outShape), as, outShape);
        float[] y = Broadcast.expand(b.buffer(), Broadcast.kind(bs, outShape), bs, outShape);
        float[] out = new float[n];
        switch (cmp) {
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] == y[i] ? 1f : 0f;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] != y[i] ? 1f : 0f;
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] > y[i] ? 1f : 0f;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] >= y[i] ? 1f : 0f;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] < y[i] ? 1f : 0f;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i] <= y[i] ? 1f : 0f;
                }
            }
        }
        return Tensor.wrap(out, outShape);
    }

    /**
     * x where condition is non-zero, else y (numpy.where, keras.ops.where), all three broadcast together.
     * The gradient flows to x where the condition holds and to y elsewhere; none to the condition.
     */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        int[] cs = condition.shape(), xs = x.shape(), ys = y.shape();
        int[] outShape;
        try {
            outShape = Broadcast.shape(Broadcast.shape(cs, xs, "where"), ys, "where");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("where: condition " + Shapes.str(cs) + ", x " + Shapes.str(xs)
                    + " and y " + Shapes.str(ys) + " cannot be broadcast together", e);
        }
        int n = Shapes.checkedSize(outShape);
        float[] c = Broadcast.expand(condition.buffer(), Broadcast.kind(cs, outShape), cs, outShape);
        int kx = Broadcast.kind(xs, outShape), ky = Broadcast.kind(ys, outShape);
        float[] xv = Broadcast.expand(x.buffer(), kx, xs, outShape);
        float[] yv = Broadcast.expand(y.buffer(), ky, ys, outShape);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i] != 0f ? xv[i] : yv[i];
        }
        if (!Autograd.needsGrad(x, y)) {
            return Tensor.wrap(out, outShape);
        }
        return Tensor.fromOp(out, outShape, new Node(x, y) {
            @Override
            public void backward(Tensor result, float[] g) {
                if (x.requiresGrad()) {
                    float[] gx = new float[n];
                    for (int i = 0; i < n; i++) {
                        gx[i] = c[i] != 0f ? g[i] : 0f;
                    }
                    Broadcast.reduceInto(gx, kx, xs, outShape, 1f, gradOf(x));
                }
                if (y.requiresGrad()) {
                    float[] gy = new float[n];
                    for (int i = 0; i < n; i++) {
                        gy[i] = c[i] != 0f ? 0f : g[i];
                    }
                    Broadcast.reduceInto(gy, ky, ys, outShape, 1f, gradOf(y));
                }
            }

            @Override
            public String name() {
                return "where";
            }
        });
    }

    /** a repeated to the given (broadcast-compatible) shape; the gradient sums back. */
    public static Tensor broadcastTo(Tensor a, int[] target) {
        int[] as = a.shape();
        int[] t = Shapes.checkShape(target);
        int[] outShape;
        try {
            outShape = Broadcast.shape(as, t, "broadcastTo");
        } catch (IllegalArgumentException e) {
            outShape = null;
        }
        if (outShape == null || !Arrays.equals(outShape, t)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(as) + " cannot be broadcast to "
                    + Shapes.str(t) + "; each axis of the input, aligned from the right, must equal the target's or be 1");
        }
        int kind = Broadcast.kind(as, t);
        float[] out = kind == Broadcast.FULL ? a.buffer() : Broadcast.expand(a.buffer(), kind, as, t);
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, t);
        }
        return Tensor.fromOp(out, t, new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                if (kind == Broadcast.FULL) {
                    accumulate(a, g);
                } else {
                    Broadcast.reduceInto(g, kind, as, t, 1f, gradOf(a));
                }
            }

            @Override
            public String name() {
                return "broadcast_to";
            }
        });
    }
}
