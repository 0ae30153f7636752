package ganglion.optimizers;

import java.util.Map;

/**
 * Adagrad, as Keras's {@code keras.optimizers.Adagrad}: {@code acc += g^2},
 * {@code w -= lr * g / sqrt(acc + epsilon)}, with the accumulator (slot "accumulator") starting at
 * {@code initial_accumulator_value}.
 */
public final class Adagrad extends Optimizer {

    private float initialAccumulatorValue = 0.1f;
    private float epsilon = 1e-7f;

    /** Adagrad with Keras's default learning rate 0.001. */
    public Adagrad() {
        this(0.001f);
    }

    public Adagrad(float learningRate) {
        super("adagrad", learningRate);
    }

    /** As {@link #Adagrad(float)}, for a double literal such as {@code 1e-3}. */
    public Adagrad(double learningRate) {
        this((float) learningRate);
    }

    /**
     * @param value starting value of the accumulators, non-negative; defaults to 0.1
     */
    public Adagrad initialAccumulatorValue(float value) {
        checkNonNegative("initial_accumulator_value", value);
        if (value != initialAccumulatorValue) {
            checkNotBuilt("initial_accumulator_value");
        }
        this.initialAccumulatorValue = value;
        return this;
    }

    /** As {@link #initialAccumulatorValue(float)}, for a double literal such as {@code 1e-3}. */
    public Adagrad initialAccumulatorValue(double value) {
        return initialAccumulatorValue((float) value);
    }

    /**
     * @param epsilon added under the square root, non-negative; defaults to 1e-7
     */
    public Adagrad epsilon(float epsilon) {
        this.epsilon = checkNonNegative("epsilon", epsilon);
        return this;
    }

    /** As {@link #epsilon(float)}, for a double literal such as {@code 1e-3}. */
    public Adagrad epsilon(double epsilon) {
        return epsilon((float) epsilon);
    }

    public float initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    protected int slotsPerVariable() {
        return 1;
    }

    @Override
    protected String[] slotNames() {
        return new String[]{"accumulator"};
    }

    @Override
    protected float initialSlotValue(int slot) {
        return initialAccumulatorValue;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
        float[] acc = slots[0];
        float eps = epsilon;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float ai = acc[i] + gi * gi;
            acc[i] = ai;
            w[i] -= lr * gi / (float) Math.sqrt(ai + eps);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("initial_accumulator_value", decimal(initialAccumulatorValue));
        c.put("epsilon", decimal(epsilon));
        return c;
    }
}
