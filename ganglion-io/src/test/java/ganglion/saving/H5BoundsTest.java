package ganglion.saving;

import ganglion.layers.Dense;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HDF5 files whose sizes and counts promise far more than the file holds are refused before jHDF builds
 * anything from them, and reading them allocates little (see {@link H5Input}, {@link H5Data}). The files
 * were made with h5py (src/test/resources/ganglion/saving/hostile, generator in the test's Javadoc).
 */
class H5BoundsTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private Path copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ganglion/saving/hostile/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    private static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Dense(4, "relu").inputShape(3));
        m.add(new Dense(2, "softmax"));
        return m;
    }

    private static GanglionFormatException loadWeightsFails(Path p, long maxAllocated) {
        Sequential m = model();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        GanglionFormatException e = assertThrows(GanglionFormatException.class,
                () -> new KerasModelIO().loadWeights(m, p));
        long used = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(used < maxAllocated, "allocated " + used + " bytes");
        return e;
    }

    /**
     * A 7 KB file whose chunked dataset {@code layers/dense/vars/0} declares 16384 x 16384 float32 values
     * (1 GiB) and stores no chunk: jHDF would allocate 1 GiB of fill values, twice. h5py:
     * {@code f.create_dataset('layers/dense/vars/0', shape=(1<<14, 1<<14), chunks=(1024, 1024), dtype='f4')}.
     */
    @Test
    void chunkedDatasetLargerThanTheFileCanBackIsRefused() throws IOException {
        Path p = copy("sparse-chunked.weights.h5");
        loadWeightsFails(p, 64L << 20);
        GanglionFormatException e = loadWeightsFails(p, 64L << 20);
        assertTrue(e.getMessage().contains("layers/dense/vars/0"), e.getMessage());
        assertTrue(e.getMessage().contains("6936-byte file") || e.getMessage().contains("bytes of values"),
                e.getMessage());
    }

    /**
     * A legacy weights file whose variable-length string attribute {@code layer_names} holds two references to
     * one 3000-byte global heap object (h5py wrote two strings; the second reference was patched to the first):
     * n references to one object would expand a small file n-fold.
     */
    @Test
    void stringAttributeReferringTwiceToOneHeapObjectIsRefused() throws IOException {
        Path p = copy("shared-heap-strings.h5");
        GanglionFormatException e = loadWeightsFails(p, 64L << 20);
        assertTrue(e.getMessage().contains("refers twice to global heap object"), e.getMessage());
        assertTrue(e.getMessage().contains("layer_names"), e.getMessage());
    }

    /**
     * A weights file whose root group's B-tree leaf lists one symbol table node twice (h5py wrote 13 root
     * members in three nodes; the second child pointer was patched to the first): repeated across levels,
     * shared children make a few KB walk an exponential number of nodes. Refused by {@link H5Structure}.
     */
    @Test
    void btreeNodeReachedTwiceIsRefused() throws IOException {
        Path p = copy("shared-btree-child.weights.h5");
        GanglionFormatException e = loadWeightsFails(p, 64L << 20);
        assertTrue(e.getMessage().contains("reached twice"), e.getMessage());
    }

    /** A truncated file is a format error (never a jHDF exception), whatever the cut. */
    @Test
    void truncatedHdf5IsAFormatError() throws IOException {
        Path good = dir.resolve("m.weights.h5");
        model().saveWeights(good);
        byte[] all = Files.readAllBytes(good);
        for (int cut = 8; cut < all.length; cut += 37) {
            Path p = dir.resolve("cut" + cut + ".weights.h5");
            Files.write(p, java.util.Arrays.copyOf(all, cut));
            if (cut <= 200) {
                loadWeightsFails(p, 64L << 20);
            } else {
                try {
                    new KerasModelIO().loadWeights(model(), p);
                } catch (GanglionFormatException e) {
                    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
                }
            }
        }
    }

    /** Files over 16 MiB are read through a memory map instead of a heap copy; the weights round-trip. */
    @Test
    void largeFilesAreMemoryMappedAndRoundTrip() throws IOException {
        Sequential m = new Sequential();
        m.add(new Dense(2100, "linear").inputShape(2100));
        Path p = dir.resolve("big.weights.h5");
        m.saveWeights(p);
        assertTrue(Files.size(p) > (16L << 20), "file of " + Files.size(p) + " bytes");
        Sequential back = new Sequential();
        back.add(new Dense(2100, "linear").inputShape(2100));
        new KerasModelIO().loadWeights(back, p);
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.layers().get(0).variables().get(0).value().toFloatArray(),
                back.layers().get(0).variables().get(0).value().toFloatArray());
    }
}
