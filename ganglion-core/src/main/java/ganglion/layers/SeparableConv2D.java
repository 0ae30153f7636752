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
 * Keras's {@code SeparableConv2D}: a depthwise separable 2-D convolution. A depthwise convolution first
 * filters each input channel on its own ({@code depth_multiplier} filters per channel, with the strides,
 * padding and dilation given), then a pointwise 1x1 convolution mixes the channels into {@code filters}
 * outputs; then bias and activation. Weights: {@code depthwise_kernel (kh, kw, in, depth_multiplier)},
 * {@code pointwise_kernel (1, 1, in * depth_multiplier, filters)}, {@code bias (filters,)}.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, new_height, new_width, filters)}, sized as {@link Conv2D}'s.
 *
 * <pre>{@code
 * new SeparableConv2D(64, 3).padding("same").activation("relu");
 * }</pre>
 */
public class SeparableConv2D extends Layer {

    private final ConvSettings s;
    private int depthMultiplier = 1;
    private Initializer depthwiseInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer pointwiseInitializer = Initializers.GLOROT_UNIFORM;
    private Regularizer depthwiseRegularizer, pointwiseRegularizer;
    private Variable depthwiseKernel, pointwiseKernel, bias;

    /** {@code SeparableConv2D(filters, kernel_size)} with a square kernel. */
    public SeparableConv2D(int filters, int kernelSize) {
        this(filters, kernelSize, kernelSize);
    }

    /** {@code SeparableConv2D(filters, kernel_size=(kh, kw))}. */
    public SeparableConv2D(int filters, int kh, int kw) {
        s = new ConvSettings("SeparableConv2D", false, filters, kh, kw);
    }

    /** @param n the stride along both axes; default 1 */
    public SeparableConv2D strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default (1, 1) */
    public SeparableConv2D strides(int sh, int sw) {
        checkNotBuilt("strides");
        s.strides(sh, sw);
        return this;
    }

    /** @param padding "valid" (default) or "same" */
    public SeparableConv2D padding(String padding) {
        checkNotBuilt("padding");
        s.padding(padding);
        return this;
    }

    /** @param n the dilation rate along both axes; default 1 */
    public SeparableConv2D dilationRate(int n) {
        return dilationRate(n, n);
    }

    /** @param dh dilation along the height; @param dw along the width; default (1, 1) */
    public SeparableConv2D dilationRate(int dh, int dw) {
        checkNotBuilt("dilationRate");
        s.dilationRate(dh, dw);
        return this;
    }

    /** @param depthMultiplier depthwise filters per input channel; default 1 */
    public SeparableConv2D depthMultiplier(int depthMultiplier) {
        checkNotBuilt("depthMultiplier");
        if (depthMultiplier <= 0) {
            throw new IllegalArgumentException("SeparableConv2D: invalid value for argument `depth_multiplier`. "
                    + "Expected a strictly positive value. Received depth_multiplier=" + depthMultiplier + ".");
        }
        this.depthMultiplier = depthMultiplier;
        return this;
    }

    /** @param activation Keras activation name; default none ("linear") */
    public SeparableConv2D activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public SeparableConv2D activation(Activation activation) {
        checkNotBuilt("activation");
        s.activation(activation);
        return this;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public SeparableConv2D useBias(boolean useBias) {
        checkNotBuilt("useBias");
        s.useBias(useBias);
        return this;
    }

    /** @param initializer the depthwise kernel initializer; default {@code GlorotUniform} */
    public SeparableConv2D depthwiseInitializer(Initializer initializer) {
        checkNotBuilt("depthwiseInitializer");
        this.depthwiseInitializer = Objects.requireNonNull(initializer, "depthwiseInitializer");
        return this;
    }

    /** @param name initializer name for the depthwise kernel; default "glorot_uniform" */
    public SeparableConv2D depthwiseInitializer(String name) {
        return depthwiseInitializer(Initializers.get(name));
    }

    /** @param initializer the pointwise kernel initializer; default {@code GlorotUniform} */
    public SeparableConv2D pointwiseInitializer(Initializer initializer) {
        checkNotBuilt("pointwiseInitializer");
        this.pointwiseInitializer = Objects.requireNonNull(initializer, "pointwiseInitializer");
        return this;
    }

    /** @param name initializer name for the pointwise kernel; default "glorot_uniform" */
    public SeparableConv2D pointwiseInitializer(String name) {
        return pointwiseInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public SeparableConv2D biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        s.biasInitializer(initializer);
        return this;
    }

    /** @param name initializer name for the bias; default "zeros" */
    public SeparableConv2D biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param regularizer penalty on the depthwise kernel; default none */
    public SeparableConv2D depthwiseRegularizer(Regularizer regularizer) {
        checkNotBuilt("depthwiseRegularizer");
        this.depthwiseRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on the pointwise kernel; default none */
    public SeparableConv2D pointwiseRegularizer(Regularizer regularizer) {
        checkNotBuilt("pointwiseRegularizer");
        this.pointwiseRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on the bias; default none */
    public SeparableConv2D biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        s.biasRegularizer(regularizer);
        return this;
    }

    /** @param regularizer penalty on the layer's output; default none (null) */
    @Override
    public SeparableConv2D activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    public SeparableConv2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public SeparableConv2D name(String name) {
        super.name(name);
        return this;
    }

    public int filters() {
        return s.filters();
    }

    public int depthMultiplier() {
        return depthMultiplier;
    }

    /** (kh, kw, in, depth_multiplier); null before the build. */
    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    /** (1, 1, in * depth_multiplier, filters); null before the build. */
    public Variable pointwiseKernel() {
        return pointwiseKernel;
    }

    /** (filters,); null before the build or without a bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void build(int[] inputShape) {
        s.outputShape(describe(), inputShape);
        int c = inputShape[2];
        depthwiseKernel = addWeight("depthwise_kernel", new int[]{s.kh(), s.kw(), c, depthMultiplier},
                depthwiseInitializer, depthwiseRegularizer);
        pointwiseKernel = addWeight("pointwise_kernel", new int[]{1, 1, c * depthMultiplier, s.filters()},
                pointwiseInitializer, pointwiseRegularizer);
        if (s.useBias()) {
            bias = addWeight("bias", new int[]{s.filters()}, s.biasInitializer(), s.biasRegularizer());
        }
    }

    /** As Keras's InputSpec: rank 4 with the built channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        requireInputRankAndAxis(shape, 3, 2);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return s.outputShape(describe(), inputShape);
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor d = ConvOps.depthwiseConv2d(input, depthwiseKernel.value(), null, s.sh(), s.sw(), s.dh(), s.dw(),
                s.same());
        Tensor y = ConvOps.conv2d(d, pointwiseKernel.value(), bias == null ? null : bias.value(), 1, 1, 1, 1, false);
        return s.activation().apply(y);
    }

    /** Keras's SeparableConv2D config. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("depth_multiplier", depthMultiplier);
        c.put("filters", s.filters());
        c.put("kernel_size", List.of(s.kh(), s.kw()));
        c.put("strides", List.of(s.sh(), s.sw()));
        c.put("padding", s.same() ? "same" : "valid");
        c.put("data_format", "channels_last");
        c.put("dilation_rate", List.of(s.dh(), s.dw()));
        c.put("activation", Activations.serialize(s.activation()));
        c.put("use_bias", s.useBias());
        c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
        c.put("pointwise_initializer", Initializers.serialize(pointwiseInitializer));
        c.put("bias_initializer", Initializers.serialize(s.biasInitializer()));
        c.put("depthwise_regularizer", Regularizers.serialize(depthwiseRegularizer));
        c.put("pointwise_regularizer", Regularizers.serialize(pointwiseRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(s.biasRegularizer()));
        c.put("activity_regularizer", Regularizers.serialize(activityRegularizer()));
        c.put("depthwise_constraint", null);
        c.put("pointwise_constraint", null);
        c.put("bias_constraint", null);
        return c;
    }
}
