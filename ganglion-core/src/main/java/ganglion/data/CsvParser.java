package ganglion.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of cells (RFC 4180): quoted fields may hold the separator, doubled quotes and
 * line breaks; "\r\n" and "\n" end rows; blank lines are skipped. With a space separator, runs of spaces
 * count as one (as whitespace-separated files need).
 */
final class CsvParser {

    private CsvParser() {
    }

    static List<String[]> parse(String text, char sep) {
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        int i = 0;
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                if (sep == ' ' && cell.length() == 0 && !wasQuoted) {
                    continue;
                }
                row.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, cell, wasQuoted, sep);
                row = new ArrayList<>();
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV: a quoted field is not closed before the end of the file");
        }
        endRow(rows, row, cell, wasQuoted, sep);
        return rows;
    }

    private static void endRow(List<String[]> rows, List<String> row, StringBuilder cell, boolean wasQuoted, char sep) {
        if (cell.length() > 0 || wasQuoted || (!row.isEmpty() && sep != ' ')) {
            row.add(cell.toString());
        }
        cell.setLength(0);
        if (!row.isEmpty()) {
            rows.add(row.toArray(new String[0]));
        }
    }
}
