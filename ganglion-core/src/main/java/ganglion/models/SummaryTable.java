package ganglion.models;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the table of {@code model.summary()} the way Keras 3 does through rich: a HEAVY_HEAD box, a rule
 * between rows, columns at relative positions of the line length, cell text wrapped at spaces (words too
 * long for a cell end in "…"). Column widths follow rich's arithmetic for a {@code Table(width=lineLength)}
 * whose columns have fixed widths: each column gets its width plus 2 for padding, then the excess over
 * the room inside the borders is taken back evenly, column by column, with Python's rounding.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    /** Keras's column widths for positions such as {0.45, 0.80, 1.0}: int(p * lineLength) - previous. */
    static int[] columnWidths(double[] positions, int lineLength) {
        int[] widths = new int[positions.length];
        int current = 0;
        for (int i = 0; i < positions.length; i++) {
            int w = (int) (positions[i] * lineLength) - current;
            if (w < 4) {
                throw new IllegalArgumentException("Insufficient console width to print summary: lineLength=" + lineLength);
            }
            widths[i] = w;
            current += w;
        }
        return widths;
    }

    /** The rendered widths of the cells (padding included), as rich computes them. */
    static int[] renderedWidths(int[] columnWidths, int lineLength) {
        int n = columnWidths.length;
        int maxWidth = lineLength - (2 + (n - 1)); // outer edges and separators
        int[] widths = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = columnWidths[i] + 2;
            total += widths[i];
        }
        if (total > maxWidth) {
            // rich's ratio_reduce with equal ratios, maxima = the widths themselves
            int remaining = total - maxWidth;
            int ratioLeft = n;
            for (int i = 0; i < n; i++) {
                long distributed = Math.min(widths[i], pythonRound((double) remaining / ratioLeft));
                widths[i] -= (int) distributed;
                remaining -= (int) distributed;
                ratioLeft--;
            }
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], 0);
            }
        }
        return widths;
    }

    /** Python's round(): to the nearest integer, ties to even. */
    static long pythonRound(double v) {
        return (long) Math.rint(v);
    }

    /**
     * The table as lines joined with "\n" (each line ends with "\n"). {@code rightAligned[i]} right-aligns
     * column i; rows are cell texts.
     */
    static String render(String[] header, boolean[] rightAligned, List<String[]> rows, int[] widths) {
        StringBuilder sb = new StringBuilder();
        rule(sb, widths, '┏', '━', '┳', '┓');
        row(sb, header, rightAligned, widths, '┃');
        rule(sb, widths, '┡', '━', '╇', '┩');
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                rule(sb, widths, '├', '─', '┼', '┤');
            }
            row(sb, rows.get(r), rightAligned, widths, '│');
        }
        rule(sb, widths, '└', '─', '┴', '┘');
        return sb.toString();
    }

    private static void rule(StringBuilder sb, int[] widths, char left, char fill, char mid, char right) {
        sb.append(left);
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                sb.append(mid);
            }
            sb.append(String.valueOf(fill).repeat(widths[i]));
        }
        sb.append(right).append('\n');
    }

    private static void row(StringBuilder sb, String[] cells, boolean[] right, int[] widths, char edge) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < widths.length; i++) {
            List<String> lines = wrap(i < cells.length ? cells[i] : "", Math.max(1, widths[i] - 2));
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            sb.append(edge);
            for (int i = 0; i < widths.length; i++) {
                if (i > 0) {
                    sb.append(edge);
                }
                int content = Math.max(1, widths[i] - 2);
                List<String> lines = wrapped.get(i);
                String text = line < lines.size() ? lines.get(line) : "";
                sb.append(' ').append(justify(text, content, right[i])).append(' ');
            }
            sb.append(edge).append('\n');
        }
    }

    private static String justify(String text, int width, boolean right) {
        if (right) {
            String t = text.stripTrailing();
            return " ".repeat(Math.max(0, width - t.length())) + t;
        }
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /**
     * rich's word wrap: words keep their trailing spaces; a line breaks before a word whose visible part no
     * longer fits; a word longer than the width stays alone on its line and is cut with "…".
     */
    static List<String> wrap(String text, int width) {
        List<Integer> breaks = new ArrayList<>();
        int position = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int visibleEnd = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int wordLength = visibleEnd - start;
            int fullLength = i - start;
            if (position + wordLength > width) {
                if (wordLength > width) {
                    if (start > 0) {
                        breaks.add(start);
                    }
                    position = fullLength;
                } else if (position > 0 && start > 0) {
                    breaks.add(start);
                    position = fullLength;
                } else {
                    position += fullLength;
                }
            } else {
                position += fullLength;
            }
        }
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int b : breaks) {
            lines.add(text.substring(from, b));
            from = b;
        }
        lines.add(text.substring(from));
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String l = line;
            if (l.length() > width) {
                String trimmed = l.stripTrailing();
                l = trimmed.length() > width ? trimmed.substring(0, width - 1) + "…" : trimmed;
            }
            out.add(l);
        }
        return out;
    }

    /** Keras's readable_memory_size: "397.54 KB". */
    static String readableSize(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        for (String unit : units) {
            if (v / 1024 < 1) {
                return twoDecimals(v) + " " + unit;
            }
            v /= 1024;
        }
        return twoDecimals(v) + " PB";
    }

    private static String twoDecimals(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
