package ganglion.datasets;

import java.nio.file.Path;

/**
 * The MNIST handwritten digits, as {@code keras.datasets.mnist}: 60,000 training and 10,000 test grey
 * images of 28x28 pixels, digits 0 to 9.
 *
 * <p>{@link #loadData()} returns pixel values 0..255 as floats of shape [n, 28, 28] and digit labels
 * of shape [n]. The data are read from the four original IDX files ({@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz}),
 * found by {@link DataPaths}: put them into {@code ~/.ganglion/datasets/mnist/}.
 */
public final class Mnist {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "mnist";

    private static final String HOW_TO_GET = "The four IDX files are the original MNIST release by"
            + " Yann LeCun, Corinna Cortes and Christopher Burges (mirrored by many projects, e.g."
            + " the torchvision and TensorFlow data set mirrors).";

    private Mnist() {
    }

    /** Loads the data set from the first folder of {@link DataPaths#standard()} that holds it. */
    public static TrainTestData loadData() {
        return loadData(locate());
    }

    /** Loads the data set from {@code dir}, which holds the four IDX files (gzipped or not). */
    public static TrainTestData loadData(Path dir) {
        return MnistFormat.load(dir);
    }

    /** The folder the data set would be loaded from; throws {@link DatasetNotFoundException} if none. */
    public static Path locate() {
        return DataPaths.standard().require(NAME, "MNIST", MnistFormat.FILES, HOW_TO_GET);
    }
}
