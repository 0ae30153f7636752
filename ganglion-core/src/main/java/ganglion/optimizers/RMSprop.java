package ganglion.optimizers;

import java.util.Map;

/**
 * RMSprop, as Keras's {@code keras.optimizers.RMSprop}: {@code v = rho * v + (1 - rho) * g^2};
 * centered: {@code a = rho * a + (1 - rho) * g} and {@code denominator = v - a^2 + epsilon}, else
 * {@code v + epsilon}; {@code increment = lr * g / sqrt(denominator)}; with momentum
 * {@code m = momentum * m + increment; w -= m}, else {@code w -= increment}.
 *
 * <p>Slots, each saved as its own block as Keras creates them: "velocity", then "momentum" (when momentum is
 * above 0), then "average_gradient" (when centered).
 */
public final class RMSprop extends Optimizer {

    private float rho = 0.9f;
    private float momentum;
    private float epsilon = 1e-7f;
    private boolean centered;

    /** RMSprop with Keras's default learning rate 0.001. */
    public RMSprop() {
        this(0.001f);
    }

    public RMSprop(float learningRate) {
        super("rmsprop", learningRate);
    }

    /** As {@link #RMSprop(float)}, for a double literal such as {@code 1e-3}. */
    public RMSprop(double learningRate) {
        this((float) learningRate);
    }

    /**
     * @param rho discounting factor of the squared-gradient average, in [0, 1); defaults to 0.9
     */
    public RMSprop rho(float rho) {
        this.rho = checkRange("rho", rho, 0f, 1f, false);
        return this;
    }

    /** As {@link #rho(float)}, for a double literal such as {@code 1e-3}. */
    public RMSprop rho(double rho) {
        return rho((float) rho);
    }

    /**
     * @param momentum in [0, 1]; defaults to 0 (no momentum slot)
     */
    public RMSprop momentum(float momentum) {
        checkRange("momentum", momentum, 0f, 1f, true);
        if ((momentum > 0f) != (this.momentum > 0f)) {
            checkNotBuilt("momentum");
        }
        this.momentum = momentum;
        return this;
    }

    /** As {@link #momentum(float)}, for a double literal such as {@code 1e-3}. */
    public RMSprop momentum(double momentum) {
        return momentum((float) momentum);
    }

    /**
     * @param epsilon added under the square root, non-negative; defaults to 1e-7
     */
    public RMSprop epsilon(float epsilon) {
        this.epsilon = checkNonNegative("epsilon", epsilon);
        return this;
    }

    /** As {@link #epsilon(float)}, for a double literal such as {@code 1e-3}. */
    public RMSprop epsilon(double epsilon) {
        return epsilon((float) epsilon);
    }

    /**
     * @param centered whether to normalise by the estimated variance of the gradient; defaults to false
     */
    public RMSprop centered(boolean centered) {
        if (centered != this.centered) {
            checkNotBuilt("centered");
        }
        this.centered = centered;
        return this;
    }

    public float rho() {
        return rho;
    }

    public float momentum() {
        return momentum;
    }

    public float epsilon() {
        return epsilon;
    }

    public boolean centered() {
        return centered;
    }

    @Override
    protected int slotsPerVariable() {
        return 1 + (momentum > 0f ? 1 : 0) + (centered ? 1 : 0);
    }

    @Override
    protected int[] slotGroups() {
        int[] g = new int[slotsPerVariable()];
        java.util.Arrays.fill(g, 1);
        return g;
    }

    @Override
    protected String[] slotNames() {
        String[] n = new String[slotsPerVariable()];
        int k = 0;
        n[k++] = "velocity";
        if (momentum > 0f) {
            n[k++] = "momentum";
        }
        if (centered) {
            n[k] = "average_gradient";
        }
        return n;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
        float r = rho, c = 1f - rho, eps = epsilon, mu = momentum;
        float[] v = slots[0];
        float[] m = momentum > 0f ? slots[1] : null;
        float[] a = centered ? slots[momentum > 0f ? 2 : 1] : null;
        int n = w.length;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float vi = r * v[i] + c * (gi * gi);
            v[i] = vi;
            float denom;
            if (a != null) {
                float ai = r * a[i] + c * gi;
                a[i] = ai;
                denom = vi - ai * ai + eps;
            } else {
                denom = vi + eps;
            }
            float inc = lr * gi / (float) Math.sqrt(denom);
            if (m != null) {
                float mi = mu * m[i] + inc;
                m[i] = mi;
                w[i] -= mi;
            } else {
                w[i] -= inc;
            }
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rho", decimal(rho));
        c.put("momentum", decimal(momentum));
        c.put("epsilon", decimal(epsilon));
        c.put("centered", centered);
        return c;
    }
}
