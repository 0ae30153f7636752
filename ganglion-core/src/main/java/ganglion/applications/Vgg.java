package ganglion.applications;

import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.SymbolicTensor;
import ganglion.models.Model;

/** The VGG family as Keras's vgg16.py / vgg19.py build it: blocks of 3x3 "same" ReLU convolutions and 2x2 pools. */
final class Vgg {

    private static final int[] FILTERS = {64, 128, 256, 512, 512};

    private Vgg() {
    }

    /**
     * @param convsPerBlock convolutions in blocks 1..5: VGG16 {2, 2, 3, 3, 3}, VGG19 {2, 2, 4, 4, 4}
     * @param kerasName     "vgg16" or "vgg19"
     */
    static Model build(ApplicationBuilder<?> b, int[] convsPerBlock, String kerasName) {
        int[] shape = b.resolveInputShape(224, 32);
        SymbolicTensor in = b.input(shape);
        SymbolicTensor x = in;
        for (int blk = 0; blk < 5; blk++) {
            for (int c = 1; c <= convsPerBlock[blk]; c++) {
                x = new Conv2D(FILTERS[blk], 3).activation("relu").padding("same")
                        .name("block" + (blk + 1) + "_conv" + c).apply(x);
            }
            x = new MaxPooling2D(2).strides(2).name("block" + (blk + 1) + "_pool").apply(x);
        }
        if (b.top()) {
            x = new Flatten().name("flatten").apply(x);
            x = new Dense(4096, "relu").name("fc1").apply(x);
            x = new Dense(4096, "relu").name("fc2").apply(x);
            x = new Dense(b.classes(), b.activation()).name("predictions").apply(x);
        } else {
            x = b.pool(x, null, null);
        }
        return b.finish(new Model(in, x, b.modelName(kerasName)), shape);
    }

    static String weightFile(String kerasName, boolean top) {
        return kerasName + "_weights_tf_dim_ordering_tf_kernels" + (top ? "" : "_notop") + ".h5";
    }
}
