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
 * Keras's {@code Conv2D}: a 2-D convolution layer (spatial cross-correlation over images),
 * {@code output = activation(conv2d(input, kernel) + bias)}. The kernel has shape
 * {@code (kh, kw, in_channels, filters)}, the bias {@code (filters,)}; data are channels-last.
 *
 * <p>"valid" padding (the default) adds none: the output has {@code floor((n - d*(k-1) - 1)/s) + 1} rows.
 * "same" pads with zeros so that the output has {@code ceil(n/s)} rows, the odd padding row going after
 * the data as in TensorFlow.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, new_height, new_width, filters)}.
 *
 * <pre>{@code
 * new Conv2D(32, 3).activation("relu").inputShape(28, 28, 1);   // (None, 26, 26, 32), 320 parameters
 * new Conv2D(64, 3, 3).padding("same").strides(2);
 * }</pre>
 */
public class Conv2D extends Conv2DBase {

    /** {@code Conv2D(filters, kernel_size)} with a square kernel. */
    public Conv2D(int filters, int kernelSize) {
        this(filters, kernelSize, kernelSize);
    }

    /** {@code Conv2D(filters, kernel_size=(kh, kw))}. */
    public Conv2D(int filters, int kh, int kw) {
        super(new ConvSettings("Conv2D", false, filters, kh, kw));
    }

    /** @param n the stride along both axes; default 1 */
    public Conv2D strides(int n) {
        return strides(n, n);
    }

    /** @param sh stride along the height; @param sw along the width; default (1, 1) */
    public Conv2D strides(int sh, int sw) {
        checkNotBuilt("strides");
        s.strides(sh, sw);
        return this;
    }

    /** @param padding "valid" (default, no padding) or "same" (zero padding, output ceil(n/stride)) */
    public Conv2D padding(String padding) {
        checkNotBuilt("padding");
        s.padding(padding);
        return this;
    }

    /** @param n the dilation rate along both axes; default 1 (incompatible with strides above 1) */
    public Conv2D dilationRate(int n) {
        return dilationRate(n, n);
    }

    /** @param dh dilation along the height; @param dw along the width; default (1, 1) */
    public Conv2D dilationRate(int dh, int dw) {
        checkNotBuilt("dilationRate");
        s.dilationRate(dh, dw);
        return this;
    }

    /** @param activation Keras activation name; default none ("linear") */
    public Conv2D activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public Conv2D activation(Activation activation) {
        checkNotBuilt("activation");
        s.activation(activation);
        return this;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public Conv2D useBias(boolean useBias) {
        checkNotBuilt("useBias");
        s.useBias(useBias);
        return this;
    }

    /** @param name Keras initializer name for the kernel; default "glorot_uniform" */
    public Conv2D kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** @param initializer the kernel initializer; default {@code GlorotUniform} */
    public Conv2D kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        s.kernelInitializer(initializer);
        return this;
    }

    /** @param name Keras initializer name for the bias; default "zeros" */
    public Conv2D biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public Conv2D biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        s.biasInitializer(initializer);
        return this;
    }

    /** @param name Keras regularizer name ("l1", "l2", "l1_l2") for the kernel; default none */
    public Conv2D kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the kernel; default none (null) */
    public Conv2D kernelRegularizer(Regularizer regularizer) {
        checkNotBuilt("kernelRegularizer");
        s.kernelRegularizer(regularizer);
        return this;
    }

    /** @param name Keras regularizer name for the bias; default none */
    public Conv2D biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the bias; default none (null) */
    public Conv2D biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        s.biasRegularizer(regularizer);
        return this;
    }

    /** @param regularizer penalty on the layer's output; default none (null) */
    @Override
    public Conv2D activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    public Conv2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Conv2D name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor b = bias() == null ? null : bias().value();
        if (s.activation() == Activations.RELU) {
            // Bias and relu fused into the convolution: one output array and one graph node.
            return ConvOps.conv2dRelu(input, kernel().value(), b, s.sh(), s.sw(), s.dh(), s.dw(), s.same());
        }
        Tensor y = ConvOps.conv2d(input, kernel().value(), b, s.sh(), s.sw(), s.dh(), s.dw(), s.same());
        return s.activation().apply(y);
    }
}
