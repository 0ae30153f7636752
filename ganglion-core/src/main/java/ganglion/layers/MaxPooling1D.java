package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;

/**
 * Keras's {@code MaxPooling1D}: down-samples a sequence by taking the maximum over windows of
 * {@code pool_size} steps, moved by {@code strides} (default: the pool size). With "same" padding the last
 * window may hang over the end; padded steps never win.
 *
 * <p><b>Input shape:</b> {@code (batch_size, steps, features)}. <b>Output shape:</b>
 * {@code (batch_size, downsampled_steps, features)}: {@code floor((n - pool)/s) + 1} steps for "valid",
 * {@code ceil(n/s)} for "same".
 *
 * <pre>{@code
 * new MaxPooling1D(4);          // (None, 96, 64) -> (None, 24, 64), seed 003 chapter 18
 * }</pre>
 */
public class MaxPooling1D extends Pooling1DBase {

    /** {@code MaxPooling1D()}: windows of 2 steps, strides 2. */
    public MaxPooling1D() {
        this(2);
    }

    /** {@code MaxPooling1D(pool_size)}: strides equal to the pool size. */
    public MaxPooling1D(int poolSize) {
        super("MaxPooling1D", poolSize);
    }

    /** @param strides the step between windows; default the pool size */
    public MaxPooling1D strides(int strides) {
        setStrides(strides);
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public MaxPooling1D padding(String padding) {
        setPadding(padding);
        return this;
    }

    @Override
    public MaxPooling1D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public MaxPooling1D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    Tensor pool2d(Tensor x, int pool, int stride, boolean same) {
        return ConvOps.maxPool2d(x, 1, pool, 1, stride, same);
    }
}
