package ganglion.datasets;

import java.nio.file.Path;

/**
 * The Fashion-MNIST data set (Zalando Research), as {@code keras.datasets.fashion_mnist}: 60,000
 * training and 10,000 test grey images of 28x28 pixels in 10 classes of clothing.
 *
 * <p>{@link #loadData()} returns pixel values 0..255 as floats of shape [n, 28, 28] and class
 * indices of shape [n]. The four IDX files ({@code train-images-idx3-ubyte.gz} etc., as published)
 * are found by {@link DataPaths}: put them into {@code ~/.ganglion/datasets/fashion-mnist/}, or on
 * Debian run {@code apt-get install dataset-fashion-mnist}.
 */
public final class FashionMnist {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "fashion-mnist";
    /** Class names by index, as in the data set's documentation. */
    public static final String[] CLASS_NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private static final String HOW_TO_GET = "On Debian/Ubuntu: apt-get install dataset-fashion-mnist"
            + " (installs them in /usr/share/datasets/fashion-mnist/). The files are published at"
            + " https://github.com/zalandoresearch/fashion-mnist (folder data/fashion).";

    private FashionMnist() {
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
        return DataPaths.standard().require(NAME, "Fashion-MNIST", MnistFormat.FILES, HOW_TO_GET);
    }
}
