package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.ops.Shapes;

/**
 * 2-D convolution and transposed convolution with autograd (TensorFlow's {@code conv2d} and
 * {@code conv2d_transpose}), NHWC, with an optional fused bias.
 */
final class Convolution {

    private Convolution() {
    }

    /**
     * {@code y[b, oy, ox, o] = bias[o] + sum over ky, kx, c of x[b, oy*sh - padTop + ky*dh,
     * ox*sw - padLeft + kx*dw, c] * kernel[ky, kx, c, o]}, cells outside x being zero.
     *
     * @param x      input (batch, height, width, in)
     * @param kernel (kh, kw, in, out)
     * @param bias   (out,), or null
     */
    static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, int sh, int sw, int dh, int dw, boolean same) {
        return conv2d(x, kernel, bias, sh, sw, dh, dw, same, false);
    }

    /**
     * As {@link #conv2d(Tensor, Tensor, Tensor, int, int, int, int, boolean)}, followed by {@code max(y, 0)} when
     * {@code relu}: the activation is applied in place right after the GEMM and its gradient mask is applied to
     * dY once, before the three products, so the fused op saves a pass, an output array and a graph node.
     */
    static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, int sh, int sw, int dh, int dw, boolean same,
                         boolean relu) {
        int[] ks = checkKernel("conv2d", kernel);
        int[] xs = x.shape();
        ConvGeometry g = ConvGeometry.of(xs, ks[0], ks[1], ks[3], sh, sw, dh, dw, same, "conv2d");
        if (ks[2] != g.inC) {
            throw new IllegalArgumentException("conv2d: kernel " + Shapes.str(ks) + " expects " + ks[2]
                    + " input channels but the input " + Shapes.str(xs) + " has " + g.inC);
        }
        checkBias("conv2d", bias, g.outC);
        int[] outShape = g.outputShape();
        float[] y = new float[Shapes.checkedSize(outShape)];
        float[] xd = x.buffer(), kd = kernel.buffer();
        ConvGemm.forward(g, xd, kd, bias == null ? null : bias.buffer(), y, false, relu);
        Tensor[] inputs = bias == null ? new Tensor[]{x, kernel} : new Tensor[]{x, kernel, bias};
        if (!Autograd.needsGrad(inputs)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(inputs) {
            @Override
            public void backward(Tensor output, float[] gyIn) {
                float[] gy = gyIn;
                if (relu) {
                    // dY of the pre-activation: zero where the output was clipped (y == 0).
                    gy = Scratch.get(Scratch.RELU_GRAD, y.length);
                    java.util.Arrays.fill(gy, 0, y.length, 0f);
                    KernelProvider.get().reluBackward(y, 0, gyIn, 0, gy, 0, y.length);
                }
                if (kernel.requiresGrad()) {
                    ConvGemm.backwardFilter(g, xd, gy, gradOf(kernel));
                }
                if (bias != null && bias.requiresGrad()) {
                    KernelProvider.get().sumRowsInto(gy, 0, g.n * g.outPixels(), g.outC, gradOf(bias), 0);
                }
                if (x.requiresGrad()) {
                    ConvGemm.backwardData(g, gy, kd, gradOf(x));
                }
            }

            @Override
            public String name() {
                return relu ? "conv2d_relu" : "conv2d";
            }
        });
    }

    /**
     * The transposed convolution (the gradient of {@link #conv2d} with respect to its input, used forward):
     * input (batch, h, w, in), kernel (kh, kw, out, in) as Keras stores it, output
     * (batch, H, W, out) with H = h*s for "same" and h*s + max(k_eff - s, 0) for "valid" (Keras's
     * {@code deconv_output_length} without output padding).
     */
    static Tensor conv2dTranspose(Tensor x, Tensor kernel, Tensor bias, int sh, int sw, int dh, int dw,
                                  boolean same) {
        int[] ks = checkKernel("conv2d_transpose", kernel);
        int[] xs = x.shape();
        if (xs.length != 4) {
            throw new IllegalArgumentException("conv2d_transpose expects 4-D input (batch, height, width, channels),"
                    + " got shape " + Shapes.str(xs));
        }
        if (ks[3] != xs[3]) {
            throw new IllegalArgumentException("conv2d_transpose: kernel " + Shapes.str(ks) + " expects " + ks[3]
                    + " input channels (last kernel axis) but the input " + Shapes.str(xs) + " has " + xs[3]);
        }
        int outH = ConvGeometry.transposeOutputLength(xs[1], ks[0], sh, dh, same);
        int outW = ConvGeometry.transposeOutputLength(xs[2], ks[1], sw, dw, same);
        // The forward conv this op is the adjoint of: from (outH, outW, out) down to (h, w, in).
        ConvGeometry g = ConvGeometry.of(new int[]{xs[0], outH, outW, ks[2]}, ks[0], ks[1], ks[3],
                sh, sw, dh, dw, same, "conv2d_transpose");
        if (g.outH != xs[1] || g.outW != xs[2]) {
            throw new IllegalStateException("conv2d_transpose: geometry mismatch " + g.outH + "x" + g.outW
                    + " vs " + Shapes.str(xs));
        }
        checkBias("conv2d_transpose", bias, ks[2]);
        int[] outShape = {xs[0], outH, outW, ks[2]};
        float[] y = new float[Shapes.checkedSize(outShape)];
        int outPixels = xs[0] * outH * outW;
        if (bias != null) {
            float[] bd = bias.buffer();
            for (int r = 0; r < outPixels; r++) {
                System.arraycopy(bd, 0, y, r * ks[2], ks[2]);
            }
        }
        float[] xd = x.buffer(), kd = kernel.buffer();
        ConvGemm.backwardData(g, xd, kd, y);
        Tensor[] inputs = bias == null ? new Tensor[]{x, kernel} : new Tensor[]{x, kernel, bias};
        if (!Autograd.needsGrad(inputs)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(inputs) {
            @Override
            public void backward(Tensor output, float[] gy) {
                if (kernel.requiresGrad()) {
                    ConvGemm.backwardFilter(g, gy, xd, gradOf(kernel));
                }
                if (bias != null && bias.requiresGrad()) {
                    KernelProvider.get().sumRowsInto(gy, 0, outPixels, ks[2], gradOf(bias), 0);
                }
                if (x.requiresGrad()) {
                    ConvGemm.forward(g, gy, kd, null, gradOf(x), true);
                }
            }

            @Override
            public String name() {
                return "conv2d_transpose";
            }
        });
    }

    private static int[] checkKernel(String op, Tensor kernel) {
        int[] ks = kernel.shape();
        if (ks.length != 4) {
            throw new IllegalArgumentException(op + ": the kernel must be 4-D (kh, kw, in, out), got shape "
                    + Shapes.str(ks));
        }
        return ks;
    }

    private static void checkBias(String op, Tensor bias, int channels) {
        if (bias != null && (bias.rank() != 1 || bias.shape(0) != channels)) {
            throw new IllegalArgumentException(op + ": bias must have shape (" + channels + ",), got "
                    + Shapes.str(bias.shape()));
        }
    }
}
