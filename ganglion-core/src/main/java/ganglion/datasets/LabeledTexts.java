package ganglion.datasets;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Raw texts with integer labels, as the tutorials read them from a CSV or TSV file before tokenising
 * ({@code texts = df["text"]; labels = df["label"]}).
 *
 * @param texts  the texts, in file order
 * @param labels one class index per text
 */
public record LabeledTexts(List<String> texts, int[] labels) {

    /** Checks that there is one label per text. */
    public LabeledTexts {
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException("LabeledTexts: " + texts.size() + " texts but " + labels.length
                    + " labels; there must be one label per text");
        }
        texts = Collections.unmodifiableList(new ArrayList<>(texts));
        labels = labels.clone();
    }

    /** Number of texts. */
    public int size() {
        return texts.size();
    }

    /** The labels as a float tensor of class indices, shape [n]. */
    public Tensor labelsTensor() {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = labels[i];
        }
        return Tensor.wrap(f, f.length);
    }

    /** How many texts carry each label 0..max. */
    public int[] classCounts() {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        int[] c = new int[max + 1];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /**
     * Shuffles with {@code seed} and keeps {@code ceil(testSize * n)} texts for testing, as scikit-learn's
     * {@code train_test_split(texts, labels, test_size=testSize, random_state=seed)} (same sizes; the
     * permutation is Java's, not numpy's).
     */
    public Split trainTestSplit(double testSize, long seed) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new IllegalArgumentException("test_size must be in (0, 1). Received: test_size=" + testSize);
        }
        int n = size();
        int nTest = (int) Math.ceil(testSize * n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return new Split(pick(order, nTest, n), pick(order, 0, nTest));
    }

    private LabeledTexts pick(int[] order, int from, int to) {
        List<String> t = new ArrayList<>(to - from);
        int[] l = new int[to - from];
        for (int i = from; i < to; i++) {
            t.add(texts.get(order[i]));
            l[i - from] = labels[order[i]];
        }
        return new LabeledTexts(t, l);
    }

    /** The concatenation of several sets, in order. */
    public static LabeledTexts concat(List<LabeledTexts> parts) {
        List<String> t = new ArrayList<>();
        int n = 0;
        for (LabeledTexts p : parts) {
            n += p.size();
        }
        int[] l = new int[n];
        int k = 0;
        for (LabeledTexts p : parts) {
            t.addAll(p.texts());
            System.arraycopy(p.labels, 0, l, k, p.size());
            k += p.size();
        }
        return new LabeledTexts(t, l);
    }

    /**
     * A training part and a test part.
     *
     * @param train texts to fit on
     * @param test  held-out texts
     */
    public record Split(LabeledTexts train, LabeledTexts test) {
    }

    @Override
    public String toString() {
        return "LabeledTexts[" + size() + " texts]";
    }
}
