package ganglion.applications;

import ganglion.Tensor;
import ganglion.layers.Activation;
import ganglion.layers.Add;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.SymbolicTensor;
import ganglion.layers.ZeroPadding2D;
import ganglion.models.Model;

import java.nio.file.Path;
import java.util.List;

/**
 * Keras's {@code keras.applications.ResNet50}: ResNet-50 v1 (He et al., 2015) exactly as Keras's resnet.py
 * builds it, with its layer names ({@code conv1_pad}, {@code conv1_conv}, {@code conv1_bn}, {@code conv1_relu},
 * {@code pool1_pad}, {@code pool1_pool}, {@code conv2_block1_0_conv} ... {@code conv5_block3_out},
 * {@code avg_pool}, {@code predictions}), so that {@code resnet50_weights_tf_dim_ordering_tf_kernels[_notop].h5}
 * loads into it. Unlike torchvision's, the stride of a down-sampling block is on its first 1x1 convolution,
 * the stem pads explicitly (3 pixels, then a valid 7x7/2 convolution; 1 pixel, then a valid 3x3/2 max pool),
 * and BatchNormalization uses epsilon 1.001e-5. 25,636,712 parameters with the top, 23,587,712 without.
 */
public final class ResNet50 {

    private static final double EPS = 1.001e-5;

    private ResNet50() {
    }

    /** A builder with Keras's defaults (except weights: random unless given). */
    public static Builder builder() {
        return new Builder();
    }

    /** Keras's {@code resnet50.preprocess_input}: "caffe" mode (see {@link ImagenetUtils}). */
    public static Tensor preprocessInput(Tensor images) {
        return ImagenetUtils.preprocessInput(images, "caffe");
    }

    /** Keras's {@code resnet50.decode_predictions}. */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top) {
        return ImagenetUtils.decodePredictions(preds, top);
    }

    /** As {@link #decodePredictions(Tensor, int)} with the class index file given. */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top, Path classIndex) {
        return ImagenetUtils.decodePredictions(preds, top, classIndex);
    }

    /** Keras's published weight file name: with or without the top. */
    public static String weightFileName(boolean includeTop) {
        return "resnet50_weights_tf_dim_ordering_tf_kernels" + (includeTop ? "" : "_notop") + ".h5";
    }

    private static BatchNormalization bn(String name) {
        return new BatchNormalization().axis(-1).epsilon(EPS).name(name);
    }

    /** Keras's {@code residual_block_v1}. */
    private static SymbolicTensor block(SymbolicTensor x, int filters, int stride, boolean convShortcut, String name) {
        SymbolicTensor shortcut;
        if (convShortcut) {
            shortcut = new Conv2D(4 * filters, 1).strides(stride).name(name + "_0_conv").apply(x);
            shortcut = bn(name + "_0_bn").apply(shortcut);
        } else {
            shortcut = x;
        }
        SymbolicTensor y = new Conv2D(filters, 1).strides(stride).name(name + "_1_conv").apply(x);
        y = bn(name + "_1_bn").apply(y);
        y = new Activation("relu").name(name + "_1_relu").apply(y);
        y = new Conv2D(filters, 3).padding("same").name(name + "_2_conv").apply(y);
        y = bn(name + "_2_bn").apply(y);
        y = new Activation("relu").name(name + "_2_relu").apply(y);
        y = new Conv2D(4 * filters, 1).name(name + "_3_conv").apply(y);
        y = bn(name + "_3_bn").apply(y);
        y = new Add().name(name + "_add").apply(shortcut, y);
        return new Activation("relu").name(name + "_out").apply(y);
    }

    /** Keras's {@code stack_residual_blocks_v1}. */
    private static SymbolicTensor stack(SymbolicTensor x, int filters, int blocks, int stride1, String name) {
        x = block(x, filters, stride1, true, name + "_block1");
        for (int i = 2; i <= blocks; i++) {
            x = block(x, filters, 1, false, name + "_block" + i);
        }
        return x;
    }

    /** Options of {@code ResNet50(...)}; see {@link ApplicationBuilder}. */
    public static final class Builder extends ApplicationBuilder<Builder> {

        private Builder() {
        }

        @Override
        public Model build() {
            int[] shape = resolveInputShape(224, 32);
            SymbolicTensor in = input(shape);
            SymbolicTensor x = new ZeroPadding2D(3).name("conv1_pad").apply(in);
            x = new Conv2D(64, 7).strides(2).name("conv1_conv").apply(x);
            x = bn("conv1_bn").apply(x);
            x = new Activation("relu").name("conv1_relu").apply(x);
            x = new ZeroPadding2D(1).name("pool1_pad").apply(x);
            x = new MaxPooling2D(3).strides(2).name("pool1_pool").apply(x);
            x = stack(x, 64, 3, 1, "conv2");
            x = stack(x, 128, 4, 2, "conv3");
            x = stack(x, 256, 6, 2, "conv4");
            x = stack(x, 512, 3, 2, "conv5");
            if (top()) {
                x = new GlobalAveragePooling2D().name("avg_pool").apply(x);
                x = new Dense(classes(), activation()).name("predictions").apply(x);
            } else {
                x = pool(x, "avg_pool", "max_pool");
            }
            return finish(new Model(in, x, modelName("resnet50")), shape);
        }

        @Override
        protected String appName() {
            return "ResNet50";
        }

        @Override
        protected String kerasWeightFile(int[] inputShape) {
            return weightFileName(top());
        }
    }
}
