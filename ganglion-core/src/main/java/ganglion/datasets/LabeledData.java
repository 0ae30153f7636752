package ganglion.datasets;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * A table of examples and their targets, such as a CSV file read with {@code numpy.loadtxt} in the
 * tutorials and cut into inputs {@code X} and targets {@code y}.
 *
 * @param x inputs, shape [n, features]
 * @param y targets, shape [n] (class indices or values)
 */
public record LabeledData(Tensor x, Tensor y) {

    /** Checks that {@code x} and {@code y} hold the same number of examples. */
    public LabeledData {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.rank() == 0 || y.rank() == 0 || x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("LabeledData: x has shape " + Arrays.toString(x.shape())
                    + " and y " + Arrays.toString(y.shape()) + "; both need the same number of rows");
        }
    }

    /** Number of examples. */
    public int size() {
        return x.shape(0);
    }

    /**
     * Shuffles the rows with {@code seed} and keeps {@code ceil(testSize * n)} of them for testing, as
     * scikit-learn's {@code train_test_split(X, y, test_size=testSize, random_state=seed)}.
     */
    public TrainTestData trainTestSplit(double testSize, long seed) {
        int n = size();
        int nTest = testCount(testSize, n);
        int[] order = permutation(n, new Random(seed));
        return split(Arrays.copyOfRange(order, nTest, n), Arrays.copyOfRange(order, 0, nTest));
    }

    /**
     * Like {@link #trainTestSplit}, but keeps each class's share the same in both parts (scikit-learn's
     * {@code stratify=y}); {@code y} must hold class indices.
     */
    public TrainTestData stratifiedSplit(double testSize, long seed) {
        int n = size();
        testCount(testSize, n);
        float[] labels = y.toFloatArray();
        TreeMap<Float, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        Random rnd = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> rows : byClass.values()) {
            int[] p = permutation(rows.size(), rnd);
            int k = (int) Math.round(testSize * rows.size());
            for (int j = 0; j < p.length; j++) {
                (j < k ? test : train).add(rows.get(p[j]));
            }
        }
        int[] trainIdx = shuffled(train, rnd);
        int[] testIdx = shuffled(test, rnd);
        return split(trainIdx, testIdx);
    }

    private TrainTestData split(int[] train, int[] test) {
        return new TrainTestData(x.take(train), y.take(train), x.take(test), y.take(test));
    }

    private static int testCount(double testSize, int n) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("testSize must be in (0, 1). Received: testSize=" + testSize);
        }
        int nTest = (int) Math.ceil(testSize * n);
        if (nTest < 1 || nTest >= n) {
            throw new IllegalArgumentException("testSize=" + testSize + " leaves no training or no test rows"
                    + " out of " + n);
        }
        return nTest;
    }

    private static int[] shuffled(List<Integer> rows, Random rnd) {
        int[] p = permutation(rows.size(), rnd);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = rows.get(p[i]);
        }
        return out;
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
