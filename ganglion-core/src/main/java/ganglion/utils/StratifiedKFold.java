package ganglion.utils;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation keeping each class's share in every fold, as scikit-learn's
 * {@code StratifiedKFold(n_splits=5, shuffle=False, random_state=None)}, with scikit-learn's allocation:
 * the labels sorted by class (classes numbered in order of first appearance) are dealt round-robin to the
 * folds, which fixes how many rows of each class every fold tests; within a class, rows go to folds in
 * order (or shuffled). Without a shuffle the folds equal scikit-learn's exactly.
 * Labels may be class indices or one-hot rows (see {@link Labels}).
 */
public class StratifiedKFold implements CrossValidator {

    private final int nSplits;
    private boolean shuffle;
    private Long seed;

    /** @param nSplits the number of folds, at least 2 */
    public StratifiedKFold(int nSplits) {
        if (nSplits < 2) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by "
                    + "setting nSplits=2 or more, got nSplits=" + nSplits + ".");
        }
        this.nSplits = nSplits;
    }

    /** Five folds, as scikit-learn's default. */
    public StratifiedKFold() {
        this(5);
    }

    /** @param shuffle shuffle each class's rows before assigning them to folds; default false */
    public StratifiedKFold shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** @param seed the shuffle's seed; default Ganglion's random source */
    public StratifiedKFold seed(long seed) {
        this.seed = seed;
        return this;
    }

    @Override
    public int nSplits() {
        return nSplits;
    }

    @Override
    public List<Fold> split(Tensor x, Tensor y) {
        if (x != null && x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("StratifiedKFold: x has " + x.shape(0) + " rows but y has " + y.shape(0));
        }
        return split(Labels.toIndices(y));
    }

    /** The folds for these class labels. */
    public List<Fold> split(int[] y) {
        int n = y.length;
        Map<Integer, Integer> code = new LinkedHashMap<>();
        int[] enc = new int[n];
        for (int i = 0; i < n; i++) {
            enc[i] = code.computeIfAbsent(y[i], k -> code.size());
        }
        int classes = code.size();
        int[] counts = new int[classes];
        for (int e : enc) {
            counts[e]++;
        }
        int minGroup = Integer.MAX_VALUE;
        int maxGroup = 0;
        for (int c : counts) {
            minGroup = Math.min(minGroup, c);
            maxGroup = Math.max(maxGroup, c);
        }
        if (nSplits > maxGroup) {
            throw new IllegalArgumentException("nSplits=" + nSplits + " cannot be greater than the number of members "
                    + "in each class.");
        }
        if (nSplits > minGroup) {
            System.err.println("WARNING: The least populated class in y has only " + minGroup + " members, which is "
                    + "less than nSplits=" + nSplits + ".");
        }
        // allocation[f][c]: rows of class c that fold f tests (classes dealt round-robin in sorted order)
        int[][] allocation = new int[nSplits][classes];
        int pos = 0;
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < counts[c]; j++, pos++) {
                allocation[pos % nSplits][c]++;
            }
        }
        int[] testFold = new int[n];
        Random r = shuffle ? KFold.random(seed) : null;
        for (int c = 0; c < classes; c++) {
            int[] folds = new int[counts[c]];
            int p = 0;
            for (int f = 0; f < nSplits; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    folds[p++] = f;
                }
            }
            if (r != null) {
                KFold.shuffleInPlace(folds, r);
            }
            p = 0;
            for (int i = 0; i < n; i++) {
                if (enc[i] == c) {
                    testFold[i] = folds[p++];
                }
            }
        }
        List<Fold> out = new ArrayList<>(nSplits);
        for (int f = 0; f < nSplits; f++) {
            boolean[] isTest = new boolean[n];
            for (int i = 0; i < n; i++) {
                isTest[i] = testFold[i] == f;
            }
            out.add(KFold.makeFold(f, isTest));
        }
        return out;
    }

    @Override
    public String toString() {
        return "StratifiedKFold(nSplits=" + nSplits + ", shuffle=" + shuffle + ", seed=" + seed + ")";
    }
}
