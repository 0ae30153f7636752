package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

import java.util.Arrays;

/** Elementwise arithmetic with broadcasting, and its gradients. */
public final class Elementwise {

    private Elementwise() {
    }

    /** Binary ops. */
    public enum Op { ADD, SUB, MUL, DIV, MAX, MIN }

    /** Comparisons, giving 0/1 and no gradient. */
    public enum Cmp { EQ, GT, LT }

    /** Unary ops with a closed-form derivative. */
    public enum Unary { SQUARE, SQRT, EXP, LOG, ABS, SIGN }

    public static Tensor binary(Op op, Tensor a, Tensor b) {
        int[] as = a.shape(), bs = b.shape();
        float[] ad = a.buffer(), bd = b.buffer();
        int[] outShape;
        float[] out;
        Kernels k = KernelProvider.get();
        if (Arrays.equals(as, bs)) {
            outShape = as;
            out = new float[ad.length];
            same(k, op, ad, 0, bd, 0, out, 0, ad.length);
        } else {
            outShape = Broadcast.shape(as, bs, op.name().toLowerCase());
            int n = Shapes.checkedSize(outShape);
            out = new float[n];
            if (bd.length == 1 && ad.length == n) {
                float y = bd[0];
                for (int i = 0; i < n; i++) {
                    out[i] = apply(op, ad[i], y);
                }
            } else if (Broadcast.isSuffix(bs, as) && ad.length == n && bd.length > 0) {
                // a[rows, cols] op b[cols]: the bias case
                int cols = bd.length;
                if (op == Op.ADD) {
                    k.addRowVector(ad, 0, bd, 0, out, 0, n / cols, cols);
                } else {
                    for (int r = 0; r < n; r += cols) {
                        same(k, op, ad, r, bd, 0, out, r, cols);
                    }
                }
            } else {
                int[] am = Broadcast.indexMap(as, outShape);
                int[] bm = Broadcast.indexMap(bs, outShape);
                for (int i = 0; i < n; i++) {
                    out[i] = apply(op, ad[am[i]], bd[bm[i]]);
                }
            }
        }
        if (!Autograd.needsGrad(a, b)) {
            return Tensor.wrap(out, outShape);
        }
        final int[] os = outShape;
        return Tensor.fromOp(out, outShape, new Node(a, b) {
            @Override
            public void backward(Tensor result, float[] g) {
                binaryBackward(op, a, b, os, g);
            }

            @Override
            public String name() {
                return op.name().toLowerCase();
            }
        });
    }

    private static void same(Kernels k, Op op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> k.add(a, ao, b, bo, out, oo, n);
            case SUB -> k.sub(a, ao, b, bo, out, oo, n);
            case MUL -> k.mul(a, ao, b, bo, out, oo, n);
            case DIV -> k.div(a, ao, b, bo, out, oo, n);
            default -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = apply(op, a[ao + i], b[bo + i]);
                }
            }
        }
    }

    private static float apply(Op op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAX -> x >= y || Float.isNaN(x) ? x : y;
            case MIN -> x <= y || Float.isNaN(x) ? x : y;
        };
    }

    private static void binaryBackward(Op op, Tensor a, Tensor b, int[] outShape, float[] g) {
        int[] as = a.shape(), bs = b.shape();
        int n = g.length;
        float[] ad = a.buffer(), bd = b.buffer();
        boolean sameA = ad.length == n, sameB = bd.length == n;
        int[] am = sameA ? null : Broadcast.indexMap(as, outShape);
        int[] bm = sameB ? null : Broadcast.indexMap(bs, outShape);
        if (a.requiresGrad()) {
            float[] ga;
            switch (op) {
                case ADD, SUB -> ga = g.clone();
                case MUL -> {
                    ga = new float[n];
                    for (int i = 0; i < n; i++) {
                        ga[i] = g[i] * bd[sameB ? i : bm[i]];
                    }
                }
                case DIV -> {
                    ga = new float[n];
                    for (int i = 0; i < n; i++) {
                        ga[i] = g[i] / bd[sameB ? i : bm[i]];
                    }
                }
                default -> {
                    ga = new float[n];
                    for (int i = 0; i < n; i++) {
                        float x = ad[sameA ? i : am[i]], y = bd[sameB ? i : bm[i]];
                        boolean pick = op == Op.MAX ? x >= y : x <= y;
                        ga[i] = pick ? g[i] : 0f;
                    }
                }
            }
            accumulateInto(a, Broadcast.reduceTo(ga, outShape, as));
        }
        if (b.requiresGrad()) {
            float[] gb = new float[n];
            switch (op) {
                case ADD -> System.arraycopy(g, 0, gb, 0, n);
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        gb[i] = -g[i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        gb[i] = g[i] * ad[sameA ? i : am[i]];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        float y = bd[sameB ? i : bm[i]];
                        gb[i] = -g[i] * ad[sameA ? i : am[i]] / (y * y);
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        float x = ad[sameA ? i : am[i]], y = bd[sameB ? i : bm[i]];
                        boolean pickA = op == Op.MAX ? x >= y : x <= y;
                        gb[i] = pickA ? 0f : g[i];
                    }
                }
            }
            accumulateInto(b, Broadcast.reduceTo(gb, outShape, bs));
        }
    }

    /** Accumulates into t's gradient (a small bridge: Node.accumulate is protected). */
    static void accumulateInto(Tensor t, float[] grad) {
        GradSink.add(t, grad);
    }

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
                accumulate(a, g.clone());
            }

            @Override
            public String name() {
                return "add_scalar";
            }
        });
    }

    public static Tensor mulScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        KernelProvider.get().mulScalar(ad, 0, s, out, 0, ad.length);
        return scaled(a, out, s, "mul_scalar");
    }

    public static Tensor divScalar(Tensor a, float s) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = ad[i] / s;
        }
        return scaled(a, out, 1f / s, "div_scalar");
    }

    private static Tensor scaled(Tensor a, float[] out, float factor, String name) {
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = new float[g.length];
                KernelProvider.get().mulScalar(g, 0, factor, ga, 0, g.length);
                accumulate(a, ga);
            }

            @Override
            public String name() {
                return name;
            }
        });
    }

    public static Tensor pow(Tensor a, float p) {
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
                float[] ga = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    ga[i] = g[i] * p * (float) Math.pow(ad[i], p - 1);
                }
                accumulate(a, ga);
            }

            @Override
            public String name() {
                return "pow";
            }
        });
    }

    public static Tensor unary(Unary op, Tensor a) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            float x = ad[i];
            out[i] = switch (op) {
                case SQUARE -> x * x;
                case SQRT -> (float) Math.sqrt(x);
                case EXP -> (float) Math.exp(x);
                case LOG -> (float) Math.log(x);
                case ABS -> Math.abs(x);
                case SIGN -> Math.signum(x);
            };
        }
        if (!Autograd.needsGrad(a) || op == Unary.SIGN) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    float x = ad[i], y = out[i];
                    float d = switch (op) {
                        case SQUARE -> 2f * x;
                        case SQRT -> 0.5f / y;
                        case EXP -> y;
                        case LOG -> 1f / x;
                        case ABS -> Math.signum(x);
                        case SIGN -> 0f;
                    };
                    ga[i] = g[i] * d;
                }
                accumulate(a, ga);
            }

            @Override
            public String name() {
                return op.name().toLowerCase();
            }
        });
    }

    public static Tensor clip(Tensor a, float lo, float hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clip: min " + lo + " is greater than max " + hi);
        }
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = Math.min(Math.max(ad[i], lo), hi);
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    ga[i] = ad[i] >= lo && ad[i] <= hi ? g[i] : 0f;
                }
                accumulate(a, ga);
            }

            @Override
            public String name() {
                return "clip";
            }
        });
    }

    public static Tensor compare(Cmp cmp, Tensor a, Tensor b) {
        int[] outShape = Broadcast.shape(a.shape(), b.shape(), cmp.name().toLowerCase());
        int n = Shapes.checkedSize(outShape);
        int[] am = Broadcast.indexMap(a.shape(), outShape);
        int[] bm = Broadcast.indexMap(b.shape(), outShape);
        float[] ad = a.buffer(), bd = b.buffer();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float x = ad[am[i]], y = bd[bm[i]];
            boolean r = switch (cmp) {
                case EQ -> x == y;
                case GT -> x > y;
                case LT -> x < y;
            };
            out[i] = r ? 1f : 0f;
        }
        return Tensor.wrap(out, outShape);
    }

    public static Tensor broadcastTo(Tensor a, int[] target) {
        int[] outShape = Broadcast.shape(a.shape(), target, "broadcastTo");
        if (!Arrays.equals(outShape, target)) {
            throw new IllegalArgumentException("broadcastTo: " + Shapes.str(a.shape()) + " cannot be broadcast to "
                    + Shapes.str(target));
        }
        return binary(Op.ADD, a, Tensor.zeros(target));
    }
}
