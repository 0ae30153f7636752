package ganglion.callbacks;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.optimizers.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingCallbacksTest {

    /** Feeds a scripted sequence of monitored values to a callback, epoch by epoch, on a real tiny model. */
    private static Sequential model(ByteArrayOutputStream out) {
        Ganglion.setRandomSeed(1);
        Sequential m = new Sequential(new Dense(1).inputShape(2));
        m.compile(new SGD(0.1f), "mse");
        m.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        return m;
    }

    private static List<Integer> drive(Callback cb, Sequential m, String key, double... values) {
        cb.setModel(m);
        m.setStopTraining(false);
        cb.onTrainBegin(new HashMap<>());
        List<Integer> ran = new ArrayList<>();
        for (int e = 0; e < values.length; e++) {
            cb.onEpochBegin(e, new HashMap<>());
            Map<String, Double> logs = new HashMap<>();
            logs.put(key, values[e]);
            cb.onEpochEnd(e, logs);
            ran.add(e);
            if (m.stopTraining()) {
                break;
            }
        }
        cb.onTrainEnd(new HashMap<>());
        return ran;
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndPrintsKerasMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sequential m = model(out);
        EarlyStopping es = new EarlyStopping().monitor("val_loss").patience(2).verbose(1);
        List<Integer> ran = drive(es, m, "val_loss", 1.0, 0.5, 0.6, 0.55, 0.4, 0.3);
        assertEquals(List.of(0, 1, 2, 3), ran);
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        assertEquals("Epoch 4: early stopping\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void earlyStoppingMinDeltaModeMaxBaselineAndStart() {
        Sequential m = model(new ByteArrayOutputStream());
        // improvements smaller than minDelta do not count
        EarlyStopping es = new EarlyStopping().monitor("val_accuracy").minDelta(0.05).patience(1);
        assertEquals(List.of(0, 1), drive(es, m, "val_accuracy", 0.5, 0.52, 0.9));
        // explicit min on an unknown name
        EarlyStopping min = new EarlyStopping().monitor("custom").mode("min").patience(1);
        assertEquals(List.of(0, 1, 2), drive(min, m, "custom", 3, 2, 2.5, 1));
        EarlyStopping auto = new EarlyStopping().monitor("custom");
        assertThrows(IllegalArgumentException.class, () -> drive(auto, m, "custom", 1, 2));
        // baseline: an improvement that misses the baseline does not reset the wait (Keras)
        EarlyStopping base = new EarlyStopping().monitor("loss").baseline(0.1).patience(2);
        assertEquals(List.of(0, 1), drive(base, m, "loss", 1.0, 1.1, 1.2));
        EarlyStopping noBase = new EarlyStopping().monitor("loss").patience(2);
        assertEquals(List.of(0, 1, 2), drive(noBase, m, "loss", 1.0, 1.1, 1.2));
        // startFromEpoch: the first epochs are not watched
        EarlyStopping warm = new EarlyStopping().monitor("loss").startFromEpoch(3).patience(0);
        assertEquals(List.of(0, 1, 2, 3, 4), drive(warm, m, "loss", 1, 2, 3, 4, 5, 6));
    }

    @Test
    void earlyStoppingRestoresBestWeights() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sequential m = model(out);
        Tensor x = Tensor.of(new float[]{0, 1, 1, 0, 1, 1, 0, 0}, 4, 2);
        Tensor y = Tensor.of(new float[]{1, 1, 2, 0}, 4, 1);
        m.fit(x, y, new FitOptions().epochs(1).verbose(0));
        EarlyStopping es = new EarlyStopping().monitor("loss").patience(1).restoreBestWeights(true).verbose(1);
        es.setModel(m);
        es.onTrainBegin(new HashMap<>());
        es.onEpochEnd(0, new HashMap<>(Map.of("loss", 1.0)));
        List<Tensor> best = m.getWeights();
        es.onEpochEnd(1, new HashMap<>(Map.of("loss", 0.5)));
        best = m.getWeights();
        m.setWeights(List.of(Tensor.full(9f, 2, 1), Tensor.full(9f, 1)));
        es.onEpochEnd(2, new HashMap<>(Map.of("loss", 2.0)));
        assertTrue(m.stopTraining());
        es.onTrainEnd(new HashMap<>());
        assertArrayEquals(best.get(0).toFloatArray(), m.getWeights().get(0).toFloatArray());
        assertEquals("Epoch 3: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void earlyStoppingInsideFit() {
        Sequential m = model(new ByteArrayOutputStream());
        Tensor x = Tensor.of(new float[]{0, 1, 1, 0, 1, 1, 0, 0}, 4, 2);
        Tensor y = Tensor.of(new float[]{1, 1, 2, 0}, 4, 1);
        // a huge minDelta: nothing ever improves after the first epoch
        EarlyStopping es = new EarlyStopping().monitor("loss").minDelta(100).patience(2);
        History h = m.fit(x, y, new FitOptions().epochs(20).verbose(0).callbacks(es));
        assertEquals(3, h.history().get("loss").size());
        assertEquals(2, es.stoppedEpoch());
    }

    /** Records the paths instead of writing (the io module is not on core's class path). */
    static final class RecordingCheckpoint extends ModelCheckpoint {
        final List<String> saved = new ArrayList<>();

        RecordingCheckpoint(String path) {
            super(path);
        }

        @Override
        protected void write(Path path) {
            saved.add(path.toString());
        }
    }

    @Test
    void checkpointSaveBestOnlyMessagesAndTemplates() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sequential m = model(out);
        RecordingCheckpoint cp = new RecordingCheckpoint("ck/{epoch:02d}-{val_loss:.4f}.keras");
        cp.saveBestOnly(true).verbose(1);
        drive(cp, m, "val_loss", 0.123456, 0.2, 0.1);
        assertEquals(List.of("ck/01-0.1235.keras", "ck/03-0.1000.keras"), cp.saved);
        assertEquals("\nEpoch 1: val_loss improved from inf to 0.12346, saving model to ck/01-0.1235.keras\n"
                        + "\nEpoch 2: val_loss did not improve from 0.12346\n"
                        + "\nEpoch 3: val_loss improved from 0.12346 to 0.10000, saving model to ck/03-0.1000.keras\n",
                out.toString(StandardCharsets.UTF_8));
        RecordingCheckpoint acc = new RecordingCheckpoint("best.keras");
        acc.monitor("val_accuracy").saveBestOnly(true);
        drive(acc, m, "val_accuracy", 0.5, 0.7, 0.6);
        assertEquals(2, acc.saved.size());
        assertEquals(0.7, acc.best());
        RecordingCheckpoint every = new RecordingCheckpoint("e{epoch}.h5");
        drive(every, m, "loss", 3, 2, 1);
        assertEquals(List.of("e1.h5", "e2.h5", "e3.h5"), every.saved);
    }

    @Test
    void checkpointValidatesExtensionsAndKeys() {
        Sequential m = model(new ByteArrayOutputStream());
        RecordingCheckpoint w = new RecordingCheckpoint("w.keras");
        w.saveWeightsOnly(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> drive(w, m, "loss", 1));
        assertTrue(e.getMessage().contains(".weights.h5"), e.getMessage());
        RecordingCheckpoint bad = new RecordingCheckpoint("model.pt");
        assertThrows(IllegalArgumentException.class, () -> drive(bad, m, "loss", 1));
        RecordingCheckpoint missing = new RecordingCheckpoint("{val_acc:.2f}.keras");
        e = assertThrows(IllegalArgumentException.class, () -> drive(missing, m, "loss", 1));
        assertTrue(e.getMessage().contains("val_acc"), e.getMessage());
    }

    @Test
    void checkpointSaveFreqInBatches() {
        Sequential m = model(new ByteArrayOutputStream());
        RecordingCheckpoint cp = new RecordingCheckpoint("b{epoch}-{batch}.weights.h5");
        cp.saveWeightsOnly(true).saveFreq(3);
        Tensor x = Tensor.zeros(10, 2);
        Tensor y = Tensor.zeros(10, 1);
        // 5 batches of 2 per epoch, 2 epochs: saves after batches 3 and 6 (= epoch 2, batch 1) and 9
        m.fit(x, y, new FitOptions().epochs(2).batchSize(2).verbose(0).callbacks(cp));
        assertEquals(List.of("b1-3.weights.h5", "b2-1.weights.h5", "b2-4.weights.h5"), cp.saved);
    }

    @Test
    void reduceLrOnPlateau() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sequential m = model(out);
        ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("val_loss").factor(0.5).patience(2).cooldown(1)
                .minLr(0.02).verbose(1);
        r.setModel(m);
        r.onTrainBegin(new HashMap<>());
        double[] values = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
        List<Float> lrs = new ArrayList<>();
        for (int e = 0; e < values.length; e++) {
            Map<String, Double> logs = new HashMap<>(Map.of("val_loss", values[e]));
            r.onEpochEnd(e, logs);
            assertTrue(logs.containsKey("learning_rate"));
            lrs.add(m.optimizer().learningRate());
        }
        // epoch 0 improves (from inf); waits at 1, 2 -> reduce at 2; epoch 3 ends the cooldown and waits (as
        // Keras does), 4 -> reduce; 5 cooldown+wait, 6 -> reduce, floored at minLr
        assertEquals(List.of(0.1f, 0.1f, 0.05f, 0.05f, 0.025f, 0.025f, 0.02f, 0.02f), lrs);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(
                "\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.05000000074505806.\n"),
                out.toString(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0));
    }

    @Test
    void learningRateSchedulerSetsAndLogsRate() {
        Sequential m = model(new ByteArrayOutputStream());
        Tensor x = Tensor.zeros(4, 2);
        Tensor y = Tensor.zeros(4, 1);
        LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> 0.1 / (epoch + 1));
        History h = m.fit(x, y, new FitOptions().epochs(3).verbose(0).callbacks(s));
        List<Double> lr = h.history().get("learning_rate");
        assertEquals(3, lr.size());
        assertEquals(0.1f / 3, lr.get(2), 1e-7);
    }

    @Test
    void csvLoggerWritesKerasRowsAndAppends(@TempDir Path dir) throws Exception {
        Sequential m = model(new ByteArrayOutputStream());
        Path f = dir.resolve("log.csv");
        CSVLogger log = new CSVLogger(f);
        drive(log, m, "loss", 0.5, 0.25);
        assertEquals("epoch,loss\r\n0,0.5\r\n1,0.25\r\n", Files.readString(f));
        CSVLogger more = new CSVLogger(f.toString(), ";", true);
        drive(more, m, "loss", 0.125);
        assertEquals("epoch,loss\r\n0,0.5\r\n1,0.25\r\n0;0.125\r\n", Files.readString(f));
    }

    @Test
    void terminateOnNaNStopsAndReportsTheBatch() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sequential m = model(out);
        Tensor x = Tensor.of(new float[]{1, 1, 1, 1, Float.NaN, 1, 1, 1}, 4, 2);
        Tensor y = Tensor.zeros(4, 1);
        TerminateOnNaN t = new TerminateOnNaN();
        History h = m.fit(x, y, new FitOptions().epochs(5).batchSize(1).shuffle(false).verbose(0)
                .stopOnNaN(false).callbacks(t));
        assertEquals(2, t.terminatedBatch());
        assertEquals(0, t.terminatedEpoch());
        assertEquals(1, h.history().get("loss").size());
        assertEquals("Batch 2: Invalid loss, terminating training\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lambdaCallbackCallsItsHooks() {
        Sequential m = model(new ByteArrayOutputStream());
        List<String> calls = new ArrayList<>();
        LambdaCallback cb = new LambdaCallback()
                .onTrainBegin(l -> calls.add("tb"))
                .onEpochBegin((e, l) -> calls.add("eb" + e))
                .onBatchEnd((b, l) -> calls.add("be" + b))
                .onEpochEnd((e, l) -> calls.add("ee" + e + (l.containsKey("loss") ? "+loss" : "")))
                .onTrainEnd(l -> calls.add("te"));
        m.fit(Tensor.zeros(4, 2), Tensor.zeros(4, 1), new FitOptions().epochs(2).batchSize(2).verbose(0).callbacks(cb));
        assertEquals(List.of("tb", "eb0", "be0", "be1", "ee0+loss", "eb1", "be0", "be1", "ee1+loss", "te"), calls);
        assertFalse(calls.isEmpty());
    }

    @Test
    void kerasOldBatchHookNamesAreCalled() {
        Sequential m = model(new ByteArrayOutputStream());
        List<Integer> ends = new ArrayList<>();
        Callback cb = new Callback() {
            @Override
            public void onBatchEnd(int batch, Map<String, Double> logs) {
                ends.add(batch);
            }
        };
        m.fit(Tensor.zeros(6, 2), Tensor.zeros(6, 1), new FitOptions().epochs(1).batchSize(2).verbose(0).callbacks(cb));
        assertEquals(List.of(0, 1, 2), ends);
    }

    @Test
    void pyTemplateFormatsLikePython() {
        assertEquals("03", PyTemplate.formatValue(3, "02d"));
        assertEquals("0.1235", PyTemplate.formatValue(0.123456, ".4f"));
        assertEquals("1.2346e-04", PyTemplate.formatValue(0.000123456, ".4e"));
        assertEquals("0.000123", PyTemplate.formatValue(0.000123, "g"));
        assertEquals("1.23e+07", PyTemplate.formatValue(12300000.0, ".3g"));
        assertEquals("  3.5", PyTemplate.formatValue(3.5, "5.1f"));
        assertEquals("50.0%", PyTemplate.formatValue(0.5, ".1%"));
        assertEquals("0.1", PyTemplate.repr(0.1));
        assertEquals("1e-05", PyTemplate.repr(1e-5));
        assertEquals("0.0001", PyTemplate.repr(1e-4));
        assertEquals("2.0", PyTemplate.repr(2));
        assertEquals("1e+16", PyTemplate.repr(1e16));
        assertEquals("0.6931471824645996", PyTemplate.repr((float) Math.log(2)));
        assertEquals("w{1}.keras", PyTemplate.format("w{{{epoch}}}.keras", Map.of("epoch", 1)));
    }
}
