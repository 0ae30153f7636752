package ganglion.optimizers;

import java.util.Map;

/**
 * Nadam (Adam with Nesterov momentum), as Keras's {@code keras.optimizers.Nadam}. With {@code t = iterations + 1},
 * {@code u_t = beta1 * (1 - 0.5 * 0.96^t)}, {@code u_{t+1} = beta1 * (1 - 0.5 * 0.96^(t+1))} and the running
 * product {@code P_t = P_{t-1} * u_t} (P_0 = 1, updated once per step):
 * {@code m += (g - m)(1 - beta1)}, {@code v += (g^2 - v)(1 - beta2)},
 * {@code m_hat = u_{t+1} m / (1 - P_t u_{t+1}) + (1 - u_t) g / (1 - P_t)}, {@code v_hat = v / (1 - beta2^t)},
 * {@code w -= lr * m_hat / (sqrt(v_hat) + epsilon)}.
 *
 * <p>Slots "momentum" and "velocity" interleaved per variable; the product P is saved after them.
 */
public final class Nadam extends Optimizer {

    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-7f;
    private float uProduct = 1f;
    private float uT;
    private float uT1;
    private float uProductT1;

    /** Nadam with Keras's default learning rate 0.001. */
    public Nadam() {
        this(0.001f);
    }

    public Nadam(float learningRate) {
        super("nadam", learningRate);
    }

    /** As {@link #Nadam(float)}, for a double literal such as {@code 1e-3}. */
    public Nadam(double learningRate) {
        this((float) learningRate);
    }

    /**
     * @param beta1 decay rate of the first-moment estimate, in [0, 1); defaults to 0.9
     */
    public Nadam beta1(float beta1) {
        this.beta1 = checkRange("beta_1", beta1, 0f, 1f, false);
        return this;
    }

    /** As {@link #beta1(float)}, for a double literal such as {@code 1e-3}. */
    public Nadam beta1(double beta1) {
        return beta1((float) beta1);
    }

    /**
     * @param beta2 decay rate of the second-moment estimate, in [0, 1); defaults to 0.999
     */
    public Nadam beta2(float beta2) {
        this.beta2 = checkRange("beta_2", beta2, 0f, 1f, false);
        return this;
    }

    /** As {@link #beta2(float)}, for a double literal such as {@code 1e-3}. */
    public Nadam beta2(double beta2) {
        return beta2((float) beta2);
    }

    /**
     * @param epsilon added to sqrt(v_hat), non-negative; defaults to 1e-7
     */
    public Nadam epsilon(float epsilon) {
        this.epsilon = checkNonNegative("epsilon", epsilon);
        return this;
    }

    /** As {@link #epsilon(float)}, for a double literal such as {@code 1e-3}. */
    public Nadam epsilon(double epsilon) {
        return epsilon((float) epsilon);
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

    @Override
    protected int slotsPerVariable() {
        return 2;
    }

    @Override
    protected String[] slotNames() {
        return new String[]{"momentum", "velocity"};
    }

    @Override
    protected void beginStep(long t) {
        uT = (float) (beta1 * (1.0 - 0.5 * Math.pow(0.96, t)));
        uT1 = (float) (beta1 * (1.0 - 0.5 * Math.pow(0.96, t + 1)));
        uProduct = uProduct * uT;
        uProductT1 = uProduct * uT1;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
        float c1 = 1f - beta1, c2 = 1f - beta2, eps = epsilon;
        float a = uT1 / (1f - uProductT1);
        float b = (1f - uT) / (1f - uProduct);
        float vScale = (float) (1.0 / (1.0 - Math.pow(beta2, t)));
        float[] m = slots[0], v = slots[1];
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            m[i] = mi;
            v[i] = vi;
            float mHat = a * mi + b * gi;
            float vHat = vi * vScale;
            w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + eps);
        }
    }

    @Override
    protected float[] extraState() {
        return new float[]{uProduct};
    }

    @Override
    protected void loadExtraState(float[] values) {
        uProduct = values[0];
    }

    @Override
    protected String[] extraStateNames() {
        return new String[]{"u_product"};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", decimal(beta1));
        c.put("beta_2", decimal(beta2));
        c.put("epsilon", decimal(epsilon));
        return c;
    }
}
