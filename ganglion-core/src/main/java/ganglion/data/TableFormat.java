package ganglion.data;

import java.util.ArrayList;
import java.util.List;

/** Prints a {@link Table} roughly as pandas does: a row index, right-aligned cells, long tables elided. */
final class TableFormat {

    private TableFormat() {
    }

    static String format(Table t, int maxRows) {
        int n = t.rowCount();
        List<Integer> shown = new ArrayList<>();
        boolean elide = n > maxRows;
        for (int i = 0; i < n; i++) {
            if (!elide || i < maxRows / 2 || i >= n - maxRows / 2) {
                shown.add(i);
            }
        }
        List<Column> cols = t.columns();
        String[][] cells = new String[shown.size() + 1][cols.size() + 1];
        cells[0][0] = "";
        for (int j = 0; j < cols.size(); j++) {
            cells[0][j + 1] = cols.get(j).name();
        }
        for (int r = 0; r < shown.size(); r++) {
            int i = shown.get(r);
            cells[r + 1][0] = Integer.toString(i);
            for (int j = 0; j < cols.size(); j++) {
                cells[r + 1][j + 1] = cell(cols.get(j), i);
            }
        }
        int[] width = new int[cols.size() + 1];
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.length; r++) {
            if (elide && r == maxRows / 2 + 1) {
                for (int j = 0; j < width.length; j++) {
                    sb.append(j == 0 ? "" : "  ").append(pad("...", width[j]));
                }
                sb.append('\n');
            }
            for (int j = 0; j < cells[r].length; j++) {
                sb.append(j == 0 ? "" : "  ");
                sb.append(j == 0 ? padRight(cells[r][j], width[j]) : pad(cells[r][j], width[j]));
            }
            sb.append('\n');
        }
        sb.append('\n').append('[').append(n).append(" rows x ").append(cols.size()).append(" columns]");
        return sb.toString();
    }

    private static String cell(Column c, int i) {
        if (!c.isNumeric()) {
            return c.cell(i);
        }
        double v = c.number(i);
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        String s = String.format("%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private static String padRight(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
