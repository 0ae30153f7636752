package ganglion.layers;

import ganglion.Variable;
import ganglion.activations.Activation;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.Map;

/**
 * What {@link Conv2D} and {@link Conv2DTranspose} share: their {@link ConvSettings}, the kernel and bias weights,
 * the accessors, building, the input check and Keras's config. Subclasses keep their fluent setters (each
 * returns its own type) and the op in {@code call}.
 */
abstract class Conv2DBase extends Layer {

    /** The settings the fluent setters fill; fixed once the layer is built. */
    final ConvSettings s;
    private Variable kernel;
    private Variable bias;

    Conv2DBase(ConvSettings settings) {
        this.s = settings;
    }

    public int filters() {
        return s.filters();
    }

    /** The kernel size {kh, kw}. */
    public int[] kernelSize() {
        return new int[]{s.kh(), s.kw()};
    }

    /** The strides {sh, sw}. */
    public int[] strides() {
        return new int[]{s.sh(), s.sw()};
    }

    /** "valid" or "same". */
    public String padding() {
        return s.same() ? "same" : "valid";
    }

    /** The dilation rate {dh, dw}. */
    public int[] dilationRate() {
        return new int[]{s.dh(), s.dw()};
    }

    public Activation activation() {
        return s.activation();
    }

    public boolean useBias() {
        return s.useBias();
    }

    /**
     * The kernel weight, shape (kh, kw, in, filters) for Conv2D and (kh, kw, filters, in) for Conv2DTranspose;
     * null before the layer is built.
     */
    public Variable kernel() {
        return kernel;
    }

    /** The bias weight, shape (filters,); null before the layer is built or without a bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void build(int[] inputShape) {
        s.outputShape(describe(), inputShape); // validates rank, channels and size
        kernel = addWeight("kernel", s.kernelShape(inputShape[2]), s.kernelInitializer(), s.kernelRegularizer());
        if (s.useBias()) {
            bias = addWeight("bias", new int[]{s.filters()}, s.biasInitializer(), s.biasRegularizer());
        }
    }

    /** As Keras's InputSpec: rank 4 with the built channel count; other image sizes are accepted. */
    @Override
    protected void checkInputShape(int[] shape) {
        requireInputRankAndAxis(shape, 3, 2);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return s.outputShape(describe(), inputShape);
    }

    /** Keras's config: filters, kernel_size, strides, padding, data_format, dilation_rate, activation, ... */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        s.putConfig(c, activityRegularizer());
        return c;
    }
}
