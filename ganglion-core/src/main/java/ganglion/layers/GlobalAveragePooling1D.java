package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code GlobalAveragePooling1D}: the mean of each feature over the steps of a sequence. With a mask
 * (e.g. from {@code Embedding.maskZero(true)}) only the unmasked steps are averaged,
 * {@code sum(x * mask) / sum(mask)}, as Keras does; a sample whose steps are all masked gives NaN there too.
 * The output carries no mask.
 *
 * <p><b>Input shape:</b> {@code (batch_size, steps, features)}. <b>Output shape:</b>
 * {@code (batch_size, features)}, or {@code (batch_size, 1, features)} with {@code keepdims(true)}.
 *
 * <pre>{@code
 * new GlobalAveragePooling1D();            // (None, 100, 16) -> (None, 16)
 * }</pre>
 */
public class GlobalAveragePooling1D extends Layer {

    private boolean keepdims;

    /** {@code GlobalAveragePooling1D()}. */
    public GlobalAveragePooling1D() {
    }

    /** @param keepdims keep the step axis with length 1; default false */
    public GlobalAveragePooling1D keepdims(boolean keepdims) {
        checkNotBuilt("keepdims");
        this.keepdims = keepdims;
        return this;
    }

    public boolean keepdims() {
        return keepdims;
    }

    @Override
    public GlobalAveragePooling1D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public GlobalAveragePooling1D name(String name) {
        super.name(name);
        return this;
    }

    /** Accepts a mask (it is used, then dropped). */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The output has no time axis, so no mask. */
    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        return null;
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
        return input.mean(1, keepdims);
    }

    @Override
    public Tensor call(Tensor input, Tensor mask, boolean training) {
        if (mask == null) {
            return call(input, training);
        }
        Tensor m = MaskSupport.checkMask(describe(), input, mask).expandDims(2);
        return input.mul(m).sum(1, keepdims).div(m.sum(1, keepdims));
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
