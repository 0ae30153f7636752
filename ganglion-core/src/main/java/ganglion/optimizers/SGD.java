package ganglion.optimizers;

import java.util.Map;

/**
 * Gradient descent with optional momentum, as Keras's {@code keras.optimizers.SGD}:
 * {@code w -= lr * g}; with momentum {@code velocity = momentum * velocity - lr * g; w += velocity}; with
 * Nesterov momentum {@code w += momentum * velocity - lr * g} after the velocity update.
 * One slot per variable ("momentum") when momentum is not 0, none otherwise.
 */
public final class SGD extends Optimizer {

    private float momentum;
    private boolean nesterov;

    /** SGD with Keras's default learning rate 0.01. */
    public SGD() {
        this(0.01f);
    }

    public SGD(float learningRate) {
        super("SGD", learningRate);
    }

    /** As {@link #SGD(float)}, for a double literal such as {@code 1e-3}. */
    public SGD(double learningRate) {
        this((float) learningRate);
    }

    /**
     * @param momentum in [0, 1]; defaults to 0 (plain gradient descent)
     */
    public SGD momentum(float momentum) {
        checkRange("momentum", momentum, 0f, 1f, true);
        if ((momentum != 0f) != (this.momentum != 0f)) {
            checkNotBuilt("momentum");
        }
        this.momentum = momentum;
        return this;
    }

    /** As {@link #momentum(float)}, for a double literal such as {@code 1e-3}. */
    public SGD momentum(double momentum) {
        return momentum((float) momentum);
    }

    /**
     * @param nesterov whether to use Nesterov momentum; defaults to false
     */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    public float momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected int slotsPerVariable() {
        return momentum != 0f ? 1 : 0;
    }

    @Override
    protected String[] slotNames() {
        return momentum != 0f ? new String[]{"momentum"} : new String[0];
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
        int n = w.length;
        if (momentum == 0f) {
            for (int i = 0; i < n; i++) {
                w[i] -= g[i] * lr;
            }
            return;
        }
        float mu = momentum;
        float[] m = slots[0];
        if (nesterov) {
            for (int i = 0; i < n; i++) {
                float step = g[i] * lr;
                float v = m[i] * mu - step;
                m[i] = v;
                w[i] += v * mu - step;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = m[i] * mu - g[i] * lr;
                m[i] = v;
                w[i] += v;
            }
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("momentum", decimal(momentum));
        c.put("nesterov", nesterov);
        return c;
    }
}
