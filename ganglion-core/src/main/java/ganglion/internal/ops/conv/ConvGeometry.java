package ganglion.internal.ops.conv;

import ganglion.internal.ops.Shapes;

/**
 * The shape arithmetic of one 2-D convolution (or pooling) over an NHWC batch: input and output sizes,
 * kernel window, strides, dilation, and the zero padding placed before the first row and column.
 *
 * <p>Padding follows TensorFlow (and Keras): "valid" adds none and gives
 * {@code floor((n - d*(k-1) - 1) / s) + 1}; "same" gives {@code ceil(n / s)} and pads
 * {@code total = max(0, (out-1)*s + k_eff - n)} cells, {@code total/2} before and the rest (the odd one)
 * after.
 */
public final class ConvGeometry {

    /** Batch size, input height, width and channels. */
    public final int n, inH, inW, inC;
    /** Kernel window height and width, and output channels (filters; equal to inC for pooling). */
    public final int kh, kw, outC;
    /** Strides and dilation rates. */
    public final int sh, sw, dh, dw;
    /** Zero rows above and zero columns left of the input. */
    public final int padTop, padLeft;
    /** Output height and width. */
    public final int outH, outW;

    private ConvGeometry(int n, int inH, int inW, int inC, int kh, int kw, int outC,
                         int sh, int sw, int dh, int dw, boolean same, String op) {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1) {
            throw new IllegalArgumentException(op + ": window " + kh + "x" + kw + ", strides " + sh + "x" + sw
                    + " and dilation " + dh + "x" + dw + " must all be positive");
        }
        this.n = n;
        this.inH = inH;
        this.inW = inW;
        this.inC = inC;
        this.kh = kh;
        this.kw = kw;
        this.outC = outC;
        this.sh = sh;
        this.sw = sw;
        this.dh = dh;
        this.dw = dw;
        this.outH = outputLength(inH, kh, sh, dh, same);
        this.outW = outputLength(inW, kw, sw, dw, same);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": the " + kh + "x" + kw + " window"
                    + (dh > 1 || dw > 1 ? " (dilation " + dh + "x" + dw + ", effective "
                    + effective(kh, dh) + "x" + effective(kw, dw) + ")" : "")
                    + " is larger than the " + inH + "x" + inW + " input with padding=\"valid\"."
                    + " Use padding=\"same\", a smaller kernel, or a larger input.");
        }
        this.padTop = same ? padBefore(inH, outH, kh, sh, dh) : 0;
        this.padLeft = same ? padBefore(inW, outW, kw, sw, dw) : 0;
    }

    /** Geometry of a convolution (or pooling window) over NHWC input of shape {@code x}. */
    public static ConvGeometry of(int[] x, int kh, int kw, int outC, int sh, int sw, int dh, int dw,
                                  boolean same, String op) {
        if (x.length != 4) {
            throw new IllegalArgumentException(op + " expects 4-D input (batch, height, width, channels), got shape "
                    + Shapes.str(x));
        }
        return new ConvGeometry(x[0], x[1], x[2], x[3], kh, kw, outC, sh, sw, dh, dw, same, op);
    }

    /** The extent of a dilated kernel: {@code d*(k-1) + 1}. */
    public static int effective(int k, int d) {
        return d * (k - 1) + 1;
    }

    /** Output length along one axis (Keras's {@code compute_conv_output_shape}); below 1 when it cannot fit. */
    public static int outputLength(int in, int k, int s, int d, boolean same) {
        if (same) {
            return (in + s - 1) / s;
        }
        int span = in - effective(k, d);
        return span < 0 ? 0 : span / s + 1;
    }

    /** Output length of a transposed convolution (Keras's {@code deconv_output_length}, no output padding). */
    public static int transposeOutputLength(int in, int k, int s, int d, boolean same) {
        return same ? in * s : in * s + Math.max(effective(k, d) - s, 0);
    }

    /** Padding before the first cell for "same": half of the total, rounded down (TF's placement). */
    public static int padBefore(int in, int out, int k, int s, int d) {
        int total = Math.max(0, (out - 1) * s + effective(k, d) - in);
        return total / 2;
    }

    /** Columns of the im2col matrix: {@code kh * kw * inC}. */
    public int patch() {
        return kh * kw * inC;
    }

    /** Output pixels per sample. */
    public int outPixels() {
        return outH * outW;
    }

    /** Input floats per sample. */
    public int inSize() {
        return inH * inW * inC;
    }

    /** Whether im2col would be the identity (1x1 kernel, stride 1, no padding). */
    public boolean isPointwise() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && padTop == 0 && padLeft == 0;
    }

    /** The output shape {@code (n, outH, outW, outC)}. */
    public int[] outputShape() {
        return new int[]{n, outH, outW, outC};
    }
}
