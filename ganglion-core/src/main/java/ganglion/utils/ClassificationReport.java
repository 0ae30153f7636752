package ganglion.utils;

import ganglion.Tensor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Precision, recall, F1 and support per class, as scikit-learn's
 * {@code classification_report(y_true, y_pred, target_names=..., digits=2)}. {@link #toString()} gives
 * scikit-learn's text layout, with the "accuracy", "macro avg" and "weighted avg" lines:
 * <pre>
 *               precision    recall  f1-score   support
 *
 *            0       0.50      1.00      0.67         1
 *            1       0.00      0.00      0.00         1
 *            2       1.00      0.67      0.80         3
 *
 *     accuracy                           0.60         5
 *    macro avg       0.50      0.56      0.49         5
 * weighted avg       0.70      0.60      0.61         5
 * </pre>
 * A ratio whose denominator is zero counts as 0.0, as scikit-learn's default {@code zero_division="warn"}.
 */
public final class ClassificationReport {

    private final int[] labels;
    private final String[] names;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;
    private final int[] support;
    private final double accuracy;
    private final int[][] matrix;

    private ClassificationReport(int[] labels, String[] names, int[][] cm) {
        int k = labels.length;
        this.labels = labels;
        this.names = names;
        this.matrix = cm;
        precision = new double[k];
        recall = new double[k];
        f1 = new double[k];
        support = new int[k];
        long correct = 0;
        long total = 0;
        for (int i = 0; i < k; i++) {
            int tp = cm[i][i];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += cm[j][i];
                actual += cm[i][j];
            }
            precision[i] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[i] = actual == 0 ? 0 : (double) tp / actual;
            f1[i] = tp == 0 ? 0 : 2.0 * tp / (predicted + actual);
            support[i] = actual;
            correct += tp;
            total += actual;
        }
        accuracy = total == 0 ? 0 : (double) correct / total;
    }

    /** The report for labels given as class indices, probabilities or one-hot rows (see {@link Labels}). */
    public static ClassificationReport of(Tensor yTrue, Tensor yPred, String... targetNames) {
        return of(Labels.toIndices(yTrue), Labels.toIndices(yPred), targetNames);
    }

    /** The report over the sorted distinct labels; {@code targetNames} (optional) names them in that order. */
    public static ClassificationReport of(int[] yTrue, int[] yPred, String... targetNames) {
        int[] labels = Labels.uniqueSorted(yTrue, yPred);
        String[] names = new String[labels.length];
        if (targetNames != null && targetNames.length > 0) {
            if (targetNames.length != labels.length) {
                throw new IllegalArgumentException("Number of classes, " + labels.length + ", does not match size of "
                        + "targetNames, " + targetNames.length + ". Try specifying the labels parameter");
            }
            System.arraycopy(targetNames, 0, names, 0, names.length);
        } else {
            for (int i = 0; i < labels.length; i++) {
                names[i] = Integer.toString(labels[i]);
            }
        }
        return new ClassificationReport(labels, names, ConfusionMatrix.confusionMatrix(yTrue, yPred, labels));
    }

    /** scikit-learn's text with two decimals: {@code classification_report(y_true, y_pred)}. */
    public static String classificationReport(Tensor yTrue, Tensor yPred, String... targetNames) {
        return of(yTrue, yPred, targetNames).toString();
    }

    public int[] labels() {
        return labels.clone();
    }

    public List<String> targetNames() {
        return List.of(names);
    }

    public double precision(int classIndex) {
        return precision[classIndex];
    }

    public double recall(int classIndex) {
        return recall[classIndex];
    }

    public double f1(int classIndex) {
        return f1[classIndex];
    }

    public int support(int classIndex) {
        return support[classIndex];
    }

    /** The share of correct predictions. */
    public double accuracy() {
        return accuracy;
    }

    /** The confusion matrix the report was computed from. */
    public int[][] confusionMatrix() {
        int[][] c = new int[matrix.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = matrix[i].clone();
        }
        return c;
    }

    /** Unweighted mean over classes of precision (0), recall (1) or F1 (2). */
    public double macroAvg(int which) {
        double[] v = which == 0 ? precision : which == 1 ? recall : f1;
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /** Support-weighted mean over classes of precision (0), recall (1) or F1 (2). */
    public double weightedAvg(int which) {
        double[] v = which == 0 ? precision : which == 1 ? recall : f1;
        double s = 0;
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * support[i];
            n += support[i];
        }
        return n == 0 ? 0 : s / n;
    }

    @Override
    public String toString() {
        return format(2);
    }

    /** scikit-learn's layout with {@code digits} decimals. */
    public String format(int digits) {
        int width = "weighted avg".length();
        for (String n : names) {
            width = Math.max(width, n.length());
        }
        width = Math.max(width, digits);
        int total = 0;
        for (int s : support) {
            total += s;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(right("", width)).append(' ');
        for (String h : new String[]{"precision", "recall", "f1-score", "support"}) {
            sb.append(' ').append(right(h, 9));
        }
        sb.append("\n\n");
        for (int i = 0; i < names.length; i++) {
            row(sb, names[i], width, digits, precision[i], recall[i], f1[i], support[i]);
        }
        sb.append('\n');
        sb.append(right("accuracy", width)).append(' ').append(' ').append(right("", 9)).append(' ')
                .append(right("", 9)).append(' ').append(right(fixed(accuracy, digits), 9)).append(' ')
                .append(right(Integer.toString(total), 9)).append('\n');
        row(sb, "macro avg", width, digits, macroAvg(0), macroAvg(1), macroAvg(2), total);
        row(sb, "weighted avg", width, digits, weightedAvg(0), weightedAvg(1), weightedAvg(2), total);
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, int width, int digits, double p, double r, double f,
                            int support) {
        sb.append(right(name, width)).append(' ');
        for (double v : new double[]{p, r, f}) {
            sb.append(' ').append(right(fixed(v, digits), 9));
        }
        sb.append(' ').append(right(Integer.toString(support), 9)).append('\n');
    }

    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** Python's {@code f"{v:.{digits}f}"} (exact value, half-even). */
    static String fixed(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
