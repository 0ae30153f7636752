package ganglion.internal.ops.conv;

import ganglion.Tensor;

/**
 * The convolution-family ops that layers call: each takes and returns tensors (NHWC), records autograd
 * when an input needs a gradient, and validates shapes with messages that name the op and the shapes.
 * "same" padding follows TensorFlow: the odd padding cell goes after the data (see {@link ConvGeometry}).
 */
public final class ConvOps {

    private ConvOps() {
    }

    /**
     * 2-D convolution, TensorFlow's {@code conv2d} plus an optional bias.
     *
     * @param x      (batch, height, width, in)
     * @param kernel (kh, kw, in, out), Keras's layout
     * @param bias   (out,), or null
     * @param same   "same" padding when true, "valid" when false
     * @return (batch, outH, outW, out)
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW,
                                int dilationH, int dilationW, boolean same) {
        return Convolution.conv2d(x, kernel, bias, strideH, strideW, dilationH, dilationW, same);
    }

    /**
     * {@code relu(conv2d(x, kernel) + bias)} as one op (Keras's {@code Conv2D(activation="relu")}): the same
     * values and gradients as {@code conv2d(...).relu()}, with one output array and one graph node.
     */
    public static Tensor conv2dRelu(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW,
                                    int dilationH, int dilationW, boolean same) {
        return Convolution.conv2d(x, kernel, bias, strideH, strideW, dilationH, dilationW, same, true);
    }

    /**
     * Transposed 2-D convolution, TensorFlow's {@code conv2d_transpose} with Keras's output size
     * ({@code h*s} for "same", {@code h*s + max(k_eff - s, 0)} for "valid"), plus an optional bias.
     *
     * @param kernel (kh, kw, out, in), Keras's {@code Conv2DTranspose} layout
     */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW,
                                         int dilationH, int dilationW, boolean same) {
        return Convolution.conv2dTranspose(x, kernel, bias, strideH, strideW, dilationH, dilationW, same);
    }

    /**
     * Depthwise 2-D convolution, TensorFlow's {@code depthwise_conv2d} plus an optional bias: input channel c
     * is convolved with its own multiplier filters, giving output channels {@code c*m .. c*m + m-1}.
     *
     * @param kernel (kh, kw, in, multiplier), Keras's {@code depthwise_kernel}
     * @param bias   (in * multiplier,), or null
     */
    public static Tensor depthwiseConv2d(Tensor x, Tensor kernel, Tensor bias, int strideH, int strideW,
                                         int dilationH, int dilationW, boolean same) {
        return Depthwise.depthwiseConv2d(x, kernel, bias, strideH, strideW, dilationH, dilationW, same);
    }

    /** Max pooling over (poolH, poolW) windows; padded cells never win. */
    public static Tensor maxPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, boolean same) {
        return Pooling.maxPool2d(x, poolH, poolW, strideH, strideW, same);
    }

    /** Average pooling over (poolH, poolW) windows; padded cells are not counted. */
    public static Tensor avgPool2d(Tensor x, int poolH, int poolW, int strideH, int strideW, boolean same) {
        return Pooling.avgPool2d(x, poolH, poolW, strideH, strideW, same);
    }

    /** Mean over the spatial axes: (batch, ..., c) to (batch, c), or (batch, 1, ..., 1, c) with keepDims. */
    public static Tensor globalAvgPool(Tensor x, boolean keepDims) {
        return GlobalPooling.globalPool(x, false, keepDims);
    }

    /** Maximum over the spatial axes: (batch, ..., c) to (batch, c), or (batch, 1, ..., 1, c) with keepDims. */
    public static Tensor globalMaxPool(Tensor x, boolean keepDims) {
        return GlobalPooling.globalPool(x, true, keepDims);
    }

    /** Zero rows above/below and zero columns left/right of each image. */
    public static Tensor zeroPadding2d(Tensor x, int top, int bottom, int left, int right) {
        return Spatial.zeroPadding2d(x, top, bottom, left, right);
    }

    /** Nearest-neighbour up-sampling: each row repeated sizeH times, each column sizeW times. */
    public static Tensor upSampling2d(Tensor x, int sizeH, int sizeW) {
        return Spatial.upSampling2d(x, sizeH, sizeW);
    }

    /**
     * Training-mode batch normalisation over the last axis: normalises with the batch mean and biased
     * variance over every other axis. gamma/beta may be null (scale 1, offset 0).
     */
    public static BatchNormResult batchNormTraining(Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        return BatchNorm.training(x, gamma, beta, epsilon);
    }

    /** Inference-mode batch normalisation over the last axis with given statistics (no gradient to them). */
    public static Tensor batchNormInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance,
                                            float epsilon) {
        return BatchNorm.inference(x, gamma, beta, mean, variance, epsilon);
    }

    /**
     * The output of a training-mode batch norm and the batch statistics it used.
     *
     * @param output   the normalised tensor
     * @param mean     per-channel batch mean
     * @param variance per-channel biased batch variance
     */
    public record BatchNormResult(Tensor output, float[] mean, float[] variance) {
    }
}
