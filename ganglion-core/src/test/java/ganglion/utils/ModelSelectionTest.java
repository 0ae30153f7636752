package ganglion.utils;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.optimizers.SGD;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSelectionTest {

    @Test
    void kFoldSizesAndIndicesAsScikitLearn() {
        List<Fold> f = new KFold(2).split(4);
        assertArrayEquals(new int[]{2, 3}, f.get(0).trainRows());
        assertArrayEquals(new int[]{0, 1}, f.get(0).testRows());
        assertArrayEquals(new int[]{0, 1}, f.get(1).trainRows());
        // 10 rows in 3 folds: 4, 3, 3
        List<Fold> g = new KFold(3).split(10);
        assertArrayEquals(new int[]{0, 1, 2, 3}, g.get(0).testRows());
        assertArrayEquals(new int[]{4, 5, 6}, g.get(1).testRows());
        assertArrayEquals(new int[]{7, 8, 9}, g.get(2).testRows());
        assertThrows(IllegalArgumentException.class, () -> new KFold(1));
        assertThrows(IllegalArgumentException.class, () -> new KFold(5).split(4));
    }

    @Test
    void shuffledKFoldIsAPartitionAndReproducible() {
        List<Fold> a = new KFold(4).shuffle(true).seed(7).split(23);
        List<Fold> b = new KFold(4).shuffle(true).seed(7).split(23);
        Set<Integer> seen = new HashSet<>();
        int[] sizes = new int[4];
        for (int k = 0; k < 4; k++) {
            assertTrue(KFold.sameRows(a.get(k), b.get(k)));
            sizes[k] = a.get(k).testRows().length;
            for (int r : a.get(k).testRows()) {
                assertTrue(seen.add(r));
            }
            assertEquals(23, a.get(k).testRows().length + a.get(k).trainRows().length);
        }
        assertEquals(23, seen.size());
        assertArrayEquals(new int[]{6, 6, 6, 5}, sizes);
        Tensor x = Tensor.arange(23).reshape(23, 1);
        assertArrayEquals(new float[]{a.get(0).testRows()[0]}, a.get(0).test(x).slice(0, 1).toFloatArray());
    }

    @Test
    void stratifiedKFoldMatchesScikitLearn() {
        List<Fold> f = new StratifiedKFold(2).split(new int[]{0, 0, 1, 1});
        assertArrayEquals(new int[]{1, 3}, f.get(0).trainRows());
        assertArrayEquals(new int[]{0, 2}, f.get(0).testRows());
        assertArrayEquals(new int[]{1, 3}, f.get(1).testRows());
        List<Fold> g = new StratifiedKFold(3).split(new int[]{1, 1, 1, 0, 0, 0, 0, 0, 0, 0});
        assertArrayEquals(new int[]{0, 3, 4, 5}, g.get(0).testRows());
        assertArrayEquals(new int[]{1, 6, 7}, g.get(1).testRows());
        assertArrayEquals(new int[]{2, 8, 9}, g.get(2).testRows());
        // one-hot labels, shuffled: each fold keeps the 1:1 ratio
        Tensor y = Utils.toCategorical(new int[]{0, 1, 0, 1, 0, 1, 0, 1}, 2);
        for (Fold fold : new StratifiedKFold(4).shuffle(true).seed(3).split(null, y)) {
            int[] idx = Labels.toIndices(fold.test(y));
            assertEquals(2, idx.length);
            assertEquals(1, idx[0] + idx[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(3).split(new int[]{0, 0, 1, 1}));
    }

    @Test
    void trainTestSplitSizesAndStratification() {
        Tensor x = Tensor.arange(10).reshape(10, 1);
        Tensor y = Tensor.of(new float[]{0, 0, 0, 0, 0, 0, 1, 1, 1, 1});
        TrainTestSplit s = TrainTestSplit.trainTestSplit(x, y, 0.25, 42);
        assertEquals(7, s.xTrain().shape(0));
        assertEquals(3, s.xTest().shape(0));
        Set<Float> all = new HashSet<>();
        for (float v : s.xTrain().toFloatArray()) {
            all.add(v);
        }
        for (float v : s.xTest().toFloatArray()) {
            all.add(v);
        }
        assertEquals(10, all.size());
        assertArrayEquals(s.xTest().toFloatArray(), TrainTestSplit.trainTestSplit(x, y, 0.25, 42).xTest().toFloatArray());
        TrainTestSplit st = TrainTestSplit.trainTestSplit(x, y, 0.5, 1, y);
        assertEquals(Map.of(0, 3, 1, 2), TrainTestSplit.classCounts(st.yTest()));
        assertEquals(Map.of(0, 3, 1, 2), TrainTestSplit.classCounts(st.yTrain()));
        TrainTestSplit tail = TrainTestSplit.trainTestSplit(x, y, 0.2, 0, false);
        assertArrayEquals(new float[]{8, 9}, tail.xTest().toFloatArray());
        assertArrayEquals(new int[]{3, 2}, TrainTestSplit.approximateMode(new int[]{6, 4}, 5, new java.util.Random(0)));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.trainTestSplit(x, y, 1.5, 0));
    }

    @Test
    void classificationReportAsScikitLearn() {
        int[] yTrue = {0, 1, 2, 2, 2};
        int[] yPred = {0, 0, 2, 2, 1};
        String expected = ""
                + "              precision    recall  f1-score   support\n"
                + "\n"
                + "     class 0       0.50      1.00      0.67         1\n"
                + "     class 1       0.00      0.00      0.00         1\n"
                + "     class 2       1.00      0.67      0.80         3\n"
                + "\n"
                + "    accuracy                           0.60         5\n"
                + "   macro avg       0.50      0.56      0.49         5\n"
                + "weighted avg       0.70      0.60      0.61         5\n";
        ClassificationReport r = ClassificationReport.of(yTrue, yPred, "class 0", "class 1", "class 2");
        assertEquals(expected, r.toString());
        assertEquals(0.6, r.accuracy(), 1e-12);
        assertArrayEquals(new int[][]{{1, 0, 0}, {1, 0, 0}, {0, 1, 2}}, ConfusionMatrix.confusionMatrix(yTrue, yPred));
        // probabilities and one-hot inputs
        Tensor probs = Tensor.of(new float[]{0.9f, 0.2f, 0.7f, 0.4f}, 4, 1);
        Tensor truth = Tensor.of(new float[]{1, 0, 0, 0}, 4, 1);
        assertArrayEquals(new int[][]{{2, 1}, {0, 1}}, ConfusionMatrix.confusionMatrix(truth, probs));
        String text = ClassificationReport.classificationReport(truth, probs);
        assertTrue(text.contains("           0       1.00      0.67      0.80         3"), text);
    }

    @Test
    void crossValidateFitsAFreshModelPerFold() {
        Ganglion.setRandomSeed(3);
        float[] xs = new float[40];
        float[] ys = new float[20];
        for (int i = 0; i < 20; i++) {
            xs[2 * i] = i % 2;
            xs[2 * i + 1] = 1;
            ys[i] = i % 2;
        }
        Tensor x = Tensor.of(xs, 20, 2);
        Tensor y = Tensor.of(ys, 20, 1);
        int[] built = {0};
        CrossValidation.Result r = CrossValidation.crossValidate(() -> {
            built[0]++;
            Sequential m = new Sequential(new Dense(1, "sigmoid").inputShape(2));
            m.compile(new SGD(0.5f), "binary_crossentropy", "accuracy");
            return m;
        }, x, y, new StratifiedKFold(4), new FitOptions().epochs(30).batchSize(5).verbose(0));
        assertEquals(4, built[0]);
        assertEquals(4, r.scores("accuracy").size());
        assertEquals(1.0, r.mean("accuracy"), 1e-9, r.foldScores().toString());
        assertEquals(0.0, r.std("accuracy"), 1e-9);
        assertTrue(r.means().containsKey("loss"));
        assertEquals(4, r.histories().size());
        assertThrows(IllegalArgumentException.class, () -> r.scores("auc"));
        assertTrue(Arrays.toString(new int[0]).length() > 0);
    }
}
