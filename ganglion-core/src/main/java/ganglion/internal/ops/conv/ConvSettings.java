package ganglion.internal.ops.conv;

import ganglion.activations.Activation;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The options Keras's {@code BaseConv} and {@code BaseConvTranspose} share (kernel size, strides, padding,
 * dilation, activation, bias, initializers, regularizers), with their validation, output-shape rule and
 * config keys, so that {@code Conv2D} and {@code Conv2DTranspose} hold one of these instead of repeating them.
 * Each layer owns its instance and checks "not built" before calling a setter.
 */
public final class ConvSettings {

    private final String layer;
    private final boolean transpose;
    private final int filters, kh, kw;
    private int sh = 1, sw = 1, dh = 1, dw = 1;
    private boolean same;
    private Activation activation = Activations.LINEAR;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializers.ZEROS;
    private Regularizer kernelRegularizer, biasRegularizer;

    /**
     * @param layer     the layer class name for messages, e.g. "Conv2D"
     * @param transpose whether this is a transposed convolution (output-shape rule and kernel layout)
     */
    public ConvSettings(String layer, boolean transpose, int filters, int kh, int kw) {
        this.layer = layer;
        this.transpose = transpose;
        if (filters <= 0) {
            throw new IllegalArgumentException(layer + ": invalid value for argument `filters`. Expected a strictly "
                    + "positive value. Received filters=" + filters + ".");
        }
        if (kh <= 0 || kw <= 0) {
            throw new IllegalArgumentException(layer + ": the argument `kernel_size` must hold positive integers. "
                    + "Received kernel_size=(" + kh + ", " + kw + ").");
        }
        this.filters = filters;
        this.kh = kh;
        this.kw = kw;
    }

    public void strides(int sh, int sw) {
        if (sh <= 0 || sw <= 0) {
            throw new IllegalArgumentException(layer + ": the argument `strides` must hold positive integers. "
                    + "Received strides=(" + sh + ", " + sw + ").");
        }
        checkStridesWithDilation(sh, sw, dh, dw);
        this.sh = sh;
        this.sw = sw;
    }

    public void dilationRate(int dh, int dw) {
        if (dh <= 0 || dw <= 0) {
            throw new IllegalArgumentException(layer + ": the argument `dilation_rate` must hold positive integers. "
                    + "Received dilation_rate=(" + dh + ", " + dw + ").");
        }
        checkStridesWithDilation(sh, sw, dh, dw);
        this.dh = dh;
        this.dw = dw;
    }

    private void checkStridesWithDilation(int sh, int sw, int dh, int dw) {
        if (Math.max(sh, sw) > 1 && Math.max(dh, dw) > 1) {
            throw new IllegalArgumentException(layer + ": `strides > 1` not supported in conjunction with "
                    + "`dilation_rate > 1`. Received: strides=(" + sh + ", " + sw + ") and dilation_rate=("
                    + dh + ", " + dw + ")");
        }
    }

    public void padding(String padding) {
        same = parsePadding(layer, padding);
    }

    public void activation(Activation a) {
        activation = a == null ? Activations.LINEAR : a;
    }

    public void useBias(boolean b) {
        useBias = b;
    }

    public void kernelInitializer(Initializer i) {
        kernelInitializer = Objects.requireNonNull(i, "kernelInitializer");
    }

    public void biasInitializer(Initializer i) {
        biasInitializer = Objects.requireNonNull(i, "biasInitializer");
    }

    public void kernelRegularizer(Regularizer r) {
        kernelRegularizer = r;
    }

    public void biasRegularizer(Regularizer r) {
        biasRegularizer = r;
    }

    public int filters() {
        return filters;
    }

    public int kh() {
        return kh;
    }

    public int kw() {
        return kw;
    }

    public int sh() {
        return sh;
    }

    public int sw() {
        return sw;
    }

    public int dh() {
        return dh;
    }

    public int dw() {
        return dw;
    }

    public boolean same() {
        return same;
    }

    public Activation activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    public Regularizer kernelRegularizer() {
        return kernelRegularizer;
    }

    public Regularizer biasRegularizer() {
        return biasRegularizer;
    }

    /** The kernel shape for {@code inChannels}: (kh, kw, in, filters), or (kh, kw, filters, in) transposed. */
    public int[] kernelShape(int inChannels) {
        return transpose ? new int[]{kh, kw, filters, inChannels} : new int[]{kh, kw, inChannels, filters};
    }

    /**
     * The output shape (without batch) for an input (height, width, channels); unknown (-1) lengths stay
     * unknown. Throws, naming the layer, for a wrong rank or a kernel larger than a "valid" input.
     */
    public int[] outputShape(String describe, int[] in) {
        checkImageInput(describe, in);
        int oh = length(describe, in, 0, kh, sh, dh), ow = length(describe, in, 1, kw, sw, dw);
        return new int[]{oh, ow, filters};
    }

    private int length(String describe, int[] in, int axis, int k, int s, int d) {
        int n = in[axis];
        if (n < 0) {
            return -1;
        }
        if (transpose) {
            return ConvGeometry.transposeOutputLength(n, k, s, d, same);
        }
        int out = ConvGeometry.outputLength(n, k, s, d, same);
        if (out <= 0) {
            throw new IllegalArgumentException(describe + ": computed output size would be negative: the " + kh + "x"
                    + kw + " kernel" + (d > 1 ? " with dilation_rate=(" + dh + ", " + dw + ")" : "")
                    + " is larger than the input " + withBatch(in) + " with padding=\"valid\". Use padding=\"same\","
                    + " a smaller kernel, or a larger input.");
        }
        return out;
    }

    /** Keras's BaseConv / BaseConvTranspose config keys, after the base layer's. */
    public void putConfig(Map<String, Object> c, Regularizer activityRegularizer) {
        c.put("filters", filters);
        c.put("kernel_size", List.of(kh, kw));
        c.put("strides", List.of(sh, sw));
        c.put("padding", same ? "same" : "valid");
        c.put("data_format", "channels_last");
        c.put("dilation_rate", List.of(dh, dw));
        if (!transpose) {
            c.put("groups", 1);
        }
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
        c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
    }

    // ------------------------------------------------------------------ helpers shared by the 2-D layers

    /** "valid" or "same", case-insensitive, as Keras's {@code standardize_padding}; true for "same". */
    public static boolean parsePadding(String layer, String padding) {
        String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
        if (!p.equals("valid") && !p.equals("same")) {
            throw new IllegalArgumentException(layer + ": the `padding` argument must be one of \"valid\", \"same\". "
                    + "Received: padding=" + padding);
        }
        return p.equals("same");
    }

    /** Throws unless {@code in} (without batch) is (height, width, channels) with known channels. */
    public static void checkImageInput(String describe, int[] in) {
        if (in.length != 3) {
            throw new IllegalArgumentException(describe + " expects 4-D input (batch, height, width, channels), "
                    + "got shape " + withBatch(in) + ". Reshape the data, e.g. to (batch, 28, 28, 1) for grey images.");
        }
        if (in[2] < 0) {
            throw new IllegalArgumentException(describe + ": the channel dimension of the inputs should be defined. "
                    + "Found None in input shape " + withBatch(in) + ".");
        }
    }

    /**
     * The output shape (without batch) of 2-D pooling over (height, width, channels); unknown (-1) lengths
     * stay unknown. Throws, naming the layer, for a wrong rank or a window larger than a "valid" input.
     */
    public static int[] poolOutputShape(String describe, int[] in, int ph, int pw, int sh, int sw, boolean same) {
        checkImageInput(describe, in);
        int[] out = {in[0], in[1], in[2]};
        int[] k = {ph, pw}, st = {sh, sw};
        for (int a = 0; a < 2; a++) {
            if (in[a] >= 0) {
                out[a] = ConvGeometry.outputLength(in[a], k[a], st[a], 1, same);
                if (out[a] <= 0) {
                    throw new IllegalArgumentException(describe + ": computed output size would be negative: the "
                            + ph + "x" + pw + " pool is larger than the input " + withBatch(in)
                            + " with padding=\"valid\". Use padding=\"same\" or a smaller pool_size.");
                }
            }
        }
        return out;
    }

    /** Keras's BasePooling config keys: pool_size, padding, strides, data_format. */
    public static void putPoolConfig(Map<String, Object> c, int ph, int pw, int sh, int sw, boolean same) {
        c.put("pool_size", List.of(ph, pw));
        c.put("padding", same ? "same" : "valid");
        c.put("strides", List.of(sh, sw));
        c.put("data_format", "channels_last");
    }

    /** Throws unless every value is positive. */
    public static void checkPositive(String layer, String arg, int... values) {
        for (int v : values) {
            if (v <= 0) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    sb.append(i > 0 ? ", " : "").append(values[i]);
                }
                throw new IllegalArgumentException(layer + ": the argument `" + arg + "` must hold positive integers. "
                        + "Received " + arg + "=(" + sb + ").");
            }
        }
    }

    private static String withBatch(int[] s) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : s) {
            sb.append(", ").append(d < 0 ? "None" : String.valueOf(d));
        }
        return sb.append(')').toString();
    }
}
