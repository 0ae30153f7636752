package ganglion.applications;

import ganglion.Tensor;
import ganglion.layers.Add;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.DepthwiseConv2D;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.ReLU;
import ganglion.layers.SymbolicTensor;
import ganglion.layers.ZeroPadding2D;
import ganglion.models.Model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Keras's {@code keras.applications.MobileNetV2} (Sandler et al., 2018) as Keras's mobilenet_v2.py builds it,
 * with its layer names ({@code Conv1}, {@code bn_Conv1}, {@code Conv1_relu}, {@code expanded_conv_depthwise},
 * {@code block_1_expand}, {@code block_1_pad}, {@code block_1_depthwise}, ..., {@code Conv_1}, {@code Conv_1_bn},
 * {@code out_relu}, {@code predictions}): inverted residual blocks of ReLU6 ({@link ReLU}{@code (6)}),
 * BatchNormalization with epsilon 1e-3 and momentum 0.999, stride-2 depthwise convolutions after Keras's
 * {@code correct_pad} zero padding. At 224x224 with alpha 1.0: 3,538,984 parameters with the top,
 * 2,257,984 without.
 */
public final class MobileNetV2 {

    private static final double EPS = 1e-3;
    private static final double MOMENTUM = 0.999;

    private MobileNetV2() {
    }

    /** A builder with Keras's defaults (except weights: random unless given). */
    public static Builder builder() {
        return new Builder();
    }

    /** Keras's {@code mobilenet_v2.preprocess_input}: "tf" mode, {@code x / 127.5 - 1}. */
    public static Tensor preprocessInput(Tensor images) {
        return ImagenetUtils.preprocessInput(images, "tf");
    }

    /** Keras's {@code mobilenet_v2.decode_predictions}. */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top) {
        return ImagenetUtils.decodePredictions(preds, top);
    }

    /** As {@link #decodePredictions(Tensor, int)} with the class index file given. */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top, Path classIndex) {
        return ImagenetUtils.decodePredictions(preds, top, classIndex);
    }

    /** Keras's published weight file name for a width multiplier, image size and top. */
    public static String weightFileName(double alpha, int rows, boolean includeTop) {
        return "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_" + alpha + "_" + rows
                + (includeTop ? "" : "_no_top") + ".h5";
    }

    /** Keras's {@code _make_divisible}: v rounded to a multiple of the divisor, never 10 % below v. */
    static int makeDivisible(double v, int divisor) {
        int newV = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v) {
            newV += divisor;
        }
        return newV;
    }

    private static BatchNormalization bn(String name) {
        return new BatchNormalization().axis(-1).epsilon(EPS).momentum(MOMENTUM).name(name);
    }

    /** Keras's {@code _inverted_res_block}. */
    private static SymbolicTensor block(SymbolicTensor inputs, int expansion, int stride, double alpha, int filters,
                                        int blockId) {
        int inChannels = inputs.shape()[2];
        int pointwiseFilters = makeDivisible((int) (filters * alpha), 8);
        SymbolicTensor x = inputs;
        String prefix = "block_" + blockId + "_";
        if (blockId != 0) {
            x = new Conv2D(expansion * inChannels, 1).padding("same").useBias(false).name(prefix + "expand").apply(x);
            x = bn(prefix + "expand_BN").apply(x);
            x = new ReLU(6.0).name(prefix + "expand_relu").apply(x);
        } else {
            prefix = "expanded_conv_";
        }
        if (stride == 2) {
            int[] s = x.shape();
            int adjH = s[0] < 0 ? 1 : 1 - s[0] % 2;
            int adjW = s[1] < 0 ? 1 : 1 - s[1] % 2;
            x = new ZeroPadding2D(1 - adjH, 1, 1 - adjW, 1).name(prefix + "pad").apply(x);
        }
        x = new DepthwiseConv2D(3).strides(stride).useBias(false).padding(stride == 1 ? "same" : "valid")
                .name(prefix + "depthwise").apply(x);
        x = bn(prefix + "depthwise_BN").apply(x);
        x = new ReLU(6.0).name(prefix + "depthwise_relu").apply(x);
        x = new Conv2D(pointwiseFilters, 1).padding("same").useBias(false).name(prefix + "project").apply(x);
        x = bn(prefix + "project_BN").apply(x);
        if (inChannels == pointwiseFilters && stride == 1) {
            return new Add().name(prefix + "add").apply(inputs, x);
        }
        return x;
    }

    /** Options of {@code MobileNetV2(...)}, plus {@code alpha}; see {@link ApplicationBuilder}. */
    public static final class Builder extends ApplicationBuilder<Builder> {

        private double alpha = 1.0;

        private Builder() {
        }

        /** @param alpha the width multiplier (Keras's published weights: 0.35, 0.5, 0.75, 1.0, 1.3, 1.4); default 1 */
        public Builder alpha(double alpha) {
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("MobileNetV2: alpha must be positive, got " + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        private int defaultSize() {
            int[] s = requestedShape();
            if (s != null && s[0] == s[1] && (s[0] == 96 || s[0] == 128 || s[0] == 160 || s[0] == 192
                    || s[0] == 224)) {
                return s[0];
            }
            return 224;
        }

        @Override
        public Model build() {
            int[] shape = resolveInputShape(defaultSize(), 32);
            SymbolicTensor in = input(shape);
            int first = makeDivisible(32 * alpha, 8);
            SymbolicTensor x = new Conv2D(first, 3).strides(2).padding("same").useBias(false).name("Conv1").apply(in);
            x = bn("bn_Conv1").apply(x);
            x = new ReLU(6.0).name("Conv1_relu").apply(x);
            int[][] spec = {  // filters, stride, expansion
                    {16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6}, {32, 1, 6}, {64, 2, 6}, {64, 1, 6},
                    {64, 1, 6}, {64, 1, 6}, {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6},
                    {160, 1, 6}, {320, 1, 6}};
            for (int i = 0; i < spec.length; i++) {
                x = block(x, spec[i][2], spec[i][1], alpha, spec[i][0], i);
            }
            int last = alpha > 1.0 ? makeDivisible(1280 * alpha, 8) : 1280;
            x = new Conv2D(last, 1).useBias(false).name("Conv_1").apply(x);
            x = bn("Conv_1_bn").apply(x);
            x = new ReLU(6.0).name("out_relu").apply(x);
            if (top()) {
                x = new GlobalAveragePooling2D().apply(x);
                x = new Dense(classes(), activation()).name("predictions").apply(x);
            } else {
                x = pool(x, null, null);
            }
            String name = String.format(Locale.ROOT, "mobilenetv2_%.2f_%d", alpha, shape[0] < 0 ? 224 : shape[0]);
            return finish(new Model(in, x, modelName(name)), shape);
        }

        @Override
        protected String appName() {
            return "MobileNetV2";
        }

        @Override
        protected String kerasWeightFile(int[] inputShape) {
            int rows = inputShape[0];
            if (rows != 96 && rows != 128 && rows != 160 && rows != 192 && rows != 224) {
                rows = 224;  // as Keras: other sizes load the 224 weights
            }
            return weightFileName(alpha, rows, top());
        }
    }
}
