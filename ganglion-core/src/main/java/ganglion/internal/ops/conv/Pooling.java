package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.Parallel;
import ganglion.internal.ops.Shapes;

/**
 * Max and average pooling over 2-D windows of an NHWC batch, with autograd. Padded cells ("same") never
 * take part: a max ignores them and an average divides by the number of real cells under the window (as
 * TensorFlow, and Keras's {@code count_include_pad=False}). The work is split over samples; each sample
 * is written by one thread, in a fixed order, so results do not depend on the thread count.
 */
final class Pooling {

    private static final int MIN_PARALLEL_WORK = 1 << 15;

    private Pooling() {
    }

    static Tensor maxPool2d(Tensor x, int ph, int pw, int sh, int sw, boolean same) {
        return pool(x, ph, pw, sh, sw, same, true);
    }

    static Tensor avgPool2d(Tensor x, int ph, int pw, int sh, int sw, boolean same) {
        return pool(x, ph, pw, sh, sw, same, false);
    }

    private static Tensor pool(Tensor x, int ph, int pw, int sh, int sw, boolean same, boolean max) {
        String op = max ? "max_pool2d" : "avg_pool2d";
        int[] xs = x.shape();
        ConvGeometry g = ConvGeometry.of(xs, ph, pw, xs.length == 4 ? xs[3] : 0, sh, sw, 1, 1, same, op);
        int[] outShape = g.outputShape();
        float[] xd = x.buffer();
        float[] y = new float[Shapes.checkedSize(outShape)];
        int minSamples = minSamples(g);
        Parallel.forRange(g.n, minSamples, (s, e) -> {
            for (int b = s; b < e; b++) {
                if (max) {
                    maxForward(g, xd, y, b);
                } else {
                    avgForward(g, xd, y, b);
                }
            }
        });
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(x) {
            @Override
            public void backward(Tensor output, float[] gy) {
                float[] gx = gradOf(x);
                Parallel.forRange(g.n, minSamples, (s, e) -> {
                    int[] arg = max ? new int[g.inC] : null;
                    for (int b = s; b < e; b++) {
                        if (max) {
                            maxBackward(g, xd, y, gy, gx, b, arg);
                        } else {
                            avgBackward(g, gy, gx, b);
                        }
                    }
                });
            }

            @Override
            public String name() {
                return op;
            }
        });
    }

    private static int minSamples(ConvGeometry g) {
        long perSample = Math.max(1L, (long) g.outPixels() * g.inC * g.kh * g.kw);
        return (int) Math.max(1, MIN_PARALLEL_WORK / perSample);
    }

    /** First and one-past-last input row (or column) under output index o. */
    private static int lo(int o, int s, int pad) {
        return Math.max(0, o * s - pad);
    }

    private static int hi(int o, int s, int pad, int k, int n) {
        return Math.min(n, o * s - pad + k);
    }

    private static void maxForward(ConvGeometry g, float[] x, float[] y, int b) {
        final int c = g.inC;
        for (int oy = 0; oy < g.outH; oy++) {
            int y0 = lo(oy, g.sh, g.padTop), y1 = hi(oy, g.sh, g.padTop, g.kh, g.inH);
            for (int ox = 0; ox < g.outW; ox++) {
                int x0 = lo(ox, g.sw, g.padLeft), x1 = hi(ox, g.sw, g.padLeft, g.kw, g.inW);
                int o = ((b * g.outH + oy) * g.outW + ox) * c;
                java.util.Arrays.fill(y, o, o + c, Float.NEGATIVE_INFINITY);
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int i = ((b * g.inH + iy) * g.inW + ix) * c;
                        for (int ch = 0; ch < c; ch++) {
                            y[o + ch] = Math.max(y[o + ch], x[i + ch]);
                        }
                    }
                }
            }
        }
    }

    /** Sends each output gradient to the first input cell (in scan order) that holds the window's maximum. */
    private static void maxBackward(ConvGeometry g, float[] x, float[] y, float[] gy, float[] gx, int b, int[] arg) {
        final int c = g.inC;
        for (int oy = 0; oy < g.outH; oy++) {
            int y0 = lo(oy, g.sh, g.padTop), y1 = hi(oy, g.sh, g.padTop, g.kh, g.inH);
            for (int ox = 0; ox < g.outW; ox++) {
                int x0 = lo(ox, g.sw, g.padLeft), x1 = hi(ox, g.sw, g.padLeft, g.kw, g.inW);
                int o = ((b * g.outH + oy) * g.outW + ox) * c;
                java.util.Arrays.fill(arg, -1);
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int i = ((b * g.inH + iy) * g.inW + ix) * c;
                        for (int ch = 0; ch < c; ch++) {
                            if (arg[ch] < 0 && Float.compare(x[i + ch], y[o + ch]) == 0) {
                                arg[ch] = i + ch;
                            }
                        }
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    if (arg[ch] >= 0) {
                        gx[arg[ch]] += gy[o + ch];
                    }
                }
            }
        }
    }

    private static void avgForward(ConvGeometry g, float[] x, float[] y, int b) {
        final int c = g.inC;
        for (int oy = 0; oy < g.outH; oy++) {
            int y0 = lo(oy, g.sh, g.padTop), y1 = hi(oy, g.sh, g.padTop, g.kh, g.inH);
            for (int ox = 0; ox < g.outW; ox++) {
                int x0 = lo(ox, g.sw, g.padLeft), x1 = hi(ox, g.sw, g.padLeft, g.kw, g.inW);
                int o = ((b * g.outH + oy) * g.outW + ox) * c;
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int i = ((b * g.inH + iy) * g.inW + ix) * c;
                        for (int ch = 0; ch < c; ch++) {
                            y[o + ch] += x[i + ch];
                        }
                    }
                }
                float inv = 1f / ((y1 - y0) * (x1 - x0));
                for (int ch = 0; ch < c; ch++) {
                    y[o + ch] *= inv;
                }
            }
        }
    }

    private static void avgBackward(ConvGeometry g, float[] gy, float[] gx, int b) {
        final int c = g.inC;
        for (int oy = 0; oy < g.outH; oy++) {
            int y0 = lo(oy, g.sh, g.padTop), y1 = hi(oy, g.sh, g.padTop, g.kh, g.inH);
            for (int ox = 0; ox < g.outW; ox++) {
                int x0 = lo(ox, g.sw, g.padLeft), x1 = hi(ox, g.sw, g.padLeft, g.kw, g.inW);
                int o = ((b * g.outH + oy) * g.outW + ox) * c;
                float inv = 1f / ((y1 - y0) * (x1 - x0));
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = x0; ix < x1; ix++) {
                        int i = ((b * g.inH + iy) * g.inW + ix) * c;
                        for (int ch = 0; ch < c; ch++) {
                            gx[i + ch] += gy[o + ch] * inv;
                        }
                    }
                }
            }
        }
    }
}
