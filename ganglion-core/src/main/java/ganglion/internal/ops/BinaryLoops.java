package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

import static ganglion.internal.ops.Broadcast.COL;
import static ganglion.internal.ops.Broadcast.FULL;
import static ganglion.internal.ops.Broadcast.ROW;
import static ganglion.internal.ops.Broadcast.SCALAR;

/**
 * The loops behind broadcasting binary arithmetic: forward by layout (no index maps unless an operand's
 * layout is {@link Broadcast#GENERAL}), and the gradients. Each loop switches on the op once, outside the
 * loop, so the loop bodies are plain array code that the JIT vectorises.
 */
final class BinaryLoops {

    private BinaryLoops() {
    }

    /** out = a op b, with a and b in the given layouts against outShape. */
    static void forward(Elementwise.Op op, float[] a, int ka, int[] as, float[] b, int kb, int[] bs,
                        int[] outShape, float[] out) {
        int n = out.length;
        if (n == 0) {
            return;
        }
        Kernels k = KernelProvider.get();
        if (ka == FULL && kb == FULL) {
            vv(k, op, a, 0, b, 0, out, 0, n);
        } else if (ka == FULL && kb == SCALAR) {
            vs(k, op, a, 0, b[0], out, 0, n);
        } else if (ka == FULL && kb == ROW) {
            int p = b.length;
            if (op == Elementwise.Op.ADD) {
                k.addRowVector(a, 0, b, 0, out, 0, n / p, p);
            } else {
                for (int r = 0; r < n; r += p) {
                    vv(k, op, a, r, b, 0, out, r, p);
                }
            }
        } else if (ka == FULL && kb == COL) {
            int q = n / b.length;
            for (int o = 0; o < b.length; o++) {
                vs(k, op, a, o * q, b[o], out, o * q, q);
            }
        } else if (kb == FULL && ka == SCALAR) {
            sv(k, op, a[0], b, 0, out, 0, n);
        } else if (kb == FULL && ka == ROW) {
            int p = a.length;
            for (int r = 0; r < n; r += p) {
                vv(k, op, a, 0, b, r, out, r, p);
            }
        } else if (kb == FULL && ka == COL) {
            int q = n / a.length;
            for (int o = 0; o < a.length; o++) {
                sv(k, op, a[o], b, o * q, out, o * q, q);
            }
        } else {
            vv(k, op, Broadcast.expand(a, ka, as, outShape), 0, Broadcast.expand(b, kb, bs, outShape), 0,
                    out, 0, n);
        }
    }

    /** Vector op vector. */
    static void vv(Kernels k, Elementwise.Op op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> k.add(a, ao, b, bo, out, oo, n);
            case SUB -> k.sub(a, ao, b, bo, out, oo, n);
            case MUL -> k.mul(a, ao, b, bo, out, oo, n);
            case DIV -> k.div(a, ao, b, bo, out, oo, n);
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i], y = b[bo + i];
                    out[oo + i] = x >= y || x != x ? x : y;
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i], y = b[bo + i];
                    out[oo + i] = x <= y || x != x ? x : y;
                }
            }
        }
    }

    /** Vector op scalar. */
    static void vs(Kernels k, Elementwise.Op op, float[] a, int ao, float y, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> k.addScalar(a, ao, y, out, oo, n);
            case SUB -> k.addScalar(a, ao, -y, out, oo, n);
            case MUL -> k.mulScalar(a, ao, y, out, oo, n);
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] / y;
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    out[oo + i] = x >= y || x != x ? x : y;
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    out[oo + i] = x <= y || x != x ? x : y;
                }
            }
        }
    }

    /** Scalar op vector. */
    static void sv(Kernels k, Elementwise.Op op, float x, float[] b, int bo, float[] out, int oo, int n) {
        switch (op) {
            case ADD -> k.addScalar(b, bo, x, out, oo, n);
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = x - b[bo + i];
                }
            }
            case MUL -> k.mulScalar(b, bo, x, out, oo, n);
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[oo + i] = x / b[bo + i];
                }
            }
            case MAX -> {
                boolean nan = x != x;
                for (int i = 0; i < n; i++) {
                    float y = b[bo + i];
                    out[oo + i] = x >= y || nan ? x : y;
                }
            }
            case MIN -> {
                boolean nan = x != x;
                for (int i = 0; i < n; i++) {
                    float y = b[bo + i];
                    out[oo + i] = x <= y || nan ? x : y;
                }
            }
        }
    }

    /**
     * Gradients of {@code out = a op b} given dOut = g. Writes b's gradient first and a's last, so that a may
     * adopt g itself (add/sub with a full-size a: no copy at all, e.g. the bias add of a Dense layer).
     */
    static void backward(Elementwise.Op op, Tensor a, int ka, Tensor b, int kb, int[] outShape, float[] g) {
        int n = g.length;
        boolean needA = a.requiresGrad(), needB = b.requiresGrad();
        int[] as = a.shape(), bs = b.shape();
        boolean addLike = op == Elementwise.Op.ADD || op == Elementwise.Op.SUB;
        // Expanded operands (the original arrays when already full-size), read only by mul/div/max/min.
        float[] x = null, y = null;
        if (!addLike) {
            boolean needX = op != Elementwise.Op.MUL && op != Elementwise.Op.DIV || needB;
            boolean needY = op != Elementwise.Op.MUL || needA;
            x = needX ? Broadcast.expand(a.buffer(), ka, as, outShape) : null;
            y = needY ? Broadcast.expand(b.buffer(), kb, bs, outShape) : null;
        }
        if (needB) {
            float[] gb = Autograd.gradBuffer(b);
            if (addLike) {
                Broadcast.reduceInto(g, kb, bs, outShape, op == Elementwise.Op.SUB ? -1f : 1f, gb);
            } else {
                float[] dst = kb == FULL ? gb : new float[n];
                gradB(op, g, x, y, dst, n);
                if (kb != FULL) {
                    Broadcast.reduceInto(dst, kb, bs, outShape, 1f, gb);
                }
            }
        }
        if (needA) {
            if (addLike) {
                if (ka == FULL) {
                    Autograd.accumulate(a, g); // adopts g when a has no gradient yet
                } else {
                    Broadcast.reduceInto(g, ka, as, outShape, 1f, Autograd.gradBuffer(a));
                }
            } else {
                float[] ga = Autograd.gradBuffer(a);
                float[] dst = ka == FULL ? ga : new float[n];
                gradA(op, g, x, y, dst, n);
                if (ka != FULL) {
                    Broadcast.reduceInto(dst, ka, as, outShape, 1f, ga);
                }
            }
        }
    }

    /** dst += g * d(x op y)/dx, for mul/div/max/min. */
    private static void gradA(Elementwise.Op op, float[] g, float[] x, float[] y, float[] dst, int n) {
        switch (op) {
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    dst[i] += g[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    dst[i] += g[i] / y[i];
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    float xi = x[i];
                    dst[i] += xi >= y[i] || xi != xi ? g[i] : 0f;
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    float xi = x[i];
                    dst[i] += xi <= y[i] || xi != xi ? g[i] : 0f;
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /** dst += g * d(x op y)/dy, for mul/div/max/min. */
    private static void gradB(Elementwise.Op op, float[] g, float[] x, float[] y, float[] dst, int n) {
        switch (op) {
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    dst[i] += g[i] * x[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    float yi = y[i];
                    dst[i] -= g[i] * x[i] / (yi * yi);
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    float xi = x[i];
                    dst[i] += xi >= y[i] || xi != xi ? 0f : g[i];
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    float xi = x[i];
                    dst[i] += xi <= y[i] || xi != xi ? 0f : g[i];
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }
}
