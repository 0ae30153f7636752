package ganglion.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CIFAR-10 data set (Krizhevsky 2009), as {@code keras.datasets.cifar10}: 50,000 training and 10,000 test
 * colour images of 32x32 pixels in 10 classes. {@link #loadData()} returns x as floats 0..255 of shape
 * [n, 32, 32, 3] and y as class indices of shape [n, 1], as Keras does.
 *
 * <p>Searched in the data set folders {@code cifar10} then {@code cifar10-jpg} of every {@link DataPaths} root,
 * each in one of these layouts:
 * <ul>
 *   <li>the canonical binary archive {@code cifar-10-binary.tar.gz} (read in place, not unpacked);</li>
 *   <li>its unpacked records {@code cifar-10-batches-bin/data_batch_1.bin ... test_batch.bin} (or the .bin
 *       files directly in the folder);</li>
 *   <li>JPEG folders {@code train/<class>/*.jpg} and {@code test/<class>/*.jpg}, or the archives
 *       {@code cifar10-train-jpg.tar.gz} and {@code cifar10-test-jpg.tar.gz} holding them (a lossy copy: the
 *       training images are then put in a fixed shuffled order).</li>
 * </ul>
 * When none is found the binary archive is downloaded from the CIFAR page into
 * {@code ~/.ganglion/datasets/cifar10/} and its published MD5 checked.
 */
public final class Cifar10 {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "cifar10";
    /** Folder name of the JPEG copy under each data root. */
    public static final String JPEG_NAME = "cifar10-jpg";
    /** The canonical binary archive. */
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";
    /** Its canonical location. */
    public static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    /** Its MD5 as published on the CIFAR page. */
    public static final String MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** Class names by index. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final List<String> TEST_FILES = List.of("test_batch.bin");
    static final CifarFormat.Layout LAYOUT = new CifarFormat.Layout(1, 0, 10);

    private static final String HOW_TO_GET = "Put " + ARCHIVE + " (from " + URL + ", MD5 " + MD5 + ") there,"
            + " or the JPEG folders train/<class>/*.jpg and test/<class>/*.jpg.";

    private Cifar10() {
    }

    /** Loads the data set from the first folder that holds it, downloading the archive if none does. */
    public static TrainTestData loadData() {
        return loadData(locate());
    }

    /** Loads the data set from {@code dir}, in any of the layouts listed above. */
    public static TrainTestData loadData(Path dir) {
        return loadData(dir, 0, 0);
    }

    /**
     * Only the first {@code maxTrain} training and {@code maxTest} test images (0: all), for quick runs; with
     * the JPEG layout only those are decoded.
     */
    public static TrainTestData loadData(int maxTrain, int maxTest) {
        return loadData(locate(), maxTrain, maxTest);
    }

    /** As {@link #loadData(int, int)} from {@code dir}. */
    public static TrainTestData loadData(Path dir, int maxTrain, int maxTest) {
        return limit(load(dir, maxTrain, maxTest), maxTrain, maxTest);
    }

    private static TrainTestData limit(TrainTestData d, int maxTrain, int maxTest) {
        int nt = maxTrain > 0 ? Math.min(maxTrain, d.xTrain().shape(0)) : d.xTrain().shape(0);
        int ne = maxTest > 0 ? Math.min(maxTest, d.xTest().shape(0)) : d.xTest().shape(0);
        if (nt == d.xTrain().shape(0) && ne == d.xTest().shape(0)) {
            return d;
        }
        return new TrainTestData(d.xTrain().slice(0, nt), d.yTrain().slice(0, nt), d.xTest().slice(0, ne),
                d.yTest().slice(0, ne));
    }

    private static TrainTestData load(Path dir, int maxTrain, int maxTest) {
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            List<String> all = new ArrayList<>(TRAIN_FILES);
            all.addAll(TEST_FILES);
            Map<String, byte[]> m = CifarFormat.readMembers(archive, all);
            return parts(m, archive.toString());
        }
        Path records = recordsFolder(dir);
        if (records != null) {
            List<String> all = new ArrayList<>(TRAIN_FILES);
            all.addAll(TEST_FILES);
            return parts(CifarFormat.readFiles(records, all), records.toString());
        }
        if (CifarJpeg.has(dir, "train") && CifarJpeg.has(dir, "test")) {
            CifarFormat.Part train = CifarJpeg.load(dir, "train", CLASS_NAMES, 0, maxTrain);
            CifarFormat.Part test = CifarJpeg.load(dir, "test", CLASS_NAMES, 1, maxTest);
            return new TrainTestData(train.x(), train.y(), test.x(), test.y());
        }
        throw new DatasetFormatException("Folder " + dir + " holds no CIFAR-10 data. " + HOW_TO_GET);
    }

    /**
     * The folder the data set is loaded from, downloading {@value #ARCHIVE} into the user cache when no folder
     * has the data; throws {@link DatasetNotFoundException} when that is impossible.
     */
    public static Path locate() {
        DataPaths paths = DataPaths.standard();
        for (String name : List.of(NAME, JPEG_NAME)) {
            for (Path dir : paths.candidates(name)) {
                if (holds(dir)) {
                    return dir;
                }
            }
        }
        RemoteDataset remote = new RemoteDataset(NAME, "CIFAR-10",
                List.of(new Downloader.RemoteFile(ARCHIVE, URL, "MD5", MD5)), HOW_TO_GET);
        return remote.locate(paths);
    }

    static boolean holds(Path dir) {
        return Files.isRegularFile(dir.resolve(ARCHIVE)) || recordsFolder(dir) != null
                || (CifarJpeg.has(dir, "train") && CifarJpeg.has(dir, "test"));
    }

    private static Path recordsFolder(Path dir) {
        for (Path d : List.of(dir.resolve("cifar-10-batches-bin"), dir)) {
            if (Files.isRegularFile(d.resolve("data_batch_1.bin")) && Files.isRegularFile(d.resolve("test_batch.bin"))) {
                return d;
            }
        }
        return null;
    }

    private static TrainTestData parts(Map<String, byte[]> m, String where) {
        CifarFormat.Part train = CifarFormat.decode(m, TRAIN_FILES, LAYOUT, where);
        CifarFormat.Part test = CifarFormat.decode(m, TEST_FILES, LAYOUT, where);
        return new TrainTestData(train.x(), train.y(), test.x(), test.y());
    }
}
