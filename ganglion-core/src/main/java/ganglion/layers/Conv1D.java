package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.activations.Activation;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code Conv1D}: a temporal convolution (cross-correlation along the steps of a sequence),
 * {@code output = activation(conv1d(input, kernel) + bias)}. The kernel has shape
 * {@code (kernel_size, in_channels, filters)}, the bias {@code (filters,)}.
 *
 * <p>Padding: "valid" (default) gives {@code floor((n - d*(k-1) - 1)/s) + 1} steps; "same" gives
 * {@code ceil(n/s)}, the odd padding step after the data as in TensorFlow; "causal" pads {@code d*(k-1)} zero
 * steps before the data only, so that output step t sees inputs up to t (WaveNet style).
 *
 * <p><b>Input shape:</b> {@code (batch_size, steps, channels)}. <b>Output shape:</b>
 * {@code (batch_size, new_steps, filters)}. Masks are not propagated, as in Keras.
 *
 * <pre>{@code
 * new Conv1D(64, 5).padding("valid").activation("relu").strides(1);   // seed 003, chapter 18
 * }</pre>
 */
public class Conv1D extends Layer {

    private final int filters;
    private final int kernelSize;
    private int strides = 1;
    private int dilationRate = 1;
    private Sequence1D.Padding padding = Sequence1D.Padding.VALID;
    private Activation activation = Activations.LINEAR;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializers.ZEROS;
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;
    private Variable kernel;
    private Variable bias;

    /** {@code Conv1D(filters, kernel_size)}. */
    public Conv1D(int filters, int kernelSize) {
        this.filters = Sequence1D.positive("Conv1D", "filters", filters);
        this.kernelSize = Sequence1D.positive("Conv1D", "kernel_size", kernelSize);
    }

    /** @param strides the step between windows; default 1 (incompatible with a dilation rate above 1) */
    public Conv1D strides(int strides) {
        checkNotBuilt("strides");
        this.strides = Sequence1D.positive("Conv1D", "strides", strides);
        checkStridesAndDilation();
        return this;
    }

    /** @param padding "valid" (default), "same" or "causal" */
    public Conv1D padding(String padding) {
        checkNotBuilt("padding");
        this.padding = Sequence1D.parsePadding("Conv1D", padding, true);
        return this;
    }

    /** @param dilationRate spacing between kernel taps; default 1 (incompatible with strides above 1) */
    public Conv1D dilationRate(int dilationRate) {
        checkNotBuilt("dilationRate");
        this.dilationRate = Sequence1D.positive("Conv1D", "dilation_rate", dilationRate);
        checkStridesAndDilation();
        return this;
    }

    private void checkStridesAndDilation() {
        if (strides > 1 && dilationRate > 1) {
            throw new IllegalArgumentException("Conv1D: `strides > 1` is not compatible with `dilation_rate > 1`. "
                    + "Received: strides=" + strides + " and dilation_rate=" + dilationRate);
        }
    }

    /** @param activation Keras activation name; default none ("linear") */
    public Conv1D activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public Conv1D activation(Activation activation) {
        checkNotBuilt("activation");
        this.activation = Objects.requireNonNull(activation, "activation");
        return this;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public Conv1D useBias(boolean useBias) {
        checkNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    /** @param name Keras initializer name for the kernel; default "glorot_uniform" */
    public Conv1D kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** @param initializer the kernel initializer; default {@code GlorotUniform} */
    public Conv1D kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        this.kernelInitializer = Objects.requireNonNull(initializer, "kernelInitializer");
        return this;
    }

    /** @param name Keras initializer name for the bias; default "zeros" */
    public Conv1D biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public Conv1D biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        this.biasInitializer = Objects.requireNonNull(initializer, "biasInitializer");
        return this;
    }

    /** @param regularizer penalty on the kernel; default none (null) */
    public Conv1D kernelRegularizer(Regularizer regularizer) {
        checkNotBuilt("kernelRegularizer");
        this.kernelRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on the bias; default none (null) */
    public Conv1D biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        this.biasRegularizer = regularizer;
        return this;
    }

    @Override
    public Conv1D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Conv1D name(String name) {
        super.name(name);
        return this;
    }

    public int filters() {
        return filters;
    }

    public int kernelSize() {
        return kernelSize;
    }

    public int strides() {
        return strides;
    }

    public int dilationRate() {
        return dilationRate;
    }

    /** "valid", "same" or "causal". */
    public String padding() {
        return padding.keras();
    }

    public Activation activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    /** The kernel weight, shape (kernel_size, in, filters); null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The bias weight, shape (filters,); null before the layer is built or without a bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void build(int[] inputShape) {
        computeOutputShape(inputShape);
        if (inputShape[1] < 0) {
            throw new IllegalArgumentException(describe() + ": the channel axis of the input must be known; received "
                    + "input shape " + withBatch(inputShape));
        }
        kernel = addWeight("kernel", new int[]{kernelSize, inputShape[1], filters}, kernelInitializer,
                kernelRegularizer);
        if (useBias) {
            bias = addWeight("bias", new int[]{filters}, biasInitializer, biasRegularizer);
        }
    }

    /** As Keras's InputSpec: rank 3 with the built channel count; other lengths are accepted. */
    @Override
    protected void checkInputShape(int[] shape) {
        int[] built = builtInputShape();
        if (shape.length != 2 || (shape[1] != built[1] && shape[1] != -1)) {
            Sequence1D.checkSequence(describe(), shape);
            throw incompatibleInput(built, shape);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        Sequence1D.checkSequence(describe(), inputShape);
        int n = Sequence1D.outputLength(describe(), inputShape[0], kernelSize, strides, dilationRate, padding);
        return new int[]{n, filters};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        if (s.length != 3) {
            Sequence1D.checkSequence(describe(), java.util.Arrays.copyOfRange(s, 1, s.length));
        }
        Tensor x = input.reshape(s[0], 1, s[1], s[2]);
        if (padding == Sequence1D.Padding.CAUSAL) {
            x = ConvOps.zeroPadding2d(x, 0, 0, dilationRate * (kernelSize - 1), 0);
        }
        Tensor k = kernel.value();
        int[] ks = k.shape();
        Tensor k4 = k.reshape(1, ks[0], ks[1], ks[2]);
        Tensor y = ConvOps.conv2d(x, k4, bias == null ? null : bias.value(), 1, strides, 1, dilationRate,
                padding == Sequence1D.Padding.SAME);
        int[] ys = y.shape();
        return activation.apply(y.reshape(ys[0], ys[2], ys[3]));
    }

    /** Keras's Conv1D config: filters, kernel_size, strides, padding, data_format, dilation_rate, groups, ... */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("filters", filters);
        c.put("kernel_size", List.of(kernelSize));
        c.put("strides", List.of(strides));
        c.put("padding", padding.keras());
        c.put("data_format", "channels_last");
        c.put("dilation_rate", List.of(dilationRate));
        c.put("groups", 1);
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
        c.put("activity_regularizer", Regularizers.serialize(activityRegularizer()));
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
        return c;
    }
}
