package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Parallel;
import ganglion.internal.ops.Shapes;

/**
 * Depthwise 2-D convolution with autograd (TensorFlow's {@code depthwise_conv2d}): every input channel c is
 * convolved with its own {@code m} filters, giving output channel {@code c*m + j}. Kernel
 * {@code (kh, kw, in, m)}, as Keras's {@code depthwise_kernel}. Direct loops (each output pixel reads
 * kh*kw input pixels, vectorised over channels): the work is too small per pixel for im2col + GEMM.
 *
 * <p>Forward and the input gradient run in parallel over samples. The kernel gradient is summed per fixed
 * block of {@link #KERNEL_GRAD_BLOCK} samples (in parallel) and the blocks are then added in batch order, so
 * it is bit-identical for any thread count.
 */
final class Depthwise {

    /** Samples per partial kernel gradient; fixed, so results do not depend on the thread count. */
    static final int KERNEL_GRAD_BLOCK = 4;

    private Depthwise() {
    }

    static Tensor depthwiseConv2d(Tensor x, Tensor kernel, Tensor bias, int sh, int sw, int dh, int dw, boolean same) {
        int[] ks = kernel.shape();
        int[] xs = x.shape();
        if (ks.length != 4) {
            throw new IllegalArgumentException("depthwise_conv2d: the kernel must be 4-D (kh, kw, in, multiplier), "
                    + "got shape " + Shapes.str(ks));
        }
        final int m = ks[3];
        ConvGeometry g = ConvGeometry.of(xs, ks[0], ks[1], xs.length == 4 ? xs[3] * m : 0, sh, sw, dh, dw, same,
                "depthwise_conv2d");
        if (ks[2] != g.inC) {
            throw new IllegalArgumentException("depthwise_conv2d: kernel " + Shapes.str(ks) + " expects " + ks[2]
                    + " input channels but the input " + Shapes.str(xs) + " has " + g.inC);
        }
        if (bias != null && (bias.rank() != 1 || bias.shape(0) != g.outC)) {
            throw new IllegalArgumentException("depthwise_conv2d: bias must have shape (" + g.outC + ",), got "
                    + Shapes.str(bias.shape()));
        }
        int[] outShape = g.outputShape();
        float[] xd = x.buffer(), kd = kernel.buffer();
        float[] y = new float[Shapes.checkedSize(outShape)];
        if (bias != null) {
            float[] bd = bias.buffer();
            for (int r = 0, rows = g.n * g.outPixels(); r < rows; r++) {
                System.arraycopy(bd, 0, y, r * g.outC, g.outC);
            }
        }
        Parallel.forRange(g.n, 1, (s, e) -> {
            for (int b = s; b < e; b++) {
                sample(g, m, b, xd, kd, y, null, Mode.FORWARD);
            }
        });
        Tensor[] inputs = bias == null ? new Tensor[]{x, kernel} : new Tensor[]{x, kernel, bias};
        if (!Autograd.needsGrad(inputs)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(inputs) {
            @Override
            public void backward(Tensor output, float[] gy) {
                if (x.requiresGrad()) {
                    float[] gx = gradOf(x);
                    Parallel.forRange(g.n, 1, (s, e) -> {
                        for (int b = s; b < e; b++) {
                            sample(g, m, b, gx, kd, gy, null, Mode.INPUT_GRAD);
                        }
                    });
                }
                if (kernel.requiresGrad()) {
                    kernelGrad(g, m, xd, gy, gradOf(kernel));
                }
                if (bias != null && bias.requiresGrad()) {
                    KernelProvider.get().sumRowsInto(gy, 0, g.n * g.outPixels(), g.outC, gradOf(bias), 0);
                }
            }

            @Override
            public String name() {
                return "depthwise_conv2d";
            }
        });
    }

    private static void kernelGrad(ConvGeometry g, int m, float[] x, float[] gy, float[] gk) {
        int blocks = (g.n + KERNEL_GRAD_BLOCK - 1) / KERNEL_GRAD_BLOCK;
        float[][] partial = new float[blocks][gk.length];
        Parallel.forRange(blocks, 1, (s, e) -> {
            for (int blk = s; blk < e; blk++) {
                int end = Math.min(g.n, (blk + 1) * KERNEL_GRAD_BLOCK);
                for (int b = blk * KERNEL_GRAD_BLOCK; b < end; b++) {
                    sample(g, m, b, x, null, gy, partial[blk], Mode.KERNEL_GRAD);
                }
            }
        });
        for (float[] p : partial) {
            for (int i = 0; i < gk.length; i++) {
                gk[i] += p[i];
            }
        }
    }

    private enum Mode { FORWARD, INPUT_GRAD, KERNEL_GRAD }

    /**
     * One sample's loop nest, shared by the three products (xs: input or its gradient, k: kernel,
     * ys: output or its gradient, gk: kernel gradient):
     * FORWARD ys += xs * k; INPUT_GRAD xs += ys * k; KERNEL_GRAD gk += xs * ys.
     */
    private static void sample(ConvGeometry g, int m, int b, float[] xs, float[] k, float[] ys, float[] gk,
                               Mode mode) {
        final int c = g.inC, oc = g.outC;
        for (int oy = 0; oy < g.outH; oy++) {
            for (int ox = 0; ox < g.outW; ox++) {
                int o = ((b * g.outH + oy) * g.outW + ox) * oc;
                for (int ky = 0; ky < g.kh; ky++) {
                    int iy = oy * g.sh - g.padTop + ky * g.dh;
                    if (iy < 0 || iy >= g.inH) {
                        continue;
                    }
                    for (int kx = 0; kx < g.kw; kx++) {
                        int ix = ox * g.sw - g.padLeft + kx * g.dw;
                        if (ix < 0 || ix >= g.inW) {
                            continue;
                        }
                        int xi = ((b * g.inH + iy) * g.inW + ix) * c;
                        int wi = (ky * g.kw + kx) * oc;
                        if (m == 1) {
                            switch (mode) {
                                case FORWARD -> {
                                    for (int ch = 0; ch < c; ch++) {
                                        ys[o + ch] += xs[xi + ch] * k[wi + ch];
                                    }
                                }
                                case INPUT_GRAD -> {
                                    for (int ch = 0; ch < c; ch++) {
                                        xs[xi + ch] += ys[o + ch] * k[wi + ch];
                                    }
                                }
                                case KERNEL_GRAD -> {
                                    for (int ch = 0; ch < c; ch++) {
                                        gk[wi + ch] += xs[xi + ch] * ys[o + ch];
                                    }
                                }
                            }
                            continue;
                        }
                        for (int ch = 0; ch < c; ch++) {
                            int base = ch * m;
                            for (int j = 0; j < m; j++) {
                                switch (mode) {
                                    case FORWARD -> ys[o + base + j] += xs[xi + ch] * k[wi + base + j];
                                    case INPUT_GRAD -> xs[xi + ch] += ys[o + base + j] * k[wi + base + j];
                                    case KERNEL_GRAD -> gk[wi + base + j] += xs[xi + ch] * ys[o + base + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
