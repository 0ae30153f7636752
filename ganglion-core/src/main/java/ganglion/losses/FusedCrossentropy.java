package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;

import static ganglion.losses.LossShapes.EPSILON;

/**
 * The crossentropies as fused operations: one pass over the batch computes each row's loss and, when a
 * gradient is needed, d(row loss)/d(input), which the recorded {@link Node} scales by the output gradient.
 * Every formula follows Keras's TensorFlow backend ({@code keras/src/backend/tensorflow/nn.py}); the
 * composed equivalents in {@link ComposedCrossentropy} are the reference they are tested against.
 *
 * <p>All arrays are rows×cols, row-major, with the class (or averaged) axis last. Probabilities are clipped
 * in float32 to [ε, 1-ε], ε = 1e-7, as Keras does; the clip passes gradient where the value lies inside
 * [ε, 1-ε] (bounds included), as TensorFlow's {@code clip_by_value} does.
 *
 * <p>Set the system property {@code ganglion.losses.fused=false} to use the composed ops everywhere.
 */
final class FusedCrossentropy {

    /** Whether the fused path is on (read once at startup). */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("ganglion.losses.fused", "true"));

    private static final float ONE_MINUS_EPSILON = 1f - EPSILON;

    /** Per-row losses and, when asked for, d(row loss)/d(input element) for every input element. */
    record Pass(float[] rowLoss, float[] dInput) {
    }

    private FusedCrossentropy() {
    }

    /** Whether the fused path applies: it gives no gradient to the labels, so they must not need one. */
    static boolean usable(Tensor yTrue) {
        return ENABLED && !Autograd.needsGrad(yTrue);
    }

    // ------------------------------------------------------------------ kernels

    /**
     * softmax_cross_entropy_with_logits: loss = Σ y·(lse(z) − z); d/dz = softmax(z)·Σy − y.
     *
     * @param probs softmax(z) when the caller already has it (the output of the model's softmax), else null.
     *              With it no exponential is needed: lse = z_m − log(p_m) at the row's largest logit m, where
     *              p_m ≥ 1/cols keeps the logarithm well conditioned.
     */
    static Pass softmaxLogits(float[] z, float[] probs, float[] y, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        float[] e = probs != null ? null : new float[cols];
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int m = 0;
            for (int j = 1; j < cols; j++) {
                if (z[o + j] > z[o + m]) {
                    m = j;
                }
            }
            float max = z[o + m];
            double lse;
            double inv = 1.0;
            if (probs != null) {
                lse = max - Math.log(probs[o + m]);
            } else {
                double sumExp = 0;
                for (int j = 0; j < cols; j++) {
                    float ej = (float) Math.exp(z[o + j] - max);
                    e[j] = ej;
                    sumExp += ej;
                }
                lse = max + Math.log(sumExp);
                inv = 1.0 / sumExp;
            }
            double l = 0, ySum = 0;
            for (int j = 0; j < cols; j++) {
                float yj = y[o + j];
                if (yj != 0f) {
                    l += yj * (lse - z[o + j]);
                    ySum += yj;
                }
            }
            loss[r] = (float) l;
            if (grad) {
                if (probs != null) {
                    float s = (float) ySum;
                    for (int j = 0; j < cols; j++) {
                        d[o + j] = probs[o + j] * s - y[o + j];
                    }
                } else {
                    float s = (float) (ySum * inv);
                    for (int j = 0; j < cols; j++) {
                        d[o + j] = e[j] * s - y[o + j];
                    }
                }
            }
        }
        return new Pass(loss, d);
    }

    /**
     * Probabilities: q = p / Σp, qc = clip(q, ε, 1−ε), loss = −Σ y·log(qc). With a_j = −y_j/qc_j where the clip
     * passes (else 0), d/dp_k = (a_k − Σ_j a_j·q_j) / Σp.
     */
    static Pass softmaxProbs(float[] p, float[] y, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        float[] q = new float[cols];
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float s = 0f;
            for (int j = 0; j < cols; j++) {
                s += p[o + j];
            }
            double l = 0;
            for (int j = 0; j < cols; j++) {
                q[j] = p[o + j] / s;
                float yj = y[o + j];
                if (yj != 0f) {
                    l -= yj * Math.log(clip(q[j]));
                }
            }
            loss[r] = (float) l;
            if (grad) {
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    double a = passes(q[j]) ? -y[o + j] / (double) clip(q[j]) : 0.0;
                    d[o + j] = (float) a;
                    dot += a * q[j];
                }
                for (int j = 0; j < cols; j++) {
                    d[o + j] = (float) ((d[o + j] - dot) / s);
                }
            }
        }
        return new Pass(loss, d);
    }

    /**
     * sparse_softmax_cross_entropy_with_logits: loss = lse(z) − z_label; d/dz = softmax(z) − onehot(label).
     *
     * @param probs softmax(z) when the caller already has it, else null (see
     *              {@link #softmaxLogits(float[], float[], float[], int, int, boolean)})
     */
    static Pass sparseLogits(float[] z, float[] probs, int[] labels, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        float[] e = probs != null ? null : new float[cols];
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int m = 0;
            for (int j = 1; j < cols; j++) {
                if (z[o + j] > z[o + m]) {
                    m = j;
                }
            }
            float max = z[o + m];
            int label = labels[r];
            if (probs != null) {
                loss[r] = (float) (max - Math.log(probs[o + m]) - z[o + label]);
                if (grad) {
                    System.arraycopy(probs, o, d, o, cols);
                    d[o + label] -= 1f;
                }
                continue;
            }
            double sumExp = 0;
            for (int j = 0; j < cols; j++) {
                float ej = (float) Math.exp(z[o + j] - max);
                e[j] = ej;
                sumExp += ej;
            }
            loss[r] = (float) (max + Math.log(sumExp) - z[o + label]);
            if (grad) {
                float inv = (float) (1.0 / sumExp);
                for (int j = 0; j < cols; j++) {
                    d[o + j] = e[j] * inv;
                }
                d[o + label] -= 1f;
            }
        }
        return new Pass(loss, d);
    }

    /**
     * Probabilities, as TensorFlow's Keras: the logits are log(clip(p, ε, 1−ε)), so with pc = clip(p),
     * loss = log(Σ pc) − log(pc_label) and d/dp_k = [k passes the clip]·(1/Σpc − [k = label]/pc_k).
     */
    static Pass sparseProbs(float[] p, int[] labels, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += clip(p[o + j]);
            }
            int label = labels[r];
            float pl = clip(p[o + label]);
            loss[r] = (float) (Math.log(s) - Math.log(pl));
            if (grad) {
                double inv = 1.0 / s;
                for (int j = 0; j < cols; j++) {
                    d[o + j] = passes(p[o + j]) ? (float) inv : 0f;
                }
                if (passes(p[o + label])) {
                    d[o + label] = (float) (inv - 1.0 / pl);
                }
            }
        }
        return new Pass(loss, d);
    }

    /**
     * sigmoid_cross_entropy_with_logits, averaged over each row: l = max(z,0) − z·y + log1p(exp(−|z|));
     * d/dz = (sigmoid(z) − y) / cols.
     */
    static Pass sigmoidLogits(float[] z, float[] y, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        double inv = 1.0 / cols;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double l = 0;
            for (int j = 0; j < cols; j++) {
                double x = z[o + j], t = y[o + j];
                double e = Math.exp(-Math.abs(x));
                l += Math.max(x, 0) - x * t + Math.log1p(e);
                if (grad) {
                    double sig = x >= 0 ? 1 / (1 + e) : e / (1 + e);
                    d[o + j] = (float) ((sig - t) * inv);
                }
            }
            loss[r] = (float) (l * inv);
        }
        return new Pass(loss, d);
    }

    /**
     * Probabilities averaged over each row: pc = clip(p, ε, 1−ε), l = −(y·log(pc) + (1−y)·log(1−pc));
     * d/dp = [p passes the clip]·((1−y)/(1−pc) − y/pc) / cols.
     */
    static Pass sigmoidProbs(float[] p, float[] y, int rows, int cols, boolean grad) {
        float[] loss = new float[rows];
        float[] d = grad ? new float[rows * cols] : null;
        double inv = 1.0 / cols;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double l = 0;
            for (int j = 0; j < cols; j++) {
                float pc = clip(p[o + j]);
                float qc = 1f - pc; // in float32, as Keras: 1 − (1 − ε) is 1.1920929e-7
                double t = y[o + j];
                l -= t * Math.log(pc) + (1 - t) * Math.log(qc);
                if (grad) {
                    d[o + j] = passes(p[o + j]) ? (float) (((1 - t) / qc - t / pc) * inv) : 0f;
                }
            }
            loss[r] = (float) (l * inv);
        }
        return new Pass(loss, d);
    }

    private static float clip(float v) {
        return Math.min(Math.max(v, EPSILON), ONE_MINUS_EPSILON);
    }

    private static boolean passes(float v) {
        return v >= EPSILON && v <= ONE_MINUS_EPSILON;
    }

    // ------------------------------------------------------------------ tensors

    /**
     * Wraps a pass as a tensor: the per-row losses in {@code rowShape}, or their sum (or mean when
     * {@code mean}) as a scalar. Records a node on {@code input} when the pass carries a gradient.
     */
    static Tensor output(Tensor input, Pass pass, int[] rowShape, boolean scalar, boolean mean, String name) {
        float[] rowLoss = pass.rowLoss();
        int rows = rowLoss.length;
        float[] out;
        int[] shape;
        float scale = 1f;
        if (scalar) {
            double s = 0;
            for (float v : rowLoss) {
                s += v;
            }
            if (mean && rows > 0) {
                s /= rows;
                scale = 1f / rows;
            }
            out = new float[]{(float) s};
            shape = new int[0];
        } else {
            out = rowLoss;
            shape = rowShape;
        }
        if (pass.dInput() == null) {
            return Tensor.wrap(out, shape);
        }
        return Tensor.fromOp(out, shape, new FusedNode(input, pass.dInput(), rows, scalar, scale, name));
    }

    /** The recorded fused op: its backward is a scaling of the gradient computed in the forward pass. */
    private static final class FusedNode extends Node {
        private final float[] dInput;
        private final int rows;
        private final boolean scalar;
        private final float scale;
        private final String name;

        FusedNode(Tensor input, float[] dInput, int rows, boolean scalar, float scale, String name) {
            super(input);
            this.dInput = dInput;
            this.rows = rows;
            this.scalar = scalar;
            this.scale = scale;
            this.name = name;
        }

        @Override
        public void backward(Tensor output, float[] g) {
            Tensor input = inputs()[0];
            if (!input.requiresGrad()) {
                return;
            }
            float[] gi = new float[dInput.length];
            if (scalar) {
                float s = g[0] * scale;
                for (int i = 0; i < gi.length; i++) {
                    gi[i] = dInput[i] * s;
                }
            } else {
                int cols = rows == 0 ? 0 : dInput.length / rows;
                for (int r = 0; r < rows; r++) {
                    float s = g[r];
                    int o = r * cols;
                    for (int j = 0; j < cols; j++) {
                        gi[o + j] = dInput[o + j] * s;
                    }
                }
            }
            accumulate(input, gi);
        }

        @Override
        public String name() {
            return name;
        }
    }
}
