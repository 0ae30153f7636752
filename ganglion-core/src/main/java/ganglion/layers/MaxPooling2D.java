package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.Map;

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
public class MaxPooling2D extends Layer {

    private final int ph, pw;
    private int sh, sw;
    private boolean same;

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
        ConvSettings.checkPositive("MaxPooling2D", "pool_size", ph, pw);
        this.ph = ph;
        this.pw = pw;
        this.sh = ph;
        this.sw = pw;
    }

    /** @param n the stride along both axes; default the pool size */
    public MaxPooling2D strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default the pool size */
    public MaxPooling2D strides(int sh, int sw) {
        checkNotBuilt("strides");
        ConvSettings.checkPositive("MaxPooling2D", "strides", sh, sw);
        this.sh = sh;
        this.sw = sw;
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public MaxPooling2D padding(String padding) {
        checkNotBuilt("padding");
        this.same = ConvSettings.parsePadding("MaxPooling2D", padding);
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

    /** The pool size {ph, pw}. */
    public int[] poolSize() {
        return new int[]{ph, pw};
    }

    /** The strides {sh, sw}. */
    public int[] strides() {
        return new int[]{sh, sw};
    }

    /** "valid" or "same". */
    public String padding() {
        return same ? "same" : "valid";
    }

    @Override
    protected void build(int[] inputShape) {
        computeOutputShape(inputShape);
    }

    /** As Keras's InputSpec(ndim=4): any image size and channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 3) {
            throw incompatibleInput(builtInputShape(), shape);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return ConvSettings.poolOutputShape(describe(), inputShape, ph, pw, sh, sw, same);
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return ConvOps.maxPool2d(input, ph, pw, sh, sw, same);
    }

    /** Keras's config: pool_size, padding, strides, data_format. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        ConvSettings.putPoolConfig(c, ph, pw, sh, sw, same);
        return c;
    }
}
