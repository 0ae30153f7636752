package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.data.CsvOptions;
import ganglion.data.Dataset;
import ganglion.data.Table;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Fuzzes CSV reading: {@link Table#readCsv} (pandas-like) and {@link Dataset#fromCsv} (streamed rows). */
class CsvFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] data) {
        Path dir = FuzzSupport.tempDir("fuzz-csv");
        try {
            Path file = FuzzSupport.write(dir.resolve("a.csv"), data);
            long bound = BASE + 1024L * data.length;
            FuzzSupport.expect("Table.readCsv", bound, () -> Table.readCsv(file, CsvOptions.defaults()),
                    IllegalArgumentException.class, UncheckedIOException.class);
            FuzzSupport.expect("Dataset.fromCsv(rows)", bound, () -> Dataset.fromCsv(file, true).toList(),
                    IllegalArgumentException.class, UncheckedIOException.class);
            FuzzSupport.expect("Dataset.fromCsv(numbers)", bound, () -> Dataset.fromCsv(file, false, 0).toList(),
                    IllegalArgumentException.class, UncheckedIOException.class);
        } finally {
            FuzzSupport.delete(dir);
        }
    }
}
