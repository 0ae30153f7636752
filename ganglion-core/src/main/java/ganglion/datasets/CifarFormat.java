package ganglion.datasets;

import ganglion.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CIFAR binary format ("binary version suitable for C programs"): fixed-size records of label byte(s)
 * then 3072 pixel bytes, the red plane, then green, then blue, each 32x32 in row-major order. CIFAR-10 has one
 * label byte, CIFAR-100 two (coarse, then fine). Records are turned into Keras's layout: x [n, 32, 32, 3]
 * floats 0..255 (channels last), y [n, 1].
 */
final class CifarFormat {

    static final int SIDE = 32;
    static final int PIXELS = SIDE * SIDE * 3;

    private CifarFormat() {
    }

    /** Record bytes and label layout of one variant. */
    record Layout(int labelBytes, int labelIndex, int classes) {
        int recordSize() {
            return labelBytes + PIXELS;
        }
    }

    /** Images and labels decoded from one or more record files. */
    record Part(Tensor x, Tensor y) {
    }

    /** Reads named members from a {@code .tar.gz} archive: basename to content, in archive order. */
    static Map<String, byte[]> readMembers(Path archive, List<String> wanted) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        try (TarReader tar = TarReader.open(archive)) {
            for (TarReader.Entry e; (e = tar.next()) != null; ) {
                if (!e.isFile()) {
                    continue;
                }
                String base = e.name().substring(e.name().lastIndexOf('/') + 1);
                if (wanted.contains(base)) {
                    found.put(base, tar.readContent());
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DatasetFormatException("Archive " + archive + " is a damaged or truncated gzip file ("
                    + e.getMessage() + "); delete it and download it again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + archive + ": " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(found.keySet());
        if (!missing.isEmpty()) {
            throw new DatasetFormatException("Archive " + archive + " lacks " + String.join(", ", missing)
                    + "; is it the right archive (the binary version, not the Python or MATLAB one)?"
                    + " Delete it and download it again");
        }
        return found;
    }

    /** Reads record files from a folder. */
    static Map<String, byte[]> readFiles(Path dir, List<String> names) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String n : names) {
            Path p = dir.resolve(n);
            try (InputStream in = Files.newInputStream(p)) {
                found.put(n, in.readAllBytes());
            } catch (java.nio.file.NoSuchFileException e) {
                throw new DatasetFormatException("CIFAR file " + p + " is missing; put all of " + names + " into "
                        + dir, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    /** Decodes the concatenation of {@code files} (in order) into x [n,32,32,3] and y [n,1]. */
    static Part decode(Map<String, byte[]> files, List<String> order, Layout layout, String where) {
        int rec = layout.recordSize();
        long total = 0;
        for (String name : order) {
            byte[] b = files.get(name);
            if (b.length == 0 || b.length % rec != 0) {
                throw new DatasetFormatException("CIFAR file " + name + " in " + where + " holds " + b.length
                        + " bytes, not a whole number of " + rec + "-byte records (" + layout.labelBytes()
                        + " label byte(s) + 3072 pixels); it is truncated or not a CIFAR"
                        + (layout.labelBytes() == 1 ? "-10" : "-100") + " binary file. Download it again");
            }
            total += b.length / rec;
        }
        int n = (int) total;
        float[] x = new float[n * PIXELS];
        float[] y = new float[n];
        int i = 0;
        for (String name : order) {
            byte[] b = files.get(name);
            int count = b.length / rec;
            for (int r = 0; r < count; r++, i++) {
                int base = r * rec;
                int label = b[base + layout.labelIndex()] & 0xFF;
                if (label >= layout.classes()) {
                    throw new DatasetFormatException("CIFAR file " + name + " in " + where + ": record " + r
                            + " has label " + label + ", outside 0.." + (layout.classes() - 1)
                            + "; the file is damaged or of another CIFAR variant");
                }
                y[i] = label;
                int p = base + layout.labelBytes();
                int o = i * PIXELS;
                for (int px = 0; px < SIDE * SIDE; px++) {
                    x[o + 3 * px] = b[p + px] & 0xFF;
                    x[o + 3 * px + 1] = b[p + 1024 + px] & 0xFF;
                    x[o + 3 * px + 2] = b[p + 2048 + px] & 0xFF;
                }
            }
        }
        return new Part(Tensor.wrap(x, n, SIDE, SIDE, 3), Tensor.wrap(y, n, 1));
    }
}
