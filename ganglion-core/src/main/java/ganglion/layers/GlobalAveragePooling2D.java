package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.Map;

/**
 * Keras's {@code GlobalAveragePooling2D}: the mean of each channel over the whole image.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, channels)}, or {@code (batch_size, 1, 1, channels)} with {@code keepdims(true)}.
 *
 * <pre>{@code
 * new GlobalAveragePooling2D();                  // (None, 7, 7, 512) -> (None, 512)
 * }</pre>
 */
public class GlobalAveragePooling2D extends Layer {

    private boolean keepdims;

    /** {@code GlobalAveragePooling2D()}. */
    public GlobalAveragePooling2D() {
    }

    /** @param keepdims keep the spatial axes with length 1; default false */
    public GlobalAveragePooling2D keepdims(boolean keepdims) {
        checkNotBuilt("keepdims");
        this.keepdims = keepdims;
        return this;
    }

    public boolean keepdims() {
        return keepdims;
    }

    @Override
    public GlobalAveragePooling2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public GlobalAveragePooling2D name(String name) {
        super.name(name);
        return this;
    }

    /** As Keras's InputSpec(ndim=4): any image size and channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        requireInputRank(shape, 3);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        ConvSettings.checkImageInput(describe(), inputShape);
        return keepdims ? new int[]{1, 1, inputShape[2]} : new int[]{inputShape[2]};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return ConvOps.globalAvgPool(input, keepdims);
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
