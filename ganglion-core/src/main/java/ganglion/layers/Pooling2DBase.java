package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.Map;

/**
 * What Keras's 2-D poolings share ({@code keras.layers.MaxPooling2D}, {@code AveragePooling2D}): a
 * {@code pool_size} window moved by {@code strides} (default: the pool size), "valid" or "same" padding, and
 * Keras's config. Subclasses name the layer, keep their fluent setters' return type, and choose the op.
 */
abstract class Pooling2DBase extends Layer {

    private final String kind;
    private final int ph, pw;
    private int sh, sw;
    private boolean same;

    Pooling2DBase(String kind, int ph, int pw) {
        ConvSettings.checkPositive(kind, "pool_size", ph, pw);
        this.kind = kind;
        this.ph = ph;
        this.pw = pw;
        this.sh = ph;
        this.sw = pw;
    }

    final void setStrides(int sh, int sw) {
        checkNotBuilt("strides");
        ConvSettings.checkPositive(kind, "strides", sh, sw);
        this.sh = sh;
        this.sw = sw;
    }

    final void setPadding(String padding) {
        checkNotBuilt("padding");
        this.same = ConvSettings.parsePadding(kind, padding);
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
        requireInputRank(shape, 3);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return ConvSettings.poolOutputShape(describe(), inputShape, ph, pw, sh, sw, same);
    }

    @Override
    public final Tensor call(Tensor input, boolean training) {
        return pool(input, ph, pw, sh, sw, same);
    }

    /** Pools (batch, height, width, channels) with (ph, pw) windows and (sh, sw) strides. */
    abstract Tensor pool(Tensor x, int ph, int pw, int sh, int sw, boolean same);

    /** Keras's config: pool_size, padding, strides, data_format. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        ConvSettings.putPoolConfig(c, ph, pw, sh, sw, same);
        return c;
    }
}
