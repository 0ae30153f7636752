package ganglion.utils;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random train/test partition of a data set, as scikit-learn's
 * {@code X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=seed)}:
 * {@code ceil(testSize * n)} rows go to the test set, the rest to training, after shuffling. With
 * {@code stratify}, each class keeps its share in both parts (scikit-learn's StratifiedShuffleSplit
 * allocation: per-class counts rounded down, remaining rows given to the classes with the largest
 * remainders). The permutation comes from {@code java.util.Random(seed)}, so the rows chosen differ from
 * numpy's for the same seed; the sizes are scikit-learn's.
 *
 * <pre>{@code
 * var s = TrainTestSplit.trainTestSplit(x, y, 0.2, 42);
 * model.fit(s.xTrain(), s.yTrain(), 100, 10);  model.evaluate(s.xTest(), s.yTest());
 * }</pre>
 */
public record TrainTestSplit(Tensor xTrain, Tensor xTest, Tensor yTrain, Tensor yTest, int[] trainRows,
                             int[] testRows) {

    /** Shuffled split with {@code testSize} of the rows (a fraction in (0, 1)) in the test set. */
    public static TrainTestSplit trainTestSplit(Tensor x, Tensor y, double testSize, long seed) {
        return split(x, y, testSize, new Random(seed), true, null);
    }

    /** Shuffled split keeping the class shares of {@code stratify} (class indices or one-hot rows). */
    public static TrainTestSplit trainTestSplit(Tensor x, Tensor y, double testSize, long seed, Tensor stratify) {
        return split(x, y, testSize, new Random(seed), true, stratify);
    }

    /** Split with or without shuffling (without: the last rows are the test set, as shuffle=False). */
    public static TrainTestSplit trainTestSplit(Tensor x, Tensor y, double testSize, long seed, boolean shuffle) {
        return split(x, y, testSize, new Random(seed), shuffle, null);
    }

    private static TrainTestSplit split(Tensor x, Tensor y, double testSize, Random r, boolean shuffle,
                                        Tensor stratify) {
        int n = x.shape(0);
        if (y != null && y.shape(0) != n) {
            throw new IllegalArgumentException("trainTestSplit: found input variables with inconsistent numbers of "
                    + "samples: [" + n + ", " + y.shape(0) + "]");
        }
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("testSize=" + testSize + " should be a float in the (0, 1) range");
        }
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = n - nTest;
        if (nTrain == 0 || nTest == 0) {
            throw new IllegalArgumentException("With n_samples=" + n + ", testSize=" + testSize + " the resulting train "
                    + "set will be empty. Adjust any of the aforementioned parameters.");
        }
        int[] train;
        int[] test;
        if (stratify != null) {
            if (!shuffle) {
                throw new IllegalArgumentException("Stratified train/test split is not implemented for shuffle=False");
            }
            int[][] parts = stratified(Labels.toIndices(stratify), nTrain, nTest, r);
            train = parts[0];
            test = parts[1];
        } else {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (shuffle) {
                KFold.shuffleInPlace(order, r);
                test = Arrays.copyOfRange(order, 0, nTest);
                train = Arrays.copyOfRange(order, nTest, n);
            } else {
                train = Arrays.copyOfRange(order, 0, nTrain);
                test = Arrays.copyOfRange(order, nTrain, n);
            }
        }
        return new TrainTestSplit(x.take(train), x.take(test), y == null ? null : y.take(train),
                y == null ? null : y.take(test), train, test);
    }

    private static int[][] stratified(int[] y, int nTrain, int nTest, Random r) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            byClass.computeIfAbsent(y[i], k -> new ArrayList<>()).add(i);
        }
        int classes = byClass.size();
        if (nTrain < classes || nTest < classes) {
            throw new IllegalArgumentException("The train_size = " + nTrain + " and test_size = " + nTest + " should be "
                    + "greater or equal to the number of classes = " + classes);
        }
        int[] counts = new int[classes];
        List<int[]> rows = new ArrayList<>();
        int c = 0;
        for (List<Integer> l : byClass.values()) {
            counts[c++] = l.size();
            rows.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        int[] trainPer = approximateMode(counts, nTrain, r);
        int[] left = new int[classes];
        for (int k = 0; k < classes; k++) {
            left[k] = counts[k] - trainPer[k];
        }
        int[] testPer = approximateMode(left, nTest, r);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int k = 0; k < classes; k++) {
            int[] perm = rows.get(k).clone();
            KFold.shuffleInPlace(perm, r);
            for (int j = 0; j < trainPer[k]; j++) {
                train[a++] = perm[j];
            }
            for (int j = 0; j < testPer[k]; j++) {
                test[b++] = perm[trainPer[k] + j];
            }
        }
        KFold.shuffleInPlace(train, r);
        KFold.shuffleInPlace(test, r);
        return new int[][]{train, test};
    }

    /** scikit-learn's _approximate_mode: draws per class, floors first, then the largest remainders. */
    static int[] approximateMode(int[] counts, int draws, Random r) {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] floored = new int[counts.length];
        double[] remainder = new double[counts.length];
        int need = draws;
        for (int k = 0; k < counts.length; k++) {
            double cont = (double) counts[k] * draws / total;
            floored[k] = (int) Math.floor(cont);
            remainder[k] = cont - floored[k];
            need -= floored[k];
        }
        Map<Double, List<Integer>> byRemainder = new TreeMap<>((p, q) -> Double.compare(q, p));
        for (int k = 0; k < counts.length; k++) {
            byRemainder.computeIfAbsent(remainder[k], v -> new ArrayList<>()).add(k);
        }
        for (List<Integer> ks : byRemainder.values()) {
            if (need <= 0) {
                break;
            }
            List<Integer> pick = new ArrayList<>(ks);
            java.util.Collections.shuffle(pick, r);
            int add = Math.min(pick.size(), need);
            for (int j = 0; j < add; j++) {
                floored[pick.get(j)]++;
            }
            need -= add;
        }
        return floored;
    }

    /** Class counts of a label tensor, by class index (for checking stratification). */
    public static Map<Integer, Integer> classCounts(Tensor labels) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int v : Labels.toIndices(labels)) {
            m.merge(v, 1, Integer::sum);
        }
        return m;
    }

    @Override
    public String toString() {
        return "TrainTestSplit(" + trainRows.length + " train rows, " + testRows.length + " test rows)";
    }
}
