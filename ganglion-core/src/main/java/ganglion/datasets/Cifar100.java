package ganglion.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CIFAR-100 data set, as {@code keras.datasets.cifar100}: 50,000 training and 10,000 test colour images of
 * 32x32 pixels, labelled with 100 fine classes grouped into 20 coarse ones. {@link #loadData(String)} takes
 * Keras's {@code label_mode}, "fine" (default) or "coarse"; x is [n, 32, 32, 3] floats 0..255, y [n, 1].
 *
 * <p>Read from the canonical binary archive {@code cifar-100-binary.tar.gz} (in place) or its unpacked
 * {@code cifar-100-binary/train.bin} and {@code test.bin}, in the {@code cifar100} folder of any
 * {@link DataPaths} root; downloaded from the CIFAR page (MD5 checked) when absent.
 */
public final class Cifar100 {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "cifar100";
    /** The canonical binary archive. */
    public static final String ARCHIVE = "cifar-100-binary.tar.gz";
    /** Its canonical location. */
    public static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz";
    /** Its MD5 as published on the CIFAR page. */
    public static final String MD5 = "03b5dce01913d631647c71ecec9e9cb8";

    private static final List<String> FILES = List.of("train.bin", "test.bin");
    private static final String HOW_TO_GET = "Put " + ARCHIVE + " (from " + URL + ", MD5 " + MD5 + ") there.";

    private Cifar100() {
    }

    /** Loads the data set with fine labels (100 classes). */
    public static TrainTestData loadData() {
        return loadData("fine");
    }

    /** Loads the data set; {@code labelMode} is "fine" (100 classes) or "coarse" (20 super-classes). */
    public static TrainTestData loadData(String labelMode) {
        return loadData(locate(), labelMode);
    }

    /** Loads the data set from {@code dir} (archive or unpacked records). */
    public static TrainTestData loadData(Path dir, String labelMode) {
        CifarFormat.Layout layout;
        if ("fine".equals(labelMode)) {
            layout = new CifarFormat.Layout(2, 1, 100);
        } else if ("coarse".equals(labelMode)) {
            layout = new CifarFormat.Layout(2, 0, 20);
        } else {
            throw new IllegalArgumentException("`label_mode` must be one of `\"fine\"`, `\"coarse\"`. Received: "
                    + "label_mode=" + labelMode + ".");
        }
        Map<String, byte[]> m;
        String where;
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            m = CifarFormat.readMembers(archive, FILES);
            where = archive.toString();
        } else {
            Path d = recordsFolder(dir);
            if (d == null) {
                throw new DatasetFormatException("Folder " + dir + " holds no CIFAR-100 data. " + HOW_TO_GET);
            }
            m = CifarFormat.readFiles(d, FILES);
            where = d.toString();
        }
        CifarFormat.Part train = CifarFormat.decode(m, List.of("train.bin"), layout, where);
        CifarFormat.Part test = CifarFormat.decode(m, List.of("test.bin"), layout, where);
        return new TrainTestData(train.x(), train.y(), test.x(), test.y());
    }

    /** The folder the data set is loaded from, downloading the archive into the user cache if needed. */
    public static Path locate() {
        DataPaths paths = DataPaths.standard();
        for (Path dir : paths.candidates(NAME)) {
            if (Files.isRegularFile(dir.resolve(ARCHIVE)) || recordsFolder(dir) != null) {
                return dir;
            }
        }
        return new RemoteDataset(NAME, "CIFAR-100", List.of(new Downloader.RemoteFile(ARCHIVE, URL, "MD5", MD5)),
                HOW_TO_GET).locate(paths);
    }

    private static Path recordsFolder(Path dir) {
        for (Path d : List.of(dir.resolve("cifar-100-binary"), dir)) {
            if (Files.isRegularFile(d.resolve("train.bin")) && Files.isRegularFile(d.resolve("test.bin"))) {
                return d;
            }
        }
        return null;
    }
}
