package ganglion.utils;

import ganglion.Tensor;

/**
 * The confusion matrix of a classifier, as scikit-learn's {@code confusion_matrix(y_true, y_pred)}: entry
 * [i][j] counts the samples of true class {@code labels[i]} predicted as class {@code labels[j]}; the labels
 * are the sorted distinct values found in either array unless given.
 */
public final class ConfusionMatrix {

    private ConfusionMatrix() {
    }

    /** Counts for labels given as class indices, probabilities or one-hot rows (see {@link Labels}). */
    public static int[][] confusionMatrix(Tensor yTrue, Tensor yPred) {
        return confusionMatrix(Labels.toIndices(yTrue), Labels.toIndices(yPred));
    }

    /** Counts over the sorted distinct labels of both arrays. */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred) {
        return confusionMatrix(yTrue, yPred, Labels.uniqueSorted(yTrue, yPred));
    }

    /** Counts over the given labels, in that order (samples with other labels are not counted). */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int[] labels) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("confusionMatrix: found input variables with inconsistent numbers of "
                    + "samples: [" + yTrue.length + ", " + yPred.length + "]");
        }
        int[][] m = new int[labels.length][labels.length];
        for (int i = 0; i < yTrue.length; i++) {
            int t = indexOf(labels, yTrue[i]);
            int p = indexOf(labels, yPred[i]);
            if (t >= 0 && p >= 0) {
                m[t][p]++;
            }
        }
        return m;
    }

    private static int indexOf(int[] labels, int v) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
