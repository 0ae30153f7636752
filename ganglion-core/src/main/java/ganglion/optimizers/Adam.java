package ganglion.optimizers;

import ganglion.internal.kernels.KernelProvider;

import java.util.Map;

/**
 * Adam, as Keras's {@code keras.optimizers.Adam}, in Keras's "epsilon hat" form: with {@code t = iterations + 1},
 * {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}, {@code m += (g - m) * (1 - beta1)},
 * {@code v += (g^2 - v) * (1 - beta2)}, {@code w -= m * alpha / (sqrt(v) + epsilon)}. With AMSGrad,
 * {@code v_hat = max(v_hat, v)} replaces v in the last step.
 *
 * <p>Slots: "momentum" and "velocity", interleaved per variable; AMSGrad's "velocity_hat" follows as a block.
 */
public class Adam extends Optimizer {

    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-7f;
    private boolean amsgrad;

    /** Adam with Keras's default learning rate 0.001. */
    public Adam() {
        this(0.001f);
    }

    public Adam(float learningRate) {
        this("adam", learningRate);
    }

    /** As {@link #Adam(float)}, for a double literal such as {@code 1e-3}. */
    public Adam(double learningRate) {
        this((float) learningRate);
    }

    /** For subclasses (AdamW) with their own Keras name. */
    protected Adam(String name, float learningRate) {
        super(name, learningRate);
    }

    /**
     * @param beta1 decay rate of the first-moment estimate, in [0, 1); defaults to 0.9
     */
    public Adam beta1(float beta1) {
        this.beta1 = checkRange("beta_1", beta1, 0f, 1f, false);
        return this;
    }

    /** As {@link #beta1(float)}, for a double literal such as {@code 1e-3}. */
    public Adam beta1(double beta1) {
        return beta1((float) beta1);
    }

    /**
     * @param beta2 decay rate of the second-moment estimate, in [0, 1); defaults to 0.999
     */
    public Adam beta2(float beta2) {
        this.beta2 = checkRange("beta_2", beta2, 0f, 1f, false);
        return this;
    }

    /** As {@link #beta2(float)}, for a double literal such as {@code 1e-3}. */
    public Adam beta2(double beta2) {
        return beta2((float) beta2);
    }

    /**
     * @param epsilon the "epsilon hat" added to sqrt(v), non-negative; defaults to 1e-7
     */
    public Adam epsilon(float epsilon) {
        this.epsilon = checkNonNegative("epsilon", epsilon);
        return this;
    }

    /** As {@link #epsilon(float)}, for a double literal such as {@code 1e-3}. */
    public Adam epsilon(double epsilon) {
        return epsilon((float) epsilon);
    }

    /**
     * @param amsgrad whether to use the AMSGrad variant; defaults to false
     */
    public Adam amsgrad(boolean amsgrad) {
        if (amsgrad != this.amsgrad) {
            checkNotBuilt("amsgrad");
        }
        this.amsgrad = amsgrad;
        return this;
    }

    public float beta1() {
        return beta1;
    }

    public float beta2() {
        return beta2;
    }

    public float epsilon() {
        return epsilon;
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected int slotsPerVariable() {
        return amsgrad ? 3 : 2;
    }

    @Override
    protected int[] slotGroups() {
        return amsgrad ? new int[]{2, 1} : new int[]{2};
    }

    @Override
    protected String[] slotNames() {
        return amsgrad ? new String[]{"momentum", "velocity", "velocity_hat"} : new String[]{"momentum", "velocity"};
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float c1 = 1f - beta1, c2 = 1f - beta2, eps = epsilon;
        float[] m = slots[0], v = slots[1];
        int n = w.length;
        if (amsgrad) {
            float[] vh = slots[2];
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = m[i] + (gi - m[i]) * c1;
                float vi = v[i] + (gi * gi - v[i]) * c2;
                float hi = Math.max(vh[i], vi);
                m[i] = mi;
                v[i] = vi;
                vh[i] = hi;
                w[i] -= mi * alpha / ((float) Math.sqrt(hi) + eps);
            }
            return;
        }
        // One fused, vectorised pass that also zeroes g (see updateZeroesGradient).
        KernelProvider.get().adam(w, g, m, v, n, alpha, c1, c2, eps, true);
    }

    /** The plain (non-AMSGrad) update zeroes the gradient in its own pass. */
    @Override
    protected boolean updateZeroesGradient() {
        return !amsgrad;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", decimal(beta1));
        c.put("beta_2", decimal(beta2));
        c.put("epsilon", decimal(epsilon));
        c.put("amsgrad", amsgrad);
        return c;
    }
}
