package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.internal.npy.Npy;
import ganglion.internal.npy.Npz;

import java.io.IOException;
import java.nio.file.Path;

/** Fuzzes the {@code .npy} reader (with its safe pickle subset) and the {@code .npz} archive reader. */
class NpyFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void npy(byte[] data) {
        long bound = BASE + 128L * data.length;
        FuzzSupport.expect("Npy", bound, () -> Npy.read(data), IOException.class);
    }

    @FuzzTest(maxDuration = "30s")
    void npz(byte[] data) {
        Path dir = FuzzSupport.tempDir("fuzz-npz");
        try {
            Path file = FuzzSupport.write(dir.resolve("a.npz"), data);
            // deflate may expand 1032:1, the data may be copied once more (Fortran order).
            long bound = BASE + 4200L * data.length;
            FuzzSupport.expect("Npz", bound, () -> Npz.read(file), IOException.class);
        } finally {
            FuzzSupport.delete(dir);
        }
    }
}
