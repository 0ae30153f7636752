package ganglion.applications;

import ganglion.Tensor;
import ganglion.models.Model;

import java.nio.file.Path;
import java.util.List;

/**
 * Keras's {@code keras.applications.VGG16}: the VGG16 network (Simonyan and Zisserman, 2014) with Keras's
 * layer names ({@code block1_conv1} ... {@code block5_pool}, then {@code flatten}, {@code fc1}, {@code fc2},
 * {@code predictions}), so that {@code vgg16_weights_tf_dim_ordering_tf_kernels[_notop].h5} loads into it.
 * Default input 224x224x3 (at least 32x32); with the top, 138,357,544 parameters, without 14,714,688.
 *
 * <pre>{@code
 * Model base = VGG16.builder().includeTop(false).inputShape(32, 32, 3).weights((Path) null).build();
 * Tensor ready = VGG16.preprocessInput(images);   // "caffe": RGB to BGR minus the ImageNet means
 * }</pre>
 */
public final class VGG16 {

    private VGG16() {
    }

    /** A builder with Keras's defaults (except weights: random unless given). */
    public static Builder builder() {
        return new Builder();
    }

    /** Keras's {@code vgg16.preprocess_input}: "caffe" mode (see {@link ImagenetUtils}). */
    public static Tensor preprocessInput(Tensor images) {
        return ImagenetUtils.preprocessInput(images, "caffe");
    }

    /** Keras's {@code vgg16.decode_predictions} (see {@link ImagenetUtils#decodePredictions(Tensor, int)}). */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top) {
        return ImagenetUtils.decodePredictions(preds, top);
    }

    /** As {@link #decodePredictions(Tensor, int)} with the class index file given. */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top, Path classIndex) {
        return ImagenetUtils.decodePredictions(preds, top, classIndex);
    }

    /** Keras's published weight file name: with or without the top. */
    public static String weightFileName(boolean includeTop) {
        return Vgg.weightFile("vgg16", includeTop);
    }

    /** Options of {@code VGG16(...)}; see {@link ApplicationBuilder}. */
    public static final class Builder extends ApplicationBuilder<Builder> {

        private Builder() {
        }

        @Override
        public Model build() {
            return Vgg.build(this, new int[]{2, 2, 3, 3, 3}, "vgg16");
        }

        @Override
        protected String appName() {
            return "VGG16";
        }

        @Override
        protected String kerasWeightFile(int[] inputShape) {
            return weightFileName(top());
        }

        @Override
        protected boolean requiresFixedSizeWithTop() {
            return true;
        }
    }
}
