package ganglion.layers;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What Keras's 1-D poolings share ({@code keras.layers.MaxPooling1D}, {@code AveragePooling1D}): a window of
 * {@code pool_size} steps moved by {@code strides} (default: the pool size), "valid" or "same" padding. The
 * work is done by the 2-D pooling ops on a height-1 image.
 */
abstract class Pooling1DBase extends Layer {

    private final String kind;
    private final int poolSize;
    private int strides;
    private Sequence1D.Padding padding = Sequence1D.Padding.VALID;

    Pooling1DBase(String kind, int poolSize) {
        this.kind = kind;
        this.poolSize = Sequence1D.positive(kind, "pool_size", poolSize);
        this.strides = poolSize;
    }

    final void setStrides(int strides) {
        checkNotBuilt("strides");
        this.strides = Sequence1D.positive(kind, "strides", strides);
    }

    final void setPadding(String padding) {
        checkNotBuilt("padding");
        this.padding = Sequence1D.parsePadding(kind, padding, false);
    }

    public int poolSize() {
        return poolSize;
    }

    public int strides() {
        return strides;
    }

    /** "valid" or "same". */
    public String padding() {
        return padding.keras();
    }

    /** As Keras's InputSpec(ndim=3): any length and channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        Sequence1D.checkSequence(describe(), shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        Sequence1D.checkSequence(describe(), inputShape);
        int n = Sequence1D.outputLength(describe(), inputShape[0], poolSize, strides, 1, padding);
        return new int[]{n, inputShape[1]};
    }

    @Override
    public final Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        if (s.length != 3) {
            Sequence1D.checkSequence(describe(), Arrays.copyOfRange(s, 1, s.length));
        }
        Tensor y = pool2d(input.reshape(s[0], 1, s[1], s[2]), poolSize, strides,
                padding == Sequence1D.Padding.SAME);
        int[] ys = y.shape();
        return y.reshape(ys[0], ys[2], ys[3]);
    }

    /** Pools (batch, 1, steps, channels) with (1, pool) windows and (1, stride) strides. */
    abstract Tensor pool2d(Tensor x, int pool, int stride, boolean same);

    /** Keras's config: pool_size, padding, strides, data_format. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("pool_size", List.of(poolSize));
        c.put("padding", padding.keras());
        c.put("strides", List.of(strides));
        c.put("data_format", "channels_last");
        return c;
    }
}
