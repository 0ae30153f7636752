package ganglion.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Streams each epoch's logs to a CSV file, as Keras's {@code keras.callbacks.CSVLogger}: a header
 * {@code epoch,accuracy,loss,val_accuracy,val_loss} (log names sorted), then one row per epoch with the
 * 0-based epoch and Python's {@code repr} of each value ("NA" when missing), rows ended by "\r\n" as
 * Python's csv module does. With {@code append(true)} rows go after an existing file's, and the header is
 * written only if that file is empty.
 */
public class CSVLogger extends Callback {

    private final Path filename;
    private String separator = ",";
    private boolean append;

    private BufferedWriter writer;
    private List<String> keys;
    private boolean writeHeader;

    public CSVLogger(Path filename) {
        if (filename == null) {
            throw new IllegalArgumentException("CSVLogger: filename must not be null");
        }
        this.filename = filename;
    }

    public CSVLogger(String filename) {
        this(Path.of(filename));
    }

    public CSVLogger(String filename, String separator, boolean append) {
        this(Path.of(filename));
        separator(separator);
        append(append);
    }

    /** @param separator the field separator; default "," */
    public CSVLogger separator(String separator) {
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("CSVLogger: separator must be a non-empty string");
        }
        this.separator = separator;
        return this;
    }

    /** @param append add to an existing file instead of overwriting it; default false */
    public CSVLogger append(boolean append) {
        this.append = append;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        try {
            Path dir = filename.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            writeHeader = true;
            if (append && Files.exists(filename)) {
                writeHeader = Files.size(filename) == 0;
            }
            writer = Files.newBufferedWriter(filename, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            keys = null;
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: could not open " + filename + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (writer == null) {
            onTrainBegin(Map.of());
        }
        try {
            if (keys == null) {
                keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
                if (writeHeader) {
                    List<String> header = new ArrayList<>();
                    header.add("epoch");
                    header.addAll(keys);
                    writeRow(header);
                }
            }
            List<String> row = new ArrayList<>(keys.size() + 1);
            row.add(Integer.toString(epoch));
            for (String k : keys) {
                Double v = logs.get(k);
                row.add(v == null ? "NA" : PyTemplate.repr(v));
            }
            writeRow(row);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: could not write to " + filename + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("CSVLogger: could not close " + filename + ": " + e.getMessage(), e);
            } finally {
                writer = null;
            }
        }
    }

    private void writeRow(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(separator);
            }
            writer.write(quote(fields.get(i)));
        }
        writer.write("\r\n");
    }

    /** Python csv's QUOTE_MINIMAL: quote fields holding the separator, a quote or a line break. */
    private String quote(String field) {
        if (field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
