package ganglion.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Small parsers for the text tables the tutorials use: comma-separated rows and JSON arrays of rows. */
final class TextTables {

    private TextTables() {
    }

    /** The UTF-8 text of {@code file}, gunzipped when it is gzip-compressed (magic 1f 8b). */
    static String text(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length >= 2 && (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                    b = in.readAllBytes();
                }
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Non-empty lines of {@code file} split at commas, fields trimmed; lines starting with # are skipped. */
    static List<String[]> csvRows(Path file) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(file).split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            rows.add(f);
        }
        return rows;
    }

    /** True when {@code s} parses as a number. */
    static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Parses field {@code col} of row {@code row} (1-based line counts in the message) as a float. */
    static float number(Path file, int row, int col, String value) {
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file + ", data row " + (row + 1) + ", column " + (col + 1)
                    + ": '" + value + "' is not a number");
        }
    }

    /**
     * Parses a JSON array of arrays whose items are numbers or strings, e.g. {@code [[5.1, 3.5, "setosa"]]},
     * into rows of strings (strings unquoted). Other JSON (objects, nesting deeper than two) is rejected.
     */
    static List<String[]> jsonRows(Path file) {
        String s = text(file);
        List<String[]> rows = new ArrayList<>();
        List<String> row = null;
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '[') {
                depth++;
                if (depth == 2) {
                    row = new ArrayList<>();
                } else if (depth > 2) {
                    throw jsonError(file, i, "arrays nested deeper than rows");
                }
                i++;
            } else if (c == ']') {
                if (depth == 2) {
                    rows.add(row.toArray(new String[0]));
                    row = null;
                }
                depth--;
                if (depth < 0) {
                    throw jsonError(file, i, "unbalanced ']'");
                }
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0 || depth != 2) {
                    throw jsonError(file, i, "a string outside a row or without its closing quote");
                }
                row.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < s.length() && ",] \t\r\n".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                if (depth != 2) {
                    throw jsonError(file, i, "a value outside a row");
                }
                row.add(s.substring(i, end));
                i = end;
            }
        }
        if (depth != 0) {
            throw jsonError(file, s.length(), "missing ']' at the end");
        }
        return rows;
    }

    private static DatasetFormatException jsonError(Path file, int pos, String what) {
        return new DatasetFormatException(file + ": expected a JSON array of rows, found " + what
                + " at character " + pos);
    }
}
