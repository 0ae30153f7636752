package ganglion.datasets;

import ganglion.Tensor;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;
import ganglion.utils.images.NumpyRandomState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * CIFAR-10 as folders of 32x32 JPEG files, {@code <part>/<class>/*.jpg} (the layout of the repository's
 * {@code cifar10-jpg} copy), either packed in {@code cifar10-<part>-jpg.tar.gz} or unpacked. Files are read in
 * name order, then put in a fixed pseudo-random order (NumPy {@code RandomState(0)} shuffle for the training
 * part, {@code RandomState(1)} for the test part), so that a plain {@code validationSplit} does not take only the
 * last classes and the first N images are a fair sample; only the images kept are decoded, on all cores.
 */
final class CifarJpeg {

    private CifarJpeg() {
    }

    /** Whether {@code dir} holds the JPEG layout for {@code part} ("train" or "test"), packed or not. */
    static boolean has(Path dir, String part) {
        return Files.isRegularFile(dir.resolve(archiveName(part))) || Files.isDirectory(dir.resolve(part));
    }

    static String archiveName(String part) {
        return "cifar10-" + part + "-jpg.tar.gz";
    }

    /** Loads one part from {@code dir} (archive first, then the unpacked folder). */
    static CifarFormat.Part load(Path dir, String part, List<String> classNames, long shuffleSeed, int limit) {
        List<byte[]> encoded = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Path archive = dir.resolve(archiveName(part));
        if (Files.isRegularFile(archive)) {
            readArchive(archive, classNames, encoded, names, labels);
        } else {
            readFolder(dir.resolve(part), classNames, encoded, names, labels);
        }
        if (encoded.isEmpty()) {
            throw new DatasetFormatException("No JPEG images found for the CIFAR-10 " + part + " part in " + dir
                    + "; expected " + part + "/<class>/*.jpg with classes " + classNames);
        }
        int[] order = IntStream.range(0, encoded.size()).toArray();
        new NumpyRandomState(shuffleSeed).shuffle(order);
        int n = limit > 0 ? Math.min(limit, order.length) : order.length;
        float[] x = new float[n * CifarFormat.PIXELS];
        float[] y = new float[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int src = order[i];
            DecodedImage img = ImageDecoder.decode(encoded.get(src), names.get(src), 3);
            if (img.height() != CifarFormat.SIDE || img.width() != CifarFormat.SIDE) {
                throw new DatasetFormatException("CIFAR-10 image " + names.get(src) + " is " + img.height() + "x"
                        + img.width() + ", not 32x32");
            }
            byte[] p = img.pixels();
            int o = i * CifarFormat.PIXELS;
            for (int k = 0; k < p.length; k++) {
                x[o + k] = p[k] & 0xFF;
            }
            y[i] = labels.get(src);
        });
        return new CifarFormat.Part(Tensor.wrap(x, n, 32, 32, 3), Tensor.wrap(y, n, 1));
    }

    private static void readArchive(Path archive, List<String> classNames, List<byte[]> encoded,
                                    List<String> names, List<Integer> labels) {
        try (TarReader tar = TarReader.open(archive)) {
            for (TarReader.Entry e; (e = tar.next()) != null; ) {
                if (!e.isFile() || !isImage(e.name())) {
                    continue;
                }
                String[] parts = e.name().split("/");
                if (parts.length < 2) {
                    continue;
                }
                int label = classIndex(parts[parts.length - 2], classNames, archive + ":" + e.name());
                encoded.add(tar.readContent());
                names.add(archive + ":" + e.name());
                labels.add(label);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DatasetFormatException("Archive " + archive + " is a damaged or truncated gzip file ("
                    + e.getMessage() + "); replace it with a good copy", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    private static void readFolder(Path partDir, List<String> classNames, List<byte[]> encoded,
                                   List<String> names, List<Integer> labels) {
        for (int c = 0; c < classNames.size(); c++) {
            Path classDir = partDir.resolve(classNames.get(c));
            if (!Files.isDirectory(classDir)) {
                throw new DatasetFormatException("CIFAR-10 folder " + classDir + " is missing; " + partDir
                        + " needs one sub-folder per class: " + classNames);
            }
            try (Stream<Path> files = Files.list(classDir)) {
                for (Path f : files.filter(p -> isImage(p.getFileName().toString())).sorted().toList()) {
                    encoded.add(Files.readAllBytes(f));
                    names.add(f.toString());
                    labels.add(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + classDir + ": " + e.getMessage(), e);
            }
        }
    }

    private static int classIndex(String folder, List<String> classNames, String where) {
        int i = classNames.indexOf(folder);
        if (i < 0) {
            throw new DatasetFormatException("CIFAR-10 image " + where + " is in folder '" + folder
                    + "', which is not a CIFAR-10 class " + classNames);
        }
        return i;
    }

    private static boolean isImage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }
}
