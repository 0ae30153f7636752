package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;

/**
 * Keras's {@code MaxPooling2D}: down-samples each channel by taking the maximum over a {@code pool_size}
 * window, moved by {@code strides} (default: the pool size). With "same" padding the windows may hang over
 * the edge; cells outside the image never win.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, pooled_height, pooled_width, channels)}, with {@code floor((n - pool)/s) + 1} rows for
 * "valid" and {@code ceil(n/s)} for "same".
 *
 * <pre>{@code
 * new MaxPooling2D(2);                                   // (None, 26, 26, 32) -> (None, 13, 13, 32)
 * new MaxPooling2D(3).strides(2).padding("same");
 * }</pre>
 */
public class MaxPooling2D extends Pooling2DBase {

    /** {@code MaxPooling2D()}: 2x2 windows, strides 2. */
    public MaxPooling2D() {
        this(2, 2);
    }

    /** {@code MaxPooling2D(pool_size=pool)}: square windows, strides equal to the pool size. */
    public MaxPooling2D(int pool) {
        this(pool, pool);
    }

    /** {@code MaxPooling2D(pool_size=(ph, pw))}: strides equal to the pool size. */
    public MaxPooling2D(int ph, int pw) {
        super("MaxPooling2D", ph, pw);
    }

    /** @param n the stride along both axes; default the pool size */
    public MaxPooling2D strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default the pool size */
    public MaxPooling2D strides(int sh, int sw) {
        setStrides(sh, sw);
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public MaxPooling2D padding(String padding) {
        setPadding(padding);
        return this;
    }

    @Override
    public MaxPooling2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public MaxPooling2D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    Tensor pool(Tensor x, int ph, int pw, int sh, int sw, boolean same) {
        return ConvOps.maxPool2d(x, ph, pw, sh, sw, same);
    }
}
