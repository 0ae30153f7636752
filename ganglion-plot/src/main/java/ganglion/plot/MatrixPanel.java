package ganglion.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/** A confusion matrix drawn as scikit-learn's ConfusionMatrixDisplay (Blues colormap, counts in the cells). */
final class MatrixPanel {

    private static final Color LOW = new Color(247, 251, 255);
    private static final Color HIGH = new Color(8, 48, 107);

    private MatrixPanel() {
    }

    static Figure figure(int[][] m, String[] names) {
        int k = m.length;
        if (k == 0) {
            throw new IllegalArgumentException("Plots.confusionMatrix: the matrix is empty");
        }
        for (int[] row : m) {
            if (row.length != k) {
                throw new IllegalArgumentException("Plots.confusionMatrix: the matrix must be square; got a row of "
                        + row.length + " in a " + k + "-row matrix");
            }
        }
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) {
            labels[i] = names != null && i < names.length ? names[i] : Integer.toString(i);
        }
        if (names != null && names.length > 0 && names.length != k) {
            throw new IllegalArgumentException("Plots.confusionMatrix: " + names.length + " class names for a " + k
                    + "x" + k + " matrix");
        }
        int cell = Math.max(28, Math.min(110, 480 / k));
        int longest = 0;
        for (String l : labels) {
            longest = Math.max(longest, l.length());
        }
        int margin = 60 + 7 * Math.min(longest, 20);
        int size = margin + cell * k + 30;
        return new Figure(List.of((g, width, height) -> paint(g, m, labels, cell, margin)), 1, size, size);
    }

    private static void paint(Graphics2D g, int[][] m, String[] labels, int cell, int margin) {
        int k = m.length;
        int max = 1;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        int top = 40;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.setColor(Color.BLACK);
        g.drawString("Confusion Matrix", margin, 22);
        Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(16, cell / 3)));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double t = (double) m[i][j] / max;
                Color c = mix(t);
                g.setColor(c);
                g.fillRect(margin + j * cell, top + i * cell, cell, cell);
                g.setColor(t > 0.5 ? Color.WHITE : Color.BLACK);
                g.setFont(cellFont);
                String s = Integer.toString(m[i][j]);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(s, margin + j * cell + (cell - fm.stringWidth(s)) / 2,
                        top + i * cell + (cell + fm.getAscent() - fm.getDescent()) / 2);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(margin, top, cell * k, cell * k);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            String l = labels[i].length() > 20 ? labels[i].substring(0, 19) + "…" : labels[i];
            g.drawString(l, margin - fm.stringWidth(l) - 6, top + i * cell + (cell + fm.getAscent()) / 2 - 2);
            AffineTransform saved = g.getTransform();
            g.translate(margin + j(i, cell) + (cell + fm.getAscent()) / 2 - 2, top + k * cell + 6);
            g.rotate(Math.PI / 2);
            g.drawString(l, 0, 0);
            g.setTransform(saved);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Predicted label", margin + (k * cell) / 2 - 45, top + k * cell + 24 + 7 * maxLen(labels));
        AffineTransform saved = g.getTransform();
        g.translate(16, top + (k * cell) / 2 + 30);
        g.rotate(-Math.PI / 2);
        g.drawString("True label", 0, 0);
        g.setTransform(saved);
    }

    private static int j(int i, int cell) {
        return i * cell;
    }

    private static int maxLen(String[] labels) {
        int n = 0;
        for (String l : labels) {
            n = Math.max(n, Math.min(20, l.length()));
        }
        return n;
    }

    private static Color mix(double t) {
        return new Color((int) Math.round(LOW.getRed() + (HIGH.getRed() - LOW.getRed()) * t),
                (int) Math.round(LOW.getGreen() + (HIGH.getGreen() - LOW.getGreen()) * t),
                (int) Math.round(LOW.getBlue() + (HIGH.getBlue() - LOW.getBlue()) * t));
    }
}
