package ganglion.layers;

import ganglion.Tensor;
import ganglion.activations.Activation;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

/**
 * Keras's {@code Conv2DTranspose}: the transposed 2-D convolution (sometimes called deconvolution), the
 * gradient of a {@link Conv2D} with respect to its input used as a forward map, typically to up-sample,
 * {@code output = activation(conv2d_transpose(input, kernel) + bias)}. The kernel has shape
 * {@code (kh, kw, filters, in_channels)}, the bias {@code (filters,)}; data are channels-last.
 *
 * <p>Output size per spatial axis (Keras's rule without {@code output_padding}): {@code n*s} for "same",
 * {@code n*s + max(k_eff - s, 0)} for "valid", where {@code k_eff = d*(k-1) + 1}.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, new_height, new_width, filters)}.
 *
 * <pre>{@code
 * new Conv2DTranspose(16, 3).strides(2).padding("same");   // (None, 7, 7, 32) -> (None, 14, 14, 16)
 * }</pre>
 */
public class Conv2DTranspose extends Conv2DBase {

    /** {@code Conv2DTranspose(filters, kernel_size)} with a square kernel. */
    public Conv2DTranspose(int filters, int kernelSize) {
        this(filters, kernelSize, kernelSize);
    }

    /** {@code Conv2DTranspose(filters, kernel_size=(kh, kw))}. */
    public Conv2DTranspose(int filters, int kh, int kw) {
        super(new ConvSettings("Conv2DTranspose", true, filters, kh, kw));
    }

    /** @param n the stride along both axes; default 1 */
    public Conv2DTranspose strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default (1, 1) */
    public Conv2DTranspose strides(int sh, int sw) {
        checkNotBuilt("strides");
        s.strides(sh, sw);
        return this;
    }

    /** @param padding "valid" (default) or "same" (output n*stride) */
    public Conv2DTranspose padding(String padding) {
        checkNotBuilt("padding");
        s.padding(padding);
        return this;
    }

    /** @param n the dilation rate along both axes; default 1 (incompatible with strides above 1) */
    public Conv2DTranspose dilationRate(int n) {
        return dilationRate(n, n);
    }

    /** @param dh dilation along the height; @param dw along the width; default (1, 1) */
    public Conv2DTranspose dilationRate(int dh, int dw) {
        checkNotBuilt("dilationRate");
        s.dilationRate(dh, dw);
        return this;
    }

    /** @param activation Keras activation name; default none ("linear") */
    public Conv2DTranspose activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public Conv2DTranspose activation(Activation activation) {
        checkNotBuilt("activation");
        s.activation(activation);
        return this;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public Conv2DTranspose useBias(boolean useBias) {
        checkNotBuilt("useBias");
        s.useBias(useBias);
        return this;
    }

    /** @param name Keras initializer name for the kernel; default "glorot_uniform" */
    public Conv2DTranspose kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** @param initializer the kernel initializer; default {@code GlorotUniform} */
    public Conv2DTranspose kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        s.kernelInitializer(initializer);
        return this;
    }

    /** @param name Keras initializer name for the bias; default "zeros" */
    public Conv2DTranspose biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public Conv2DTranspose biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        s.biasInitializer(initializer);
        return this;
    }

    /** @param name Keras regularizer name ("l1", "l2", "l1_l2") for the kernel; default none */
    public Conv2DTranspose kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the kernel; default none (null) */
    public Conv2DTranspose kernelRegularizer(Regularizer regularizer) {
        checkNotBuilt("kernelRegularizer");
        s.kernelRegularizer(regularizer);
        return this;
    }

    /** @param name Keras regularizer name for the bias; default none */
    public Conv2DTranspose biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the bias; default none (null) */
    public Conv2DTranspose biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        s.biasRegularizer(regularizer);
        return this;
    }

    /** @param regularizer penalty on the layer's output; default none (null) */
    @Override
    public Conv2DTranspose activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    public Conv2DTranspose inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Conv2DTranspose name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor y = ConvOps.conv2dTranspose(input, kernel().value(), bias() == null ? null : bias().value(),
                s.sh(), s.sw(), s.dh(), s.dw(), s.same());
        return s.activation().apply(y);
    }
}
