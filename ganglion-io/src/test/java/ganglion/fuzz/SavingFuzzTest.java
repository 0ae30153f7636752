package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import ganglion.layers.Dense;
import ganglion.models.Sequential;
import ganglion.saving.GanglionFormatException;
import ganglion.saving.KerasModelIO;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes the model readers of ganglion-io: whole {@code .keras} archives, {@code .weights.h5} (Keras 3 layout),
 * legacy {@code .h5} models, and the {@code config.json} inside an otherwise valid {@code .keras} archive.
 * The only exception allowed is {@link GanglionFormatException}.
 */
class SavingFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;
    private static final KerasModelIO IO = new KerasModelIO();

    private static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Dense(4, "relu").inputShape(3));
        m.add(new Dense(2, "softmax"));
        return m;
    }

    private static byte[] resource(String name) {
        try (InputStream in = SavingFuzzTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(String target, String fileName, byte[] data, long bound, boolean weightsOnly) {
        Path dir = FuzzSupport.tempDir("fuzz-io");
        try {
            Path file = FuzzSupport.write(dir.resolve(fileName), data);
            FuzzSupport.expect(target, bound, () -> {
                if (weightsOnly) {
                    IO.loadWeights(model(), file);
                } else {
                    IO.load(file);
                }
            }, GanglionFormatException.class);
        } finally {
            FuzzSupport.delete(dir);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void keras(byte[] data) {
        load("KerasModelIO.load(.keras)", "m.keras", data, BASE + 4200L * data.length, false);
    }

    @FuzzTest(maxDuration = "30s")
    void weightsH5(byte[] data) {
        load("KerasModelIO.loadWeights(.weights.h5)", "m.weights.h5", data, BASE + 4200L * data.length, true);
    }

    @FuzzTest(maxDuration = "30s")
    void legacyH5(byte[] data) {
        load("KerasModelIO.load(.h5)", "m.h5", data, BASE + 4200L * data.length, false);
    }

    @FuzzTest(maxDuration = "30s")
    void config(byte[] data) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("metadata.json"));
            z.write(resource("/ganglion/fuzz/seed/metadata.json"));
            z.putNextEntry(new ZipEntry("config.json"));
            z.write(data);
            z.putNextEntry(new ZipEntry("model.weights.h5"));
            z.write(resource("/ganglion/fuzz/seed/model.weights.h5"));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        load("KerasModelIO.load(config.json)", "c.keras", zip.toByteArray(), BASE + 4200L * data.length, false);
    }

    /**
     * Fuzz finding: a .keras archive whose deflated entry ends early makes KerasArchive.read throw a bare
     * java.io.EOFException ("Unexpected end of ZLIB input stream") instead of a GanglionFormatException.
     */
    @Test
    void truncatedDeflateEntryIsAFormatError() {
        keras(resource("/ganglion/fuzz/regressions/keras-truncated-deflate.keras"));
    }

    /**
     * Fuzz finding: a 1.5 KB .weights.h5 whose object header declares a huge chunk size makes jHDF allocate
     * 1.5 GB (ByteBuffer.allocate in HdfFileChannel.readBufferNoOffset via ObjectHeaderV2, reached from
     * H5Data.readVars -> Group.getChildren); with a smaller heap it is an OutOfMemoryError. Fixed: jHDF reads
     * from an in-memory view of the file (H5Input), so the chunk is a slice that fails past the file's end.
     */
    @Test
    void weightsWithAHugeObjectHeaderAreRefused() {
        weightsH5(resource("/ganglion/fuzz/regressions/weights-huge-allocation.weights.h5"));
    }

    /**
     * Fuzz finding: a 3 KB legacy .h5 makes KerasModelIO.load allocate 2.1 GB inside jHDF (ObjectHeaderV2 again,
     * reached from LegacyH5.isLegacy -> getAttributes). Fixed as above.
     */
    @Test
    void legacyH5WithAHugeObjectHeaderIsRefused() {
        legacyH5(resource("/ganglion/fuzz/regressions/legacy-huge-allocation.h5"));
    }
}
