package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.ops.Shapes;

/** Zero padding and nearest-neighbour up-sampling of an NHWC batch, with autograd. */
final class Spatial {

    private Spatial() {
    }

    /** Adds rows of zeros above and below, and columns left and right, of every image. */
    static Tensor zeroPadding2d(Tensor x, int top, int bottom, int left, int right) {
        int[] xs = check4d("zero_padding2d", x);
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("zero_padding2d: padding must be non-negative, got (("
                    + top + ", " + bottom + "), (" + left + ", " + right + "))");
        }
        final int n = xs[0], h = xs[1], w = xs[2], c = xs[3];
        final int oh = h + top + bottom, ow = w + left + right;
        int[] outShape = {n, oh, ow, c};
        float[] xd = x.buffer();
        float[] y = new float[Shapes.checkedSize(outShape)];
        final int rowLen = w * c;
        for (int b = 0; b < n; b++) {
            for (int iy = 0; iy < h; iy++) {
                System.arraycopy(xd, (b * h + iy) * rowLen, y, ((b * oh + iy + top) * ow + left) * c, rowLen);
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(x) {
            @Override
            public void backward(Tensor output, float[] gy) {
                float[] gx = gradOf(x);
                for (int b = 0; b < n; b++) {
                    for (int iy = 0; iy < h; iy++) {
                        int i = (b * h + iy) * rowLen, o = ((b * oh + iy + top) * ow + left) * c;
                        for (int j = 0; j < rowLen; j++) {
                            gx[i + j] += gy[o + j];
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "zero_padding2d";
            }
        });
    }

    /** Repeats every row {@code sh} times and every column {@code sw} times (Keras's "nearest"). */
    static Tensor upSampling2d(Tensor x, int sh, int sw) {
        int[] xs = check4d("up_sampling2d", x);
        if (sh < 1 || sw < 1) {
            throw new IllegalArgumentException("up_sampling2d: size must be positive, got (" + sh + ", " + sw + ")");
        }
        final int n = xs[0], h = xs[1], w = xs[2], c = xs[3];
        final int oh = h * sh, ow = w * sw;
        int[] outShape = {n, oh, ow, c};
        float[] xd = x.buffer();
        float[] y = new float[Shapes.checkedSize(outShape)];
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < oh; oy++) {
                int iRow = (b * h + oy / sh) * w * c, oRow = (b * oh + oy) * ow * c;
                for (int ox = 0; ox < ow; ox++) {
                    System.arraycopy(xd, iRow + (ox / sw) * c, y, oRow + ox * c, c);
                }
            }
        }
        if (!Autograd.needsGrad(x)) {
            return Tensor.wrap(y, outShape);
        }
        return Tensor.fromOp(y, outShape, new Node(x) {
            @Override
            public void backward(Tensor output, float[] gy) {
                float[] gx = gradOf(x);
                for (int b = 0; b < n; b++) {
                    for (int oy = 0; oy < oh; oy++) {
                        int iRow = (b * h + oy / sh) * w * c, oRow = (b * oh + oy) * ow * c;
                        for (int ox = 0; ox < ow; ox++) {
                            int i = iRow + (ox / sw) * c, o = oRow + ox * c;
                            for (int ch = 0; ch < c; ch++) {
                                gx[i + ch] += gy[o + ch];
                            }
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "up_sampling2d";
            }
        });
    }

    private static int[] check4d(String op, Tensor x) {
        int[] xs = x.shape();
        if (xs.length != 4) {
            throw new IllegalArgumentException(op + " expects 4-D input (batch, height, width, channels), got shape "
                    + Shapes.str(xs));
        }
        return xs;
    }
}
