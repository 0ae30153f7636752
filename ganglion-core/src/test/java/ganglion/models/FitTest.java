package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.Callback;
import ganglion.layers.NameScope;
import ganglion.models.TestKit.Dense;
import ganglion.models.TestKit.Mae;
import ganglion.models.TestKit.Mse;
import ganglion.models.TestKit.Probe;
import ganglion.models.TestKit.Recorder;
import ganglion.models.TestKit.Sgd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(42);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainingReducesTheLoss() {
        Tensor[] d = TestKit.linearData(256, 1);
        Sequential m = TestKit.regressionModel();
        double before = m.evaluate(d[0], d[1], 32, 0).get("loss");
        History h = m.fit(d[0], d[1], new FitOptions().epochs(20).batchSize(16).verbose(0));
        double after = m.evaluate(d[0], d[1], 32, 0).get("loss");
        List<Double> losses = h.history().get("loss");
        assertEquals(20, losses.size());
        assertTrue(losses.get(19) < losses.get(0) / 5, losses.toString());
        assertTrue(after < before / 10, before + " -> " + after);
        assertSame(h, m.history());
    }

    @Test
    void fitWithEpochsAndBatchSize() {
        Tensor[] d = TestKit.linearData(40, 2);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        History h = m.fit(d[0], d[1], 2, 8);
        assertEquals(List.of(0, 1), h.epoch());
        assertTrue(printed().contains("Epoch 2/2"), printed());
        assertTrue(printed().contains("5/5 "), printed());
    }

    @Test
    void fitWithDefaultOptionsRunsOneEpochOfBatch32() {
        Tensor[] d = TestKit.linearData(70, 2);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(d[0], d[1]);
        assertFalse(printed().contains("Epoch"), "no header for one epoch");
        assertTrue(printed().startsWith("3/3 "), printed());
    }

    @Test
    void historyHasAlphabeticalKeysPerEpoch() {
        Tensor[] d = TestKit.linearData(50, 3);
        Sequential m = TestKit.regressionModel();
        History h = m.fit(d[0], d[1], new FitOptions().epochs(3).validationSplit(0.2).verbose(0));
        Map<String, List<Double>> hist = h.history();
        assertEquals(List.of("loss", "mae", "val_loss", "val_mae"), new ArrayList<>(hist.keySet()));
        for (List<Double> v : hist.values()) {
            assertEquals(3, v.size());
        }
        assertEquals(List.of(0, 1, 2), h.epoch());
        assertThrows(UnsupportedOperationException.class, () -> hist.get("loss").add(1.0));
    }

    @Test
    void initialEpochResumesTheCount() {
        Tensor[] d = TestKit.linearData(20, 3);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        History h = m.fit(d[0], d[1], new FitOptions().epochs(3).initialEpoch(1).verbose(2));
        assertEquals(List.of(1, 2), h.epoch());
        assertTrue(printed().startsWith("Epoch 2/3\n"), printed());
        assertFalse(printed().contains("Epoch 1/3"));
    }

    @Test
    void validationSplitTakesTheLastSamplesBeforeShuffling() {
        int n = 10;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = i;
        }
        Recorder rec = new Recorder();
        Sequential m = new Sequential(new Dense(1).inputShape(1));
        m.compile(new Sgd(0.0f), new Mse(), rec);
        List<Float> validationSeen = new ArrayList<>();
        Callback phase = new Callback() {
            int mark;

            @Override
            public void onTestBegin(Map<String, Double> logs) {
                mark = rec.seen.size();
            }

            @Override
            public void onTestEnd(Map<String, Double> logs) {
                validationSeen.addAll(rec.seen.subList(mark, rec.seen.size()));
            }
        };
        m.fit(Tensor.wrap(xs, n, 1), Tensor.wrap(ys, n, 1), new FitOptions().epochs(2).batchSize(3)
                .validationSplit(0.3).shuffle(true).verbose(0).callbacks(phase));
        assertEquals(List.of(7f, 8f, 9f, 7f, 8f, 9f), validationSeen);
        List<Float> training = new ArrayList<>(rec.seen);
        training.removeAll(List.of(7f, 8f, 9f));
        assertEquals(14, training.size(), "7 training samples per epoch, none from the validation tail");
        Set<Float> epoch1 = new HashSet<>(training.subList(0, 7));
        assertEquals(Set.of(0f, 1f, 2f, 3f, 4f, 5f, 6f), epoch1);
        assertNotEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f), training.subList(0, 7), "shuffled");
    }

    @Test
    void shuffleFalseKeepsTheOrderAndShuffleReshufflesEachEpoch() {
        float[] ys = {0, 1, 2, 3, 4, 5, 6, 7};
        Recorder rec = new Recorder();
        Sequential m = new Sequential(new Dense(1).inputShape(1));
        m.compile(new Sgd(0f), new Mse(), rec);
        m.fit(Tensor.wrap(ys.clone(), 8, 1), Tensor.wrap(ys.clone(), 8, 1),
                new FitOptions().epochs(1).batchSize(3).shuffle(false).verbose(0));
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f), rec.seen);
        rec.seen.clear();
        m.fit(Tensor.wrap(ys.clone(), 8, 1), Tensor.wrap(ys.clone(), 8, 1),
                new FitOptions().epochs(2).batchSize(8).verbose(0));
        assertNotEquals(rec.seen.subList(0, 8), rec.seen.subList(8, 16));
    }

    @Test
    void validationDataIsEvaluatedAfterEachEpoch() {
        Tensor[] d = TestKit.linearData(32, 4);
        Tensor[] v = TestKit.linearData(12, 5);
        Sequential m = TestKit.regressionModel();
        History h = m.fit(d[0], d[1], new FitOptions().epochs(2).validationData(v[0], v[1]).validationSplit(0.5)
                .verbose(0));
        double last = h.history().get("val_loss").get(1);
        assertEquals(m.evaluate(v[0], v[1], 32, 0).get("loss"), last, 1e-5);
        assertEquals(2, h.history().get("loss").size());
    }

    @Test
    void displayedLossIsTheBatchSizeWeightedRunningMean() {
        Tensor[] d = TestKit.linearData(10, 6);
        Sequential m = new Sequential(new Dense(1).inputShape(4));
        m.compile(new Sgd(0f), new Mse());
        List<Double> batchLosses = new ArrayList<>();
        Callback cb = new Callback() {
            @Override
            public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                batchLosses.add(logs.get("loss"));
            }
        };
        History h = m.fit(d[0], d[1], new FitOptions().batchSize(4).shuffle(false).verbose(0).callbacks(cb));
        // with lr 0 the weights never move: the epoch mean equals the loss over all samples
        double full = m.evaluate(d[0], d[1], 10, 0).get("loss");
        assertEquals(full, h.history().get("loss").get(0), 1e-5);
        double b1 = m.evaluate(d[0].slice(0, 4), d[1].slice(0, 4), 4, 0).get("loss");
        double b2 = m.evaluate(d[0].slice(4, 8), d[1].slice(4, 8), 4, 0).get("loss");
        assertEquals(b1, batchLosses.get(0), 1e-5);
        assertEquals((b1 + b2) / 2, batchLosses.get(1), 1e-5);
    }

    @Test
    void callbacksSeeKerasHookOrder() {
        Tensor[] d = TestKit.linearData(6, 7);
        Sequential m = TestKit.regressionModel();
        List<String> events = new ArrayList<>();
        Callback cb = new Callback() {
            @Override
            public void onTrainBegin(Map<String, Double> logs) {
                events.add("train_begin");
            }

            @Override
            public void onEpochBegin(int epoch, Map<String, Double> logs) {
                events.add("epoch_begin " + epoch);
            }

            @Override
            public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
                events.add("batch_begin " + batch);
            }

            @Override
            public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                events.add("batch_end " + batch + " " + logs.keySet());
            }

            @Override
            public void onTestBegin(Map<String, Double> logs) {
                events.add("test_begin");
            }

            @Override
            public void onTestEnd(Map<String, Double> logs) {
                events.add("test_end");
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                events.add("epoch_end " + epoch + " " + logs.keySet());
            }

            @Override
            public void onTrainEnd(Map<String, Double> logs) {
                events.add("train_end " + logs.keySet());
            }
        };
        m.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(2).validationSplit(0.34).verbose(0).callbacks(cb));
        assertEquals(List.of("train_begin",
                "epoch_begin 0", "batch_begin 0", "batch_end 0 [loss, mae]", "batch_begin 1", "batch_end 1 [loss, mae]",
                "test_begin", "test_end", "epoch_end 0 [loss, mae, val_loss, val_mae]",
                "epoch_begin 1", "batch_begin 0", "batch_end 0 [loss, mae]", "batch_begin 1", "batch_end 1 [loss, mae]",
                "test_begin", "test_end", "epoch_end 1 [loss, mae, val_loss, val_mae]",
                "train_end [loss, mae, val_loss, val_mae]"), events);
        assertSame(m, cb.model());
        assertEquals(2, cb.params().get("epochs"));
        assertEquals(2, cb.params().get("steps"));
        assertEquals(0, cb.params().get("verbose"));
    }

    @Test
    void stopTrainingIsHonouredAfterTheBatch() {
        Tensor[] d = TestKit.linearData(20, 8);
        Sequential m = TestKit.regressionModel();
        List<Integer> batches = new ArrayList<>();
        Callback stopper = new Callback() {
            @Override
            public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                batches.add(batch);
                if (batch == 1) {
                    model().setStopTraining(true);
                }
            }
        };
        History h = m.fit(d[0], d[1], new FitOptions().epochs(5).batchSize(4).verbose(0).callbacks(stopper));
        assertEquals(List.of(0, 1), batches);
        assertEquals(List.of(0), h.epoch(), "epoch end still runs, then training stops");
        assertTrue(m.stopTraining());
        m.fit(d[0], d[1], new FitOptions().epochs(1).batchSize(4).verbose(0));
        assertFalse(m.stopTraining(), "fit resets the flag");
    }

    @Test
    void stopTrainingAtEpochEnd() {
        Tensor[] d = TestKit.linearData(8, 8);
        Sequential m = TestKit.regressionModel();
        Callback stopper = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                model().setStopTraining(epoch == 1);
            }
        };
        History h = m.fit(d[0], d[1], new FitOptions().epochs(5).verbose(0).callbacks(stopper));
        assertEquals(List.of(0, 1), h.epoch());
    }

    @Test
    void userHistoryIsReusedNotDuplicated() {
        Tensor[] d = TestKit.linearData(8, 8);
        Sequential m = TestKit.regressionModel();
        History mine = new History();
        assertSame(mine, m.fit(d[0], d[1], new FitOptions().epochs(2).verbose(0).callbacks(mine)));
        assertEquals(2, mine.history().get("loss").size());
    }

    @Test
    void trainingFlagIsTrueOnlyInFit() {
        Probe probe = new Probe();
        Sequential m = new Sequential(probe.inputShape(4), new Dense(1));
        m.compile(new Sgd(0.01f), new Mse());
        Tensor[] d = TestKit.linearData(4, 9);
        m.fit(d[0], d[1], new FitOptions().batchSize(4).verbose(0).validationData(d[0], d[1]));
        assertEquals(List.of(true, false), probe.flags);
        probe.flags.clear();
        m.evaluate(d[0], d[1], 4, 0);
        m.predict(d[0], 4, 0);
        assertEquals(List.of(false, false), probe.flags);
    }

    @Test
    void regularizationPenaltyJoinsTheLoss() {
        Sequential m = new Sequential(new Dense(1, "linear", TestKit.L2).inputShape(2));
        m.compile(new Sgd(0f), new Mse());
        m.setWeights(List.of(Tensor.of(new float[]{1, 2}, 2, 1), Tensor.zeros(1)));
        Tensor x = Tensor.of(new float[]{1, 1}, 1, 2);
        Tensor y = Tensor.of(new float[]{3}, 1, 1);
        // prediction 3 → mse 0; penalty 0.01 * (1 + 4)
        assertEquals(0.05, m.evaluate(x, y, 1, 0).get("loss"), 1e-6);
        History h = m.fit(x, y, new FitOptions().verbose(0));
        assertEquals(0.05, h.history().get("loss").get(0), 1e-6);
    }

    @Test
    void reproducibleWithTheSameSeed() {
        List<Double> first = runSeeded(123);
        List<Double> second = runSeeded(123);
        List<Double> other = runSeeded(124);
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    private List<Double> runSeeded(long seed) {
        Ganglion.setRandomSeed(seed);
        Tensor[] d = TestKit.linearData(64, 10);
        Sequential m = TestKit.regressionModel();
        History h = m.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(8).verbose(0));
        List<Double> r = new ArrayList<>(h.history().get("loss"));
        for (float w : m.getWeights().get(0).toFloatArray()) {
            r.add((double) w);
        }
        return r;
    }

    @Test
    void frozenModelStillRuns() {
        Tensor[] d = TestKit.linearData(8, 11);
        Sequential m = TestKit.regressionModel();
        List<Tensor> before = m.getWeights();
        m.setTrainable(false);
        m.fit(d[0], d[1], new FitOptions().verbose(0));
        assertArrayEquals(before.get(0).toFloatArray(), m.getWeights().get(0).toFloatArray());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void fitBeforeCompileSaysSo() {
        Sequential m = new Sequential(new Dense(1).inputShape(2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.fit(Tensor.ones(2, 2), Tensor.ones(2, 1), 1, 1));
        assertTrue(e.getMessage().startsWith("You must call compile() before fit()"), e.getMessage());
        IllegalStateException ev = assertThrows(IllegalStateException.class,
                () -> m.evaluate(Tensor.ones(2, 2), Tensor.ones(2, 1)));
        assertTrue(ev.getMessage().startsWith("You must call compile() before evaluate()"), ev.getMessage());
    }

    @Test
    void mismatchedSampleCountsNameBoth() {
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.ones(10, 4), Tensor.ones(9, 1), 1, 2));
        assertTrue(e.getMessage().contains("x has 10 (shape (10, 4))") && e.getMessage().contains("y has 9 (shape (9, 1))"),
                e.getMessage());
    }

    @Test
    void wrongInputShapeNamesTheLayerAndBothShapes() {
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.ones(10, 5), Tensor.ones(10, 1), 1, 2));
        assertTrue(e.getMessage().contains("'dense'") && e.getMessage().contains("(None, 4)")
                && e.getMessage().contains("(None, 5)"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> m.predict(Tensor.ones(3, 2, 2), 32, 0));
        assertTrue(p.getMessage().contains("(None, 2, 2)"), p.getMessage());
    }

    @Test
    void badOptionsAreRejected() {
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> new FitOptions().validationSplit(1.0));
        assertTrue(split.getMessage().contains("[0, 1)"), split.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(Double.NaN));
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> new FitOptions().batchSize(0));
        assertTrue(batch.getMessage().contains("batchSize=0"), batch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().verbose(3));
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().epochs(-1));
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().initialEpoch(-1));
        assertEquals(1, new FitOptions().verbose("auto").verbose());
        Sequential m = TestKit.regressionModel();
        assertThrows(IllegalArgumentException.class, () -> m.fit(Tensor.ones(4, 4), Tensor.ones(4, 1), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> m.evaluate(Tensor.ones(4, 4), Tensor.ones(4, 1), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> m.predict(Tensor.ones(4, 4), 0, 0));
    }

    @Test
    void emptyDataIsRejected() {
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.zeros(0, 4), Tensor.zeros(0, 1), 1, 2));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.predict(Tensor.zeros(0, 4), 2, 0));
        assertThrows(IllegalArgumentException.class, () -> m.fit(Tensor.scalar(1), Tensor.scalar(1), 1, 1));
    }

    @Test
    void tooFewSamplesToSplit() {
        Sequential m = TestKit.regressionModel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.ones(1, 4), Tensor.ones(1, 1), new FitOptions().validationSplit(0.5).verbose(0)));
        assertTrue(e.getMessage().contains("not sufficient"), e.getMessage());
    }

    @Test
    void nanLossStopsWithEpochAndStep() {
        Tensor[] d = TestKit.linearData(12, 12);
        float[] x = d[0].toFloatArray();
        x[4 * 9] = Float.NaN; // sample 9: in the third batch of 4 without shuffling
        Sequential m = TestKit.regressionModel();
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                () -> m.fit(Tensor.wrap(x, 12, 4), d[1], new FitOptions().epochs(2).batchSize(4).shuffle(false)
                        .verbose(0)));
        assertEquals(1, e.epoch());
        assertEquals(3, e.step());
        assertTrue(Double.isNaN(e.loss()));
        String msg = e.getMessage();
        assertTrue(msg.contains("epoch 1/2, step 3/3"), msg);
        assertTrue(msg.contains("learning rate") && msg.contains("NaN") && msg.contains("normalise"), msg);
        assertTrue(msg.contains("stopOnNaN(false)"), msg);

        Sequential keep = TestKit.regressionModel();
        History h = keep.fit(Tensor.wrap(x, 12, 4), d[1], new FitOptions().batchSize(4).shuffle(false).verbose(0)
                .stopOnNaN(false));
        assertTrue(Double.isNaN(h.history().get("loss").get(0)));
    }

    // ------------------------------------------------------------------ output

    @Test
    void verbose1NotATerminalPrintsOneLinePerEpoch() {
        Tensor[] d = TestKit.linearData(100, 13);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(10).validationSplit(0.2));
        String text = printed();
        String num = "-?\\d+\\.\\d{4}(e[+-]\\d\\d)?";
        String line = "8/8 ━{20} \\d+s \\d+(s|ms|us)/step - loss: " + num + " - mae: " + num
                + " - val_loss: " + num + " - val_mae: " + num + "\n";
        assertTrue(text.matches("Epoch 1/2\n" + line + "Epoch 2/2\n" + line), text);
        assertFalse(text.contains("\u001b"), "no ANSI codes when not a terminal");
        assertFalse(text.contains("\r") || text.contains("\b"));
    }

    @Test
    void verbose2PrintsOneSummaryLinePerEpoch() {
        Tensor[] d = TestKit.linearData(1000, 13);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(d[0], d[1], new FitOptions().epochs(2).batchSize(32).verbose(2));
        String num = "-?\\d+\\.\\d{4}(e[+-]\\d\\d)?";
        String line = "32/32 - \\d+s - \\d+(s|ms|us)/step - loss: " + num + " - mae: " + num + "\n";
        assertTrue(printed().matches("Epoch 1/2\n" + line + "Epoch 2/2\n" + line), printed());
    }

    @Test
    void verbose0PrintsNothing() {
        Tensor[] d = TestKit.linearData(10, 13);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(d[0], d[1], new FitOptions().epochs(2).verbose(0));
        m.evaluate(d[0], d[1], 4, 0);
        m.predict(d[0], 4, 0);
        assertEquals("", printed());
    }

    @Test
    void printedLossesAreReproducible() {
        String a = printedRun();
        String b = printedRun();
        assertEquals(a.replaceAll("\\d+(s|ms|us)", "T"), b.replaceAll("\\d+(s|ms|us)", "T"));
    }

    private String printedRun() {
        NameScope.clear();
        Ganglion.setRandomSeed(5);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Tensor[] d = TestKit.linearData(40, 14);
        Sequential m = TestKit.regressionModel();
        m.setOutput(new PrintStream(buf, true, StandardCharsets.UTF_8));
        m.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(8).verbose(2));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compileOverloadsAndAccessors() {
        Sequential m = new Sequential(new Dense(1).inputShape(4));
        assertFalse(m.isCompiled());
        Sgd sgd = new Sgd(0.1f);
        Mse mse = new Mse();
        m.compile(sgd, mse);
        assertTrue(m.isCompiled());
        assertSame(sgd, m.optimizer());
        assertSame(mse, m.loss());
        assertTrue(m.metrics().isEmpty());
        Mae mae = new Mae();
        m.compile(sgd, mse, Arrays.asList(mae));
        Tensor[] d = TestKit.linearData(4, 1);
        m.evaluate(d[0], d[1], 4, 0);
        assertEquals(List.of(mae), m.metrics());
        assertThrows(IllegalArgumentException.class, () -> m.compile(sgd, mse, List.of(3)));
        assertThrows(NullPointerException.class, () -> m.compile((ganglion.optimizers.Optimizer) null, mse));
        m.compile(sgd, mse, new Mae(), new Mae());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> m.evaluate(d[0], d[1], 4, 0));
        assertTrue(dup.getMessage().contains("'mae'"), dup.getMessage());
    }
}
