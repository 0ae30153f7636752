package ganglion.utils;

import ganglion.Ganglion;
import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * K-fold cross-validation, as scikit-learn's {@code KFold(n_splits=5, shuffle=False, random_state=None)}:
 * the rows (shuffled first if asked) are cut into {@code nSplits} consecutive folds; the first
 * {@code n % nSplits} folds get {@code n / nSplits + 1} rows, the others {@code n / nSplits}. Each fold is the
 * test set once, the other rows its training set.
 *
 * <pre>{@code
 * for (Fold f : new KFold(5).shuffle(true).seed(42).split(x)) { ... f.train(x), f.test(y) ... }
 * }</pre>
 *
 * With a shuffle the permutation comes from {@code java.util.Random(seed)} (or Ganglion's seeded source when
 * no seed is given), so the folds differ from numpy's for the same seed; the sizes are scikit-learn's.
 */
public class KFold implements CrossValidator {

    private final int nSplits;
    private boolean shuffle;
    private Long seed;

    /** @param nSplits the number of folds, at least 2 (scikit-learn's default is 5) */
    public KFold(int nSplits) {
        if (nSplits < 2) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by "
                    + "setting nSplits=2 or more, got nSplits=" + nSplits + ".");
        }
        this.nSplits = nSplits;
    }

    /** Five folds, as scikit-learn's default. */
    public KFold() {
        this(5);
    }

    /** @param shuffle shuffle the rows before cutting the folds; default false */
    public KFold shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** @param seed seed of the shuffle (scikit-learn's random_state); default Ganglion's random source */
    public KFold seed(long seed) {
        this.seed = seed;
        return this;
    }

    @Override
    public int nSplits() {
        return nSplits;
    }

    /** The folds of n rows. */
    public List<Fold> split(int n) {
        if (nSplits > n) {
            throw new IllegalArgumentException("Cannot have number of splits nSplits=" + nSplits
                    + " greater than the number of samples: n_samples=" + n + ".");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            shuffleInPlace(order, random(seed));
        }
        List<Fold> folds = new ArrayList<>(nSplits);
        int start = 0;
        for (int k = 0; k < nSplits; k++) {
            int size = n / nSplits + (k < n % nSplits ? 1 : 0);
            boolean[] isTest = new boolean[n];
            for (int i = start; i < start + size; i++) {
                isTest[order[i]] = true;
            }
            folds.add(makeFold(k, isTest));
            start += size;
        }
        return folds;
    }

    /** The folds of the rows of x. */
    public List<Fold> split(Tensor x) {
        return split(x.shape(0));
    }

    @Override
    public List<Fold> split(Tensor x, Tensor y) {
        return split(x.shape(0));
    }

    static Random random(Long seed) {
        return seed != null ? new Random(seed) : new Random(Ganglion.random().nextLong());
    }

    static void shuffleInPlace(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A fold from a test mask: both index lists ascending, as scikit-learn returns them. */
    static Fold makeFold(int k, boolean[] isTest) {
        int tests = 0;
        for (boolean b : isTest) {
            tests += b ? 1 : 0;
        }
        int[] test = new int[tests];
        int[] train = new int[isTest.length - tests];
        int a = 0;
        int b = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) {
                test[a++] = i;
            } else {
                train[b++] = i;
            }
        }
        return new Fold(k, train, test);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(nSplits=" + nSplits + ", shuffle=" + shuffle + ", seed=" + seed + ")";
    }

    /** Equality of fold index arrays, for tests and callers comparing splits. */
    static boolean sameRows(Fold a, Fold b) {
        return Arrays.equals(a.trainRows(), b.trainRows()) && Arrays.equals(a.testRows(), b.testRows());
    }
}
