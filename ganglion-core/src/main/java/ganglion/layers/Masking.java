package ganglion.layers;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code Masking}: marks the time steps whose features all equal {@code maskValue} as padding. The
 * output is the input with those steps zeroed, and the layer emits a {@code [batch, time]} mask that the
 * following recurrent layers honour (masked steps carry the state through).
 *
 * <p><b>Input shape:</b> {@code (batch, time, features...)}. <b>Output shape:</b> the same.
 */
public class Masking extends Layer {

    private final float maskValue;

    /** Keras's default, maskValue 0. */
    public Masking() {
        this(0f);
    }

    /** @param maskValue the feature value that marks padding steps */
    public Masking(float maskValue) {
        this.maskValue = maskValue;
    }

    public float maskValue() {
        return maskValue;
    }

    @Override
    public Masking inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Masking name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** [batch, time] mask: 1 where some feature differs from maskValue. */
    private Tensor stepMask(Tensor input) {
        int[] s = input.shape();
        if (s.length < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank at least 2 (batch, time, ...) "
                    + "but received shape " + Arrays.toString(s));
        }
        int rows = s[0] * s[1];
        int feat = (int) (input.size() / Math.max(1, rows));
        float[] x = input.buffer();
        float[] m = new float[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = r * feat, e = j + feat; j < e; j++) {
                if (x[j] != maskValue) {
                    m[r] = 1f;
                    break;
                }
            }
        }
        return Tensor.wrap(m, s[0], s[1]);
    }

    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        return stepMask(input);
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        Tensor m = stepMask(input);
        int[] ms = new int[s.length];
        Arrays.fill(ms, 1);
        ms[0] = s[0];
        ms[1] = s[1];
        return input.mul(m.reshape(ms));
    }

    /** Base keys plus "mask_value". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mask_value", (double) maskValue);
        return c;
    }
}
