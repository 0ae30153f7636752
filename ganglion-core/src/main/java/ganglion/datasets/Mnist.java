package ganglion.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * The MNIST handwritten digits, as {@code keras.datasets.mnist}: 60,000 training and 10,000 test grey
 * images of 28x28 pixels, digits 0 to 9.
 *
 * <p>{@link #loadData()} returns pixel values 0..255 as floats of shape [n, 28, 28] and digit labels
 * of shape [n]. The data are read from the four original IDX files ({@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz}),
 * found by {@link DataPaths}: put them into {@code ~/.ganglion/datasets/mnist/}. When they are nowhere,
 * they are downloaded from the CVDF mirror of the original files (the one TensorFlow's tutorials use) and
 * checked against MNIST's published MD5 sums.
 */
public final class Mnist {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "mnist";

    private static final String HOW_TO_GET = "The four IDX files are the original MNIST release by"
            + " Yann LeCun, Corinna Cortes and Christopher Burges (mirrored by many projects, e.g."
            + " the torchvision and TensorFlow data set mirrors).";

    /** Where the files are downloaded from when missing. */
    public static final String MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";

    static final RemoteDataset REMOTE = new RemoteDataset(NAME, "MNIST", List.of(
            new Downloader.RemoteFile(MnistFormat.TRAIN_IMAGES, MIRROR + MnistFormat.TRAIN_IMAGES, "MD5",
                    "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
            new Downloader.RemoteFile(MnistFormat.TRAIN_LABELS, MIRROR + MnistFormat.TRAIN_LABELS, "MD5",
                    "d53e105ee54ea40749a09fcbcd1e9432"),
            new Downloader.RemoteFile(MnistFormat.TEST_IMAGES, MIRROR + MnistFormat.TEST_IMAGES, "MD5",
                    "9fb629c4189551a2d022fa330f9573f3"),
            new Downloader.RemoteFile(MnistFormat.TEST_LABELS, MIRROR + MnistFormat.TEST_LABELS, "MD5",
                    "ec29112dd5afa0611ce80d1b7f02629c")), HOW_TO_GET);

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

    /**
     * The folder the data set is loaded from, downloading the files into the user cache when they are
     * nowhere; throws {@link DatasetNotFoundException} when they are missing and cannot be downloaded.
     */
    public static Path locate() {
        return REMOTE.locate();
    }
}
