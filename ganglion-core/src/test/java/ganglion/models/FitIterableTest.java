package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.NameScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit, evaluate and predict on an Iterable of {x, y} batches (Keras's generators), and stepsPerEpoch. */
class FitIterableTest {

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

    /** The rows of x and y in batches of {@code batch}, in order. */
    private static List<Tensor[]> batches(Tensor x, Tensor y, int batch) {
        List<Tensor[]> list = new ArrayList<>();
        int n = x.shape(0);
        for (int s = 0; s < n; s += batch) {
            int e = Math.min(n, s + batch);
            list.add(new Tensor[]{rows(x, s, e), rows(y, s, e)});
        }
        return list;
    }

    private static Tensor rows(Tensor t, int s, int e) {
        int inner = (int) (t.size() / t.shape(0));
        float[] d = new float[(e - s) * inner];
        System.arraycopy(t.buffer(), s * inner, d, 0, d.length);
        int[] shape = t.shape().clone();
        shape[0] = e - s;
        return Tensor.wrap(d, shape);
    }

    /** An endless generator cycling over the batches, as ImageDataGenerator.flow is. */
    private static Iterable<Tensor[]> endless(List<Tensor[]> list, int[] served) {
        return () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Tensor[] next() {
                served[0]++;
                return list.get(i++ % list.size());
            }
        };
    }

    @Test
    void fitOnAListMatchesFitOnTensorsWithoutShuffling() {
        Tensor[] d = TestKit.linearData(64, 3);
        Sequential a = TestKit.regressionModel();
        History ha = a.fit(d[0], d[1], new FitOptions().epochs(3).batchSize(16).shuffle(false).verbose(0));
        NameScope.clear();
        Ganglion.setRandomSeed(42);
        Sequential b = TestKit.regressionModel();
        History hb = b.fit(batches(d[0], d[1], 16), new FitOptions().epochs(3).verbose(0));
        assertEquals(ha.history().get("loss"), hb.history().get("loss"));
        assertArrayEquals(a.predict(d[0], 32, 0).buffer(), b.predict(d[0], 32, 0).buffer());
    }

    @Test
    void stepsPerEpochDrawsFromAnEndlessGeneratorAndCarriesOver() {
        Tensor[] d = TestKit.linearData(40, 2);
        List<Tensor[]> list = batches(d[0], d[1], 8);
        int[] served = {0};
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        History h = m.fit(endless(list, served), new FitOptions().epochs(3).stepsPerEpoch(7).verbose(2));
        assertEquals(3, h.history().get("loss").size());
        assertEquals(21, served[0], "7 steps x 3 epochs, the first batch read ahead once");
        assertTrue(printed().contains("7/7 - "), printed());
    }

    @Test
    void unknownStepsShowUnknownThenTheCountSeen() {
        Tensor[] d = TestKit.linearData(40, 2);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(batches(d[0], d[1], 8), new FitOptions().epochs(2).verbose(1));
        String p = printed();
        assertTrue(p.contains("5/5"), p);
        assertTrue(p.contains("Epoch 2/2"), p);
    }

    @Test
    void progbarPrintsUnknownWhileRunning() {
        ganglion.callbacks.Progbar bar = new ganglion.callbacks.Progbar(ganglion.callbacks.Progbar.UNKNOWN, 1, out,
                true);
        bar.update(3, Map.of("loss", 0.5), false);
        assertTrue(printed().contains("      3/Unknown"), printed());
        bar.setTarget(3);
        bar.update(3, Map.of("loss", 0.5), true);
        assertTrue(printed().contains("3/3"), printed());
    }

    @Test
    void evaluateAndPredictOnBatches() {
        Tensor[] d = TestKit.linearData(50, 5);
        Sequential m = TestKit.regressionModel();
        m.fit(d[0], d[1], new FitOptions().epochs(2).verbose(0));
        List<Tensor[]> list = batches(d[0], d[1], 16);
        Map<String, Double> a = m.evaluate(d[0], d[1], 16, 0);
        Map<String, Double> b = m.evaluate(list, 0, 0);
        assertEquals(a.get("loss"), b.get("loss"), 1e-6);
        assertEquals(a.keySet(), b.keySet());
        Tensor p = m.predict(list, 0, 0);
        assertArrayEquals(new int[]{50, 1}, p.shape());
        assertArrayEquals(m.predict(d[0], 16, 0).buffer(), p.buffer());
        Tensor p2 = m.predict(list, 2, 0);
        assertArrayEquals(new int[]{32, 1}, p2.shape());
        List<Tensor[]> xOnly = new ArrayList<>();
        for (Tensor[] b2 : list) {
            xOnly.add(new Tensor[]{b2[0]});
        }
        assertArrayEquals(p.buffer(), m.predict(xOnly, 0, 0).buffer());
    }

    @Test
    void badBatchesAreExplained() {
        Tensor[] d = TestKit.linearData(16, 1);
        Sequential m = TestKit.regressionModel();
        FitOptions o = new FitOptions().verbose(0);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> m.fit(List.of(), o));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        List<Tensor[]> noY = List.<Tensor[]>of(new Tensor[]{d[0]});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(noY, o));
        assertTrue(e.getMessage().contains("{x, y}"), e.getMessage());
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> m.fit(batches(d[0], d[1], 4), new FitOptions().validationSplit(0.2).verbose(0)));
        assertTrue(split.getMessage().contains("validationData"), split.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().stepsPerEpoch(-1));
    }

    @Test
    void validationDataWorksWithBatches() {
        Tensor[] d = TestKit.linearData(32, 4);
        Sequential m = TestKit.regressionModel();
        History h = m.fit(batches(d[0], d[1], 8), new FitOptions().epochs(2).validationData(d[0], d[1]).verbose(0));
        assertEquals(2, h.history().get("val_loss").size());
    }

    @Test
    void stepsPerEpochOnTensorsShortensTheEpoch() {
        Tensor[] d = TestKit.linearData(64, 4);
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        m.fit(d[0], d[1], new FitOptions().batchSize(8).stepsPerEpoch(3).verbose(2));
        assertTrue(printed().contains("3/3 - "), printed());
    }
}
