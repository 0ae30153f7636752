package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code GlobalMaxPooling1D}: the maximum of each feature over the steps of a sequence. As in Keras 3,
 * an incoming mask is not used (padded steps take part in the maximum) and the output carries no mask.
 *
 * <p><b>Input shape:</b> {@code (batch_size, steps, features)}. <b>Output shape:</b>
 * {@code (batch_size, features)}, or {@code (batch_size, 1, features)} with {@code keepdims(true)}.
 *
 * <pre>{@code
 * new GlobalMaxPooling1D();                // (None, 96, 64) -> (None, 64)
 * }</pre>
 */
public class GlobalMaxPooling1D extends Layer {

    private boolean keepdims;

    /** {@code GlobalMaxPooling1D()}. */
    public GlobalMaxPooling1D() {
    }

    /** @param keepdims keep the step axis with length 1; default false */
    public GlobalMaxPooling1D keepdims(boolean keepdims) {
        checkNotBuilt("keepdims");
        this.keepdims = keepdims;
        return this;
    }

    public boolean keepdims() {
        return keepdims;
    }

    @Override
    public GlobalMaxPooling1D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public GlobalMaxPooling1D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Sequence1D.checkSequence(describe(), shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        Sequence1D.checkSequence(describe(), inputShape);
        return keepdims ? new int[]{1, inputShape[1]} : new int[]{inputShape[1]};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return input.max(1, keepdims);
    }

    /** Keras's config: data_format, keepdims. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", "channels_last");
        c.put("keepdims", keepdims);
        return c;
    }
}
