package ganglion.data;

import ganglion.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** {@link Dataset#fromCsv}: streams the rows of a CSV file (RFC 4180 quoting, one record per line). */
final class CsvSource extends Dataset<String[]> {

    private final Path file;
    private final boolean header;
    private final char separator;

    CsvSource(Path file, boolean header, char separator) {
        this.file = file;
        this.header = header;
        this.separator = separator;
    }

    @Override
    public DatasetIterator<String[]> iterator() {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            if (header) {
                reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Dataset.fromCsv: cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DatasetIterator<>() {
            String line;
            boolean done;

            @Override
            public boolean hasNext() {
                if (line != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    String l;
                    do {
                        l = reader.readLine();
                    } while (l != null && l.isBlank());
                    if (l == null) {
                        close();
                        return false;
                    }
                    line = l;
                    return true;
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("Dataset.fromCsv: reading " + file + " failed: " + e.getMessage(), e);
                }
            }

            @Override
            public String[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String l = line;
                line = null;
                return split(l, separator);
            }

            @Override
            public void close() {
                done = true;
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        };
    }

    static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out.toArray(new String[0]);
    }

    static Tensor[] numericRow(Path file, String[] row, int labelColumn) {
        int nf = labelColumn >= 0 ? row.length - 1 : row.length;
        if (labelColumn >= row.length) {
            throw new IllegalArgumentException("Dataset.fromCsv: label column " + labelColumn + " but a row of "
                    + file + " has only " + row.length + " fields");
        }
        float[] f = new float[nf];
        float label = 0;
        for (int i = 0, k = 0; i < row.length; i++) {
            float v;
            try {
                v = Float.parseFloat(row[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Dataset.fromCsv: field " + i + " of a row of " + file
                        + " is not a number: \"" + row[i] + "\" (use fromCsv(file, header) and map() for text columns)");
            }
            if (i == labelColumn) {
                label = v;
            } else {
                f[k++] = v;
            }
        }
        return labelColumn >= 0 ? new Tensor[]{Tensor.wrap(f, nf), Tensor.scalar(label)} : new Tensor[]{Tensor.wrap(f, nf)};
    }

    @Override
    public long cardinality() {
        return UNKNOWN;
    }
}
