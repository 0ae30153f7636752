package ganglion.utils;

import ganglion.Tensor;

/**
 * One split of a cross-validator: the row indices to train on and the row indices to test on, as each pair
 * that scikit-learn's {@code KFold.split} yields. {@link #train(Tensor)} and {@link #test(Tensor)} pick
 * those rows of a tensor (numpy's {@code X[train]}).
 *
 * @param index     the 0-based fold number
 * @param trainRows rows to train on, ascending
 * @param testRows  rows to test on, ascending
 */
public record Fold(int index, int[] trainRows, int[] testRows) {

    /** The training rows of x, in order. */
    public Tensor train(Tensor x) {
        return x.take(trainRows);
    }

    /** The test rows of x, in order. */
    public Tensor test(Tensor x) {
        return x.take(testRows);
    }

    @Override
    public String toString() {
        return "Fold " + index + ": " + trainRows.length + " train rows, " + testRows.length + " test rows";
    }
}
