package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;

/**
 * Keras's {@code AveragePooling1D}: down-samples a sequence by averaging windows of {@code pool_size} steps,
 * moved by {@code strides} (default: the pool size). With "same" padding, padded steps are not counted in the
 * average (as Keras on every backend).
 *
 * <p><b>Input shape:</b> {@code (batch_size, steps, features)}. <b>Output shape:</b>
 * {@code (batch_size, downsampled_steps, features)}.
 *
 * <pre>{@code
 * new AveragePooling1D(2).padding("same");
 * }</pre>
 */
public class AveragePooling1D extends Pooling1DBase {

    /** {@code AveragePooling1D()}: windows of 2 steps, strides 2. */
    public AveragePooling1D() {
        this(2);
    }

    /** {@code AveragePooling1D(pool_size)}: strides equal to the pool size. */
    public AveragePooling1D(int poolSize) {
        super("AveragePooling1D", poolSize);
    }

    /** @param strides the step between windows; default the pool size */
    public AveragePooling1D strides(int strides) {
        setStrides(strides);
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public AveragePooling1D padding(String padding) {
        setPadding(padding);
        return this;
    }

    @Override
    public AveragePooling1D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public AveragePooling1D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    Tensor pool2d(Tensor x, int pool, int stride, boolean same) {
        return ConvOps.avgPool2d(x, 1, pool, 1, stride, same);
    }
}
