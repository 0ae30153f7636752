package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.activations.Activation;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code DepthwiseConv2D}: each input channel is convolved with its own {@code depth_multiplier}
 * filters (no mixing across channels), then bias and activation. Weights: {@code depthwise_kernel
 * (kh, kw, in, depth_multiplier)} and {@code bias (in * depth_multiplier,)}; output channel
 * {@code c * depth_multiplier + j} comes from input channel c. MobileNet's building block.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, new_height, new_width, channels * depth_multiplier)}, sized as {@link Conv2D}'s.
 *
 * <pre>{@code
 * new DepthwiseConv2D(3).strides(2).useBias(false).name("block_1_depthwise");
 * }</pre>
 */
public class DepthwiseConv2D extends Layer {

    /** filters is a placeholder (1): output channels are in * depth_multiplier, known at build. */
    private final ConvSettings s;
    private int depthMultiplier = 1;
    private Initializer depthwiseInitializer = Initializers.GLOROT_UNIFORM;
    private Regularizer depthwiseRegularizer;
    private Variable depthwiseKernel, bias;

    /** {@code DepthwiseConv2D(kernel_size)} with a square kernel. */
    public DepthwiseConv2D(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** {@code DepthwiseConv2D(kernel_size=(kh, kw))}. */
    public DepthwiseConv2D(int kh, int kw) {
        s = new ConvSettings("DepthwiseConv2D", false, 1, kh, kw);
    }

    /** @param n the stride along both axes; default 1 */
    public DepthwiseConv2D strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default (1, 1) */
    public DepthwiseConv2D strides(int sh, int sw) {
        checkNotBuilt("strides");
        s.strides(sh, sw);
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public DepthwiseConv2D padding(String padding) {
        checkNotBuilt("padding");
        s.padding(padding);
        return this;
    }

    /** @param n the dilation rate along both axes; default 1 */
    public DepthwiseConv2D dilationRate(int n) {
        checkNotBuilt("dilationRate");
        s.dilationRate(n, n);
        return this;
    }

    /** @param depthMultiplier filters per input channel; default 1 */
    public DepthwiseConv2D depthMultiplier(int depthMultiplier) {
        checkNotBuilt("depthMultiplier");
        if (depthMultiplier <= 0) {
            throw new IllegalArgumentException("DepthwiseConv2D: invalid value for argument `depth_multiplier`. "
                    + "Expected a strictly positive value. Received depth_multiplier=" + depthMultiplier + ".");
        }
        this.depthMultiplier = depthMultiplier;
        return this;
    }

    /** @param activation Keras activation name; default none ("linear") */
    public DepthwiseConv2D activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public DepthwiseConv2D activation(Activation activation) {
        checkNotBuilt("activation");
        s.activation(activation);
        return this;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public DepthwiseConv2D useBias(boolean useBias) {
        checkNotBuilt("useBias");
        s.useBias(useBias);
        return this;
    }

    /** @param initializer the depthwise kernel initializer; default {@code GlorotUniform} */
    public DepthwiseConv2D depthwiseInitializer(Initializer initializer) {
        checkNotBuilt("depthwiseInitializer");
        this.depthwiseInitializer = Objects.requireNonNull(initializer, "depthwiseInitializer");
        return this;
    }

    /** @param name initializer name for the depthwise kernel; default "glorot_uniform" */
    public DepthwiseConv2D depthwiseInitializer(String name) {
        return depthwiseInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public DepthwiseConv2D biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        s.biasInitializer(initializer);
        return this;
    }

    /** @param regularizer penalty on the depthwise kernel; default none */
    public DepthwiseConv2D depthwiseRegularizer(Regularizer regularizer) {
        checkNotBuilt("depthwiseRegularizer");
        this.depthwiseRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on the bias; default none */
    public DepthwiseConv2D biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        s.biasRegularizer(regularizer);
        return this;
    }

    @Override
    public DepthwiseConv2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public DepthwiseConv2D name(String name) {
        super.name(name);
        return this;
    }

    public int depthMultiplier() {
        return depthMultiplier;
    }

    /** (kh, kw, in, depth_multiplier); null before the build. */
    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    /** (in * depth_multiplier,); null before the build or without a bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void build(int[] inputShape) {
        computeOutputShape(inputShape);
        int c = inputShape[2];
        depthwiseKernel = addWeight("depthwise_kernel", new int[]{s.kh(), s.kw(), c, depthMultiplier},
                depthwiseInitializer, depthwiseRegularizer);
        if (s.useBias()) {
            bias = addWeight("bias", new int[]{c * depthMultiplier}, s.biasInitializer(), s.biasRegularizer());
        }
    }

    /** As Keras's InputSpec: rank 4 with the built channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        requireInputRankAndAxis(shape, 3, 2);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = s.outputShape(describe(), inputShape);
        out[2] = inputShape[2] * depthMultiplier;
        return out;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor y = ConvOps.depthwiseConv2d(input, depthwiseKernel.value(), bias == null ? null : bias.value(),
                s.sh(), s.sw(), s.dh(), s.dw(), s.same());
        return s.activation().apply(y);
    }

    /** Keras's DepthwiseConv2D config. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("kernel_size", List.of(s.kh(), s.kw()));
        c.put("strides", List.of(s.sh(), s.sw()));
        c.put("padding", s.same() ? "same" : "valid");
        c.put("depth_multiplier", depthMultiplier);
        c.put("data_format", "channels_last");
        c.put("dilation_rate", List.of(s.dh(), s.dw()));
        c.put("activation", Activations.serialize(s.activation()));
        c.put("use_bias", s.useBias());
        c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
        c.put("bias_initializer", Initializers.serialize(s.biasInitializer()));
        c.put("depthwise_regularizer", Regularizers.serialize(depthwiseRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(s.biasRegularizer()));
        c.put("activity_regularizer", Regularizers.serialize(activityRegularizer()));
        c.put("depthwise_constraint", null);
        c.put("bias_constraint", null);
        return c;
    }
}
