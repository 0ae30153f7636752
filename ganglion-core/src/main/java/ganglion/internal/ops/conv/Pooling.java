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
        boolean grad = Autograd.needsGrad(x);
        // Max pooling that will be differentiated records, per output cell, the input index that won, so
        // that the backward pass is one scatter instead of a second scan of every window.
        boolean fast = max && isPlain2x2(g);
        int[] arg = max && grad && !fast ? new int[y.length] : null;
        Parallel.forRange(g.n, minSamples, (s, e) -> {
            for (int b = s; b < e; b++) {
                if (max) {
                    maxForward(g, xd, y, arg, b);
                } else {
                    avgForward(g, xd, y, b);
                }
            }
        });
        if (!grad) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(x) {
            @Override
            public void backward(Tensor output, float[] gy) {
                float[] gx = gradOf(x);
                int perSample = g.outPixels() * g.outC;
                Parallel.forRange(g.n, minSamples, (s, e) -> {
                    if (fast) {
                        for (int b = s; b < e; b++) {
                            max2x2Backward(g, xd, y, gy, gx, b);
                        }
                    } else if (max) {
                        // Every index of sample b lies in sample b: threads never share a cell of gx.
                        for (int i = s * perSample, end = e * perSample; i < end; i++) {
                            gx[arg[i]] += gy[i];
                        }
                    } else {
                        for (int b = s; b < e; b++) {
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

    /**
     * The maximum of each window of sample b (NaN if any cell is NaN, as {@code Math.max}); with {@code arg}
     * non-null also the input index of the first cell, in scan order, that holds it (the cell that receives
     * the gradient, as TensorFlow's {@code MaxPoolGrad}).
     */
    private static void maxForward(ConvGeometry g, float[] x, float[] y, int[] arg, int b) {
        final int c = g.inC;
        if (arg == null && isPlain2x2(g)) {
            max2x2(g, x, y, b);
            return;
        }
        for (int oy = 0; oy < g.outH; oy++) {
            int y0 = lo(oy, g.sh, g.padTop), y1 = hi(oy, g.sh, g.padTop, g.kh, g.inH);
            for (int ox = 0; ox < g.outW; ox++) {
                int x0 = lo(ox, g.sw, g.padLeft), x1 = hi(ox, g.sw, g.padLeft, g.kw, g.inW);
                int o = ((b * g.outH + oy) * g.outW + ox) * c;
                int first = ((b * g.inH + y0) * g.inW + x0) * c;
                System.arraycopy(x, first, y, o, c);
                if (arg != null) {
                    for (int ch = 0; ch < c; ch++) {
                        arg[o + ch] = first + ch;
                    }
                }
                for (int iy = y0; iy < y1; iy++) {
                    for (int ix = iy == y0 ? x0 + 1 : x0; ix < x1; ix++) {
                        int i = ((b * g.inH + iy) * g.inW + ix) * c;
                        if (arg == null) {
                            for (int ch = 0; ch < c; ch++) {
                                y[o + ch] = Math.max(y[o + ch], x[i + ch]);
                            }
                        } else {
                            for (int ch = 0; ch < c; ch++) {
                                float v = x[i + ch], best = y[o + ch];
                                if (v > best || (v != v && best == best)) {
                                    y[o + ch] = v;
                                    arg[o + ch] = i + ch;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Whether windows are 2x2 at stride 2 and never reach into padding (the seed CNNs' pooling). */
    private static boolean isPlain2x2(ConvGeometry g) {
        return g.kh == 2 && g.kw == 2 && g.sh == 2 && g.sw == 2 && g.padTop == 0 && g.padLeft == 0
                && g.outH * 2 <= g.inH && g.outW * 2 <= g.inW;
    }

    /**
     * Backward of {@link #max2x2}: each output gradient goes to the first of its four cells, in scan order,
     * equal to the window's maximum (the last cell when none is, i.e. for a NaN maximum). Windows do not
     * overlap, and the selection is branch-free, so random data cost no mispredicted branches.
     */
    private static void max2x2Backward(ConvGeometry g, float[] x, float[] y, float[] gy, float[] gx, int b) {
        final int c = g.inC, rowLen = g.inW * c;
        for (int oy = 0; oy < g.outH; oy++) {
            int r0 = (b * g.inH + 2 * oy) * rowLen, r1 = r0 + rowLen;
            int o = (b * g.outH + oy) * g.outW * c;
            for (int ox = 0; ox < g.outW; ox++, o += c) {
                int i0 = r0 + 2 * ox * c, i1 = r1 + 2 * ox * c;
                for (int ch = 0; ch < c; ch++) {
                    float m = y[o + ch], d = gy[o + ch];
                    // Integer masks instead of branches: which cell wins is random on real data, and a
                    // mispredicted branch per cell costs more than the whole window's arithmetic.
                    int db = Float.floatToRawIntBits(d);
                    int h0 = x[i0 + ch] == m ? -1 : 0;
                    int h1 = ~h0 & (x[i0 + c + ch] == m ? -1 : 0);
                    int h2 = ~(h0 | h1) & (x[i1 + ch] == m ? -1 : 0);
                    int h3 = ~(h0 | h1 | h2);
                    gx[i0 + ch] += Float.intBitsToFloat(db & h0);
                    gx[i0 + c + ch] += Float.intBitsToFloat(db & h1);
                    gx[i1 + ch] += Float.intBitsToFloat(db & h2);
                    gx[i1 + c + ch] += Float.intBitsToFloat(db & h3);
                }
            }
        }
    }

    /** 2x2 windows at stride 2 without padding: two input rows per output row, vectorisable over channels. */
    private static void max2x2(ConvGeometry g, float[] x, float[] y, int b) {
        final int c = g.inC, rowLen = g.inW * c;
        for (int oy = 0; oy < g.outH; oy++) {
            int r0 = (b * g.inH + 2 * oy) * rowLen, r1 = r0 + rowLen;
            int o = (b * g.outH + oy) * g.outW * c;
            for (int ox = 0; ox < g.outW; ox++, o += c) {
                int i0 = r0 + 2 * ox * c, i1 = r1 + 2 * ox * c;
                for (int ch = 0; ch < c; ch++) {
                    y[o + ch] = Math.max(Math.max(x[i0 + ch], x[i0 + c + ch]),
                            Math.max(x[i1 + ch], x[i1 + c + ch]));
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
