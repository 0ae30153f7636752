package ganglion.datasets;

import ganglion.Tensor;

import java.nio.file.Path;
import java.util.List;

/** The four-IDX-file layout shared by MNIST and Fashion-MNIST: 28x28 grey images, 10 classes. */
final class MnistFormat {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    static final int SIDE = 28;
    static final int CLASSES = 10;

    private MnistFormat() {
    }

    /** Loads the four files from {@code dir} (each plain or gzipped), checking shapes and labels. */
    static TrainTestData load(Path dir) {
        Tensor[] train = pair(dir, TRAIN_IMAGES, TRAIN_LABELS);
        Tensor[] test = pair(dir, TEST_IMAGES, TEST_LABELS);
        return new TrainTestData(train[0], train[1], test[0], test[1]);
    }

    private static Tensor[] pair(Path dir, String imagesName, String labelsName) {
        Path imagesFile = file(dir, imagesName);
        Path labelsFile = file(dir, labelsName);
        IdxReader.IdxData images = IdxReader.checkImages(IdxReader.read(imagesFile), SIDE, SIDE);
        IdxReader.IdxData labels = IdxReader.checkLabels(IdxReader.read(labelsFile));
        return pair(images, labels);
    }

    /** Checks that {@code images} and {@code labels} match and turns them into tensors. */
    static Tensor[] pair(IdxReader.IdxData images, IdxReader.IdxData labels) {
        if (images.dims()[0] != labels.dims()[0]) {
            throw new DatasetFormatException(images.source() + " holds " + images.dims()[0] + " images but "
                    + labels.source() + " holds " + labels.dims()[0] + " labels; the two files must come"
                    + " from the same release of the data set");
        }
        byte[] y = labels.data();
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xFF) >= CLASSES) {
                throw new DatasetFormatException(labels.source() + ": label " + (y[i] & 0xFF) + " at index "
                        + i + " is outside 0.." + (CLASSES - 1));
            }
        }
        return new Tensor[]{images.toTensor(), labels.toTensor()};
    }

    private static Path file(Path dir, String name) {
        Path p = DataPaths.resolveFile(dir, name);
        if (p == null) {
            throw new DatasetFormatException("Neither " + dir.resolve(name) + " nor its unzipped twin exists");
        }
        return p;
    }
}
