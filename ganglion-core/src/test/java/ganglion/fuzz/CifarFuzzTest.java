package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.datasets.Cifar10;
import ganglion.datasets.Cifar100;
import ganglion.datasets.DatasetFormatException;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the CIFAR binary readers: the record files (fuzzed {@code test_batch.bin} beside five valid
 * one-record training files) and the {@code .tar.gz} archives of CIFAR-10 and CIFAR-100 (fuzzed whole).
 */
class CifarFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    private static final int RECORD = 1 + 3072;

    @FuzzTest(maxDuration = "30s")
    void records(byte[] data) {
        Path dir = FuzzSupport.tempDir("fuzz-cifar");
        try {
            byte[] one = new byte[RECORD];
            for (String n : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin")) {
                FuzzSupport.write(dir.resolve(n), one);
            }
            FuzzSupport.write(dir.resolve("test_batch.bin"), data);
            FuzzSupport.expect("Cifar10 records", BASE + 40L * data.length, () -> Cifar10.loadData(dir),
                    DatasetFormatException.class, UncheckedIOException.class);
        } finally {
            FuzzSupport.delete(dir);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void archive(byte[] data) {
        Path dir = FuzzSupport.tempDir("fuzz-cifar-tgz");
        try {
            FuzzSupport.write(dir.resolve(Cifar10.ARCHIVE), data);
            FuzzSupport.write(dir.resolve(Cifar100.ARCHIVE), data);
            long bound = BASE + 20_000L * data.length;
            FuzzSupport.expect("Cifar10 archive", bound, () -> Cifar10.loadData(dir),
                    DatasetFormatException.class, UncheckedIOException.class);
            FuzzSupport.expect("Cifar100 archive", bound, () -> Cifar100.loadData(dir, "fine"),
                    DatasetFormatException.class, UncheckedIOException.class);
        } finally {
            FuzzSupport.delete(dir);
        }
    }
}
