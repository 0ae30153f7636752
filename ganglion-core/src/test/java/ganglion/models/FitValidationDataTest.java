package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.data.Dataset;
import ganglion.layers.Concatenate;
import ganglion.layers.Dense;
import ganglion.layers.Input;
import ganglion.layers.NameScope;
import ganglion.layers.SymbolicTensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit's validationData as a Dataset (or any Iterable of batches), validationSteps, and several inputs/outputs. */
class FitValidationDataTest {

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(42);
    }

    /** Counts the batches handed out by an Iterable. */
    private static <T> Iterable<T> counting(Iterable<T> source, int[] served) {
        return () -> {
            Iterator<T> it = source.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    served[0]++;
                    return it.next();
                }
            };
        };
    }

    private static List<Double> list(History h, String key) {
        assertTrue(h.history().containsKey(key), h.history().keySet().toString());
        return h.history().get(key);
    }

    private static void assertClose(List<Double> a, List<Double> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), 1e-6 * Math.max(1, Math.abs(a.get(i))), a + " vs " + b);
        }
    }

    @Test
    void datasetValidationEqualsTensorValidation() {
        Tensor[] d = TestKit.linearData(64, 3);
        Tensor[] v = TestKit.linearData(20, 9);
        FitOptions base = new FitOptions().epochs(3).batchSize(8).shuffle(false).verbose(0);
        Sequential a = TestKit.regressionModel();
        History ha = a.fit(d[0], d[1], base.validationData(v[0], v[1]));
        reset();
        Sequential b = TestKit.regressionModel();
        Dataset<Tensor[]> val = Dataset.fromTensorSlices(v[0], v[1]).batch(8).prefetch(2);
        History hb = b.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(8).shuffle(false).verbose(0)
                .validationData(val));
        assertClose(list(ha, "val_loss"), list(hb, "val_loss"));
        assertClose(list(ha, "val_mae"), list(hb, "val_mae"));
        assertEquals(ha.history().get("loss"), hb.history().get("loss"));
        // fit on a Dataset of training batches with a Dataset for validation: the same numbers again
        reset();
        Sequential c = TestKit.regressionModel();
        History hc = c.fit(Dataset.fromTensorSlices(d[0], d[1]).batch(8),
                new FitOptions().epochs(3).verbose(0).validationData(val));
        assertClose(list(ha, "val_loss"), list(hc, "val_loss"));
        // the last epoch's validation equals evaluate() with the final weights
        assertEquals(b.evaluate(v[0], v[1], 8, 0).get("loss"), hb.history().get("val_loss").get(2), 1e-6);
    }

    @Test
    void wholeValidationDatasetEachEpochWithoutSteps() {
        Tensor[] d = TestKit.linearData(32, 1);
        Tensor[] v = TestKit.linearData(20, 2);
        int[] served = {0};
        Sequential m = TestKit.regressionModel();
        m.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(8).verbose(0)
                .validationData(counting(Dataset.fromTensorSlices(v[0], v[1]).batch(8), served)));
        assertEquals(9, served[0], "3 batches (8 + 8 + 4 samples) in each of 3 epochs");
    }

    @Test
    void validationStepsLimitsBatchesAndCarriesTheIteratorOver() {
        Tensor[] d = TestKit.linearData(32, 4);
        Tensor[] v = TestKit.linearData(40, 5);
        List<Tensor[]> vb = Dataset.fromTensorSlices(v[0], v[1]).batch(8).toList();   // 5 batches
        int[] served = {0};
        Sequential m = TestKit.regressionModel();
        History h = m.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(8).verbose(0)
                .validationData(counting(Dataset.fromIterable(vb), served)).validationSteps(2));
        assertEquals(6, served[0], "2 validation batches per epoch");
        // epoch 1 saw batches 0-1, epoch 2 batches 2-3, epoch 3 batch 4 then a fresh pass's batch 0
        double expected = m.evaluate(List.of(vb.get(4), vb.get(0)), 0, 0).get("loss");
        assertEquals(expected, h.history().get("val_loss").get(2), 1e-6);

        // with tensors: the first validationSteps batches, every epoch
        reset();
        Sequential t = TestKit.regressionModel();
        History ht = t.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(8).verbose(0)
                .validationData(v[0], v[1]).validationSteps(2));
        Map<String, Double> firstTwo = t.evaluate(rows(v[0], 16), rows(v[1], 16), 8, 0);
        assertEquals(firstTwo.get("loss"), ht.history().get("val_loss").get(1), 1e-6);
    }

    private static Tensor rows(Tensor t, int n) {
        int inner = (int) (t.size() / t.shape(0));
        float[] data = new float[n * inner];
        System.arraycopy(t.buffer(), 0, data, 0, data.length);
        int[] shape = t.shape().clone();
        shape[0] = n;
        return Tensor.wrap(data, shape);
    }

    @Test
    void repeatedDatasetWithoutValidationStepsFailsClearly() {
        Tensor[] d = TestKit.linearData(32, 6);
        Dataset<Tensor[]> forever = Dataset.fromTensorSlices(d[0], d[1]).batch(8).repeat();
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d[0], d[1], new FitOptions().verbose(0).validationData(forever)));
        assertTrue(e.getMessage().contains("validationSteps"), e.getMessage());
        assertTrue(e.getMessage().contains("repeat"), e.getMessage());
        assertEquals(0, m.history() == null ? 0 : m.history().history().size(), "fails before training");
        // the same for the training data of fit(Iterable) without stepsPerEpoch
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> m.fit(forever, new FitOptions().verbose(0)));
        assertTrue(t.getMessage().contains("stepsPerEpoch"), t.getMessage());
        // with validationSteps it runs
        History h = m.fit(d[0], d[1], new FitOptions().epochs(2).verbose(0).validationData(forever)
                .validationSteps(3));
        assertEquals(2, h.history().get("val_loss").size());
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSteps(-1));
    }

    @Test
    void emptyOrMisshapenValidationBatchesAreExplained() {
        Tensor[] d = TestKit.linearData(16, 7);
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d[0], d[1], new FitOptions().verbose(0).validationData(List.<Tensor[]>of())));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        IllegalArgumentException noY = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d[0], d[1], new FitOptions().verbose(0)
                        .validationData(List.<Tensor[]>of(new Tensor[]{d[0]}))));
        assertTrue(noY.getMessage().contains("{x, y}"), noY.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> m.fit(d[0], d[1], new FitOptions().verbose(0)
                        .validationData(List.of(d[0], d[0]), List.of(d[1]))));
        assertTrue(two.getMessage().contains("one input"), two.getMessage());
    }

    @Test
    void progressLineShowsValMetricsAsKerasDoes() {
        Tensor[] d = TestKit.linearData(32, 8);
        Sequential m = TestKit.regressionModel();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.setOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        m.fit(d[0], d[1], new FitOptions().epochs(1).batchSize(8).verbose(2)
                .validationData(Dataset.fromTensorSlices(d[0], d[1]).batch(16)));
        String p = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(p.matches("(?s).*loss: [0-9.e+-]+ - mae: [0-9.e+-]+ - val_loss: [0-9.e+-]+ - val_mae: .*"), p);
    }

    private static Model functionalRegression() {
        SymbolicTensor in = Input.of(4);
        SymbolicTensor out = new Dense(1).apply(new Dense(8, "relu").apply(in));
        Model m = new Model(in, out);
        m.compile("adam", "mse", "mae");
        return m;
    }

    @Test
    void oneInputFunctionalModelTakesADatasetForValidation() {
        Tensor[] d = TestKit.linearData(48, 11);
        Tensor[] v = TestKit.linearData(24, 12);
        Dataset<Tensor[]> val = Dataset.fromTensorSlices(v[0], v[1]).batch(8);
        Model a = functionalRegression();
        History ha = a.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0)
                .validationData(v[0], v[1]));
        reset();
        Model b = functionalRegression();
        History hb = b.fit(Dataset.fromTensorSlices(d[0], d[1]).batch(8), new FitOptions().epochs(2).verbose(0)
                .validationData(val));
        assertClose(list(ha, "val_loss"), list(hb, "val_loss"));
        assertClose(list(ha, "val_mae"), list(hb, "val_mae"));
    }

    // ------------------------------------------------------------------ several inputs and outputs

    private static Tensor[] twoInputData(int n, long seed) {
        Tensor a = GradCheck.uniform(seed, n, 3);
        Tensor b = GradCheck.uniform(seed + 1, n, 2);
        float[] reg = new float[n];
        float[] cls = new float[n];
        for (int i = 0; i < n; i++) {
            reg[i] = a.get(i, 0) - 2 * b.get(i, 1);
            cls[i] = a.get(i, 1) + b.get(i, 0) > 0 ? 1 : 0;
        }
        return new Tensor[]{a, b, Tensor.of(reg, n, 1), Tensor.of(cls, n, 1)};
    }

    private static Model twoByTwo() {
        SymbolicTensor a = Input.named("a", 3);
        SymbolicTensor b = Input.named("b", 2);
        SymbolicTensor h = new Dense(8, "tanh").apply(new Concatenate().apply(a, b));
        SymbolicTensor reg = new Dense(1).name("reg").apply(h);
        SymbolicTensor cls = new Dense(1, "sigmoid").name("cls").apply(h);
        Model m = new Model(List.of(a, b), List.of(reg, cls), "two_by_two");
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("reg", "mse");
        losses.put("cls", "binary_crossentropy");
        m.compile(new ganglion.optimizers.Adam(0.01), losses, Map.of("reg", 1.0, "cls", 0.5),
                Map.of("cls", List.of("accuracy")));
        return m;
    }

    @Test
    void severalInputsAndOutputsValidateOnListsOrFlatDatasetBatches() {
        Tensor[] d = twoInputData(96, 21);
        Tensor[] v = twoInputData(40, 31);
        List<Tensor> xs = List.of(d[0], d[1]);
        List<Tensor> ys = List.of(d[2], d[3]);
        Model a = twoByTwo();
        History ha = a.fit(xs, ys, new FitOptions().epochs(3).batchSize(16).shuffle(false).verbose(0)
                .validationData(List.of(v[0], v[1]), List.of(v[2], v[3])));
        for (String k : List.of("val_loss", "val_reg_loss", "val_cls_loss", "val_cls_accuracy")) {
            assertEquals(3, list(ha, k).size(), k);
        }
        reset();
        Model b = twoByTwo();
        Dataset<Tensor[]> val = Dataset.fromTensorSlices(v[0], v[1], v[2], v[3]).batch(16);
        History hb = b.fit(xs, ys, new FitOptions().epochs(3).batchSize(16).shuffle(false).verbose(0)
                .validationData(val));
        assertClose(list(ha, "val_loss"), list(hb, "val_loss"));
        assertClose(list(ha, "val_cls_accuracy"), list(hb, "val_cls_accuracy"));
        // training from a Dataset of flat batches {x1, x2, y1, y2} gives the same run again
        reset();
        Model c = twoByTwo();
        History hc = c.fit(Dataset.fromTensorSlices(d[0], d[1], d[2], d[3]).batch(16),
                new FitOptions().epochs(3).verbose(0).validationData(val));
        assertClose(list(ha, "loss"), list(hc, "loss"));
        assertClose(list(ha, "val_loss"), list(hc, "val_loss"));
        assertArrayEquals(a.predict(xs, 32, 0).get(0).buffer(), c.predict(xs, 32, 0).get(0).buffer(), 1e-5f);
        // validationSteps and validationSplit work on this path too
        reset();
        Model s = twoByTwo();
        int[] served = {0};
        s.fit(xs, ys, new FitOptions().epochs(2).batchSize(16).verbose(0)
                .validationData(counting(val, served)).validationSteps(1));
        assertEquals(2, served[0]);
        History split = twoByTwo().fit(xs, ys, new FitOptions().epochs(1).verbose(0).validationSplit(0.25));
        assertFalse(split.history().get("val_loss").isEmpty());
    }

    @Test
    void flatBatchesOfTheWrongLengthAreExplained() {
        Tensor[] d = twoInputData(32, 41);
        Model m = twoByTwo();
        Dataset<Tensor[]> xy = Dataset.fromTensorSlices(d[0], d[2]).batch(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(List.of(d[0], d[1]), List.of(d[2], d[3]), new FitOptions().verbose(0)
                        .validationData(xy)));
        assertTrue(e.getMessage().contains("{x1, ..., x2, y1, ..., y2}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.fit(xy, new FitOptions().verbose(0)));
        List<Tensor[]> none = new ArrayList<>();
        assertThrows(IllegalArgumentException.class, () -> m.fit(none, new FitOptions().verbose(0)));
    }
}
