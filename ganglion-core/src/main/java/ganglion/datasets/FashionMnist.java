package ganglion.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST data set (Zalando Research), as {@code keras.datasets.fashion_mnist}: 60,000
 * training and 10,000 test grey images of 28x28 pixels in 10 classes of clothing.
 *
 * <p>{@link #loadData()} returns pixel values 0..255 as floats of shape [n, 28, 28] and class
 * indices of shape [n]. The four IDX files ({@code train-images-idx3-ubyte.gz} etc., as published)
 * are found by {@link DataPaths}: put them into {@code ~/.ganglion/datasets/fashion-mnist/}, or on
 * Debian run {@code apt-get install dataset-fashion-mnist}. When they are nowhere, they are downloaded
 * from Keras's origin and checked against the MD5 sums Zalando publishes.
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

    /** Where the files are downloaded from when missing (Keras's origin for this data set). */
    public static final String MIRROR = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    static final RemoteDataset REMOTE = new RemoteDataset(NAME, "Fashion-MNIST", List.of(
            new Downloader.RemoteFile(MnistFormat.TRAIN_IMAGES, MIRROR + MnistFormat.TRAIN_IMAGES, "MD5",
                    "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            new Downloader.RemoteFile(MnistFormat.TRAIN_LABELS, MIRROR + MnistFormat.TRAIN_LABELS, "MD5",
                    "25c81989df183df01b3e8a0aad5dffbe"),
            new Downloader.RemoteFile(MnistFormat.TEST_IMAGES, MIRROR + MnistFormat.TEST_IMAGES, "MD5",
                    "bef4ecab320f06d8554ea6380940ec79"),
            new Downloader.RemoteFile(MnistFormat.TEST_LABELS, MIRROR + MnistFormat.TEST_LABELS, "MD5",
                    "bb300cfdad3c16e7a12a480ee83cd310")), HOW_TO_GET);

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

    /**
     * The folder the data set is loaded from, downloading the files into the user cache when they are
     * nowhere; throws {@link DatasetNotFoundException} when they are missing and cannot be downloaded.
     */
    public static Path locate() {
        return REMOTE.locate();
    }
}
