package ganglion.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns parsed CSV rows into a {@link Table}: header detection, column names and column types. */
final class CsvTables {

    private CsvTables() {
    }

    static Table build(List<String[]> all, CsvOptions o) {
        if (all.size() <= o.skipRows()) {
            throw new IllegalArgumentException("no data rows (the file has " + all.size() + " rows, " + o.skipRows()
                    + " skipped)");
        }
        List<String[]> rows = all.subList(o.skipRows(), all.size());
        boolean header = switch (o.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(rows, o);
        };
        String[] names = o.names();
        String[] first = rows.get(0);
        List<String[]> data = header ? rows.subList(1, rows.size()) : rows;
        int width = first.length;
        for (String[] r : data) {
            width = Math.max(width, r.length);
        }
        if (names == null) {
            names = new String[width];
            for (int j = 0; j < width; j++) {
                String h = header && j < first.length ? first[j].trim() : "";
                names[j] = h.isEmpty() ? (header ? "Unnamed: " + j : Integer.toString(j)) : h;
            }
        } else if (names.length != width) {
            throw new IllegalArgumentException(names.length + " column names given for " + width + " columns");
        }
        dedupe(names);
        int n = data.size();
        List<Column> cols = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            String[] cells = new String[n];
            boolean numeric = true;
            for (int i = 0; i < n; i++) {
                String[] r = data.get(i);
                String cell = j < r.length ? r[j] : "";
                cells[i] = o.isNa(cell) ? null : cell.trim();
                if (cells[i] != null && numeric && parse(cells[i]) == null) {
                    numeric = false;
                }
            }
            if (numeric) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = cells[i] == null ? Double.NaN : parse(cells[i]);
                }
                cols.add(Column.wrapNumeric(names[j], d));
            } else {
                cols.add(Column.wrapCategorical(names[j], cells));
            }
        }
        return Table.of(cols);
    }

    /**
     * A first row is a header when some column is numeric below it while its first cell is text, or when
     * its cells are all text, distinct, while some column below holds numbers.
     */
    static boolean looksLikeHeader(List<String[]> rows, CsvOptions o) {
        if (rows.size() < 2) {
            return false;
        }
        String[] first = rows.get(0);
        int sample = Math.min(rows.size(), 51);
        boolean allText = true;
        Set<String> distinct = new HashSet<>();
        for (String s : first) {
            allText &= !o.isNa(s) && parse(s.trim()) == null;
            distinct.add(s.trim());
        }
        for (int j = 0; j < first.length; j++) {
            boolean belowNumeric = true;
            boolean anyValue = false;
            for (int i = 1; i < sample; i++) {
                String[] r = rows.get(i);
                if (j >= r.length || o.isNa(r[j])) {
                    continue;
                }
                anyValue = true;
                if (parse(r[j].trim()) == null) {
                    belowNumeric = false;
                    break;
                }
            }
            boolean firstText = !o.isNa(first[j]) && parse(first[j].trim()) == null;
            if (anyValue && belowNumeric && firstText) {
                return true;
            }
        }
        return false;
    }

    /** The number in a cell, or null if it is not one. */
    static Double parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            if (s.equalsIgnoreCase("-inf") || s.equalsIgnoreCase("-infinity")) {
                return Double.NEGATIVE_INFINITY;
            }
            return null;
        }
    }

    private static void dedupe(String[] names) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.length; j++) {
            String base = names[j];
            String name = base;
            for (int k = 1; !seen.add(name); k++) {
                name = base + "." + k;
            }
            names[j] = name;
        }
    }
}
