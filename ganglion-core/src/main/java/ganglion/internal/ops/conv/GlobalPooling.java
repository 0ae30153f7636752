package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.ops.Shapes;

/**
 * Global average and max pooling over every axis between the batch and the (last) channel axis, with
 * autograd: (batch, ..., channels) to (batch, channels), or (batch, 1, ..., 1, channels) with keepDims.
 */
final class GlobalPooling {

    private GlobalPooling() {
    }

    static Tensor globalPool(Tensor x, boolean max, boolean keepDims) {
        String op = max ? "global_max_pool" : "global_avg_pool";
        int[] xs = x.shape();
        if (xs.length < 3) {
            throw new IllegalArgumentException(op + " expects input (batch, ..., channels) of rank 3 or more, got shape "
                    + Shapes.str(xs));
        }
        final int n = xs[0], c = xs[xs.length - 1], s = Shapes.prod(xs, 1, xs.length - 1);
        if (max && s == 0) {
            throw new IllegalArgumentException(op + ": no spatial cells to take the maximum of in " + Shapes.str(xs));
        }
        float[] xd = x.buffer();
        float[] y = new float[n * c];
        for (int b = 0; b < n; b++) {
            int base = b * s * c, o = b * c;
            if (max) {
                System.arraycopy(xd, base, y, o, c);
                for (int p = 1; p < s; p++) {
                    int i = base + p * c;
                    for (int ch = 0; ch < c; ch++) {
                        y[o + ch] = Math.max(y[o + ch], xd[i + ch]);
                    }
                }
            } else {
                KernelProvider.get().sumRowsInto(xd, base, s, c, y, o);
                float inv = 1f / s;
                for (int ch = 0; ch < c; ch++) {
                    y[o + ch] *= inv;
                }
            }
        }
        int[] outShape;
        if (keepDims) {
            outShape = xs.clone();
            java.util.Arrays.fill(outShape, 1, xs.length - 1, 1);
        } else {
            outShape = new int[]{n, c};
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(x) {
            @Override
            public void backward(Tensor output, float[] gy) {
                float[] gx = gradOf(x);
                float inv = 1f / s;
                for (int b = 0; b < n; b++) {
                    int base = b * s * c, o = b * c;
                    if (max) {
                        // to the first cell holding the maximum
                        for (int ch = 0; ch < c; ch++) {
                            for (int p = 0; p < s; p++) {
                                int i = base + p * c + ch;
                                if (Float.compare(xd[i], y[o + ch]) == 0) {
                                    gx[i] += gy[o + ch];
                                    break;
                                }
                            }
                        }
                    } else {
                        for (int p = 0; p < s; p++) {
                            int i = base + p * c;
                            for (int ch = 0; ch < c; ch++) {
                                gx[i + ch] += gy[o + ch] * inv;
                            }
                        }
                    }
                }
            }

            @Override
            public String name() {
                return op;
            }
        });
    }
}
