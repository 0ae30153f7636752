package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.datasets.DatasetFormatException;
import ganglion.datasets.IdxReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Fuzzes {@link IdxReader} (MNIST/Fashion-MNIST IDX files, gzip or plain). */
class IdxFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void idx(byte[] data) {
        // gzip may expand 1032:1; the values become a float tensor (4 bytes each).
        long bound = BASE + 6000L * data.length;
        FuzzSupport.expect("IdxReader", bound, () -> {
            IdxReader.IdxData d = IdxReader.read(new ByteArrayInputStream(data), "fuzz.idx");
            d.toTensor();
        }, DatasetFormatException.class, IOException.class);
    }
}
