package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Layer;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveLoadTest {

    @TempDir
    Path dir;

    static Sequential denseModel() {
        Sequential m = new Sequential();
        m.add(new Dense(8, "relu").inputShape(4));
        m.add(new Dropout(0.25));
        m.add(new Dense(3, "softmax").name("out"));
        return m;
    }

    static Sequential convModel() {
        Sequential m = new Sequential();
        m.add(new Conv2D(3, 3).activation("relu").inputShape(6, 6, 2));
        m.add(new MaxPooling2D(2));
        m.add(new BatchNormalization());
        m.add(new Flatten());
        m.add(new Dense(2));
        return m;
    }

    static Sequential rnnModel(boolean lstm) {
        Sequential m = new Sequential();
        m.add(lstm ? new LSTM(4).inputShape(5, 3) : new GRU(4).inputShape(5, 3));
        m.add(new Dense(2));
        return m;
    }

    static void assertSamePredictions(Model a, Model b, Tensor x) {
        assertArrayEquals(a.predict(x, 32, 0).toFloatArray(), b.predict(x, 32, 0).toFloatArray(), 0f);
    }

    static void assertSameWeights(Model a, Model b) {
        List<Tensor> wa = a.getWeights();
        List<Tensor> wb = b.getWeights();
        assertEquals(wa.size(), wb.size());
        for (int i = 0; i < wa.size(); i++) {
            assertArrayEquals(wa.get(i).shape(), wb.get(i).shape());
            assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray(), 0f, "weight " + i);
        }
    }

    private void roundTrip(Sequential m, Tensor x, String file) {
        Path p = dir.resolve(file);
        m.save(p);
        Model back = Model.load(p);
        assertInstanceOf(Sequential.class, back);
        assertEquals(m.layers().size(), back.layers().size());
        for (int i = 0; i < m.layers().size(); i++) {
            Layer a = m.layers().get(i);
            Layer b = back.layers().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.getClass(), b.getClass());
            assertEquals(a.getConfig().toString(), b.getConfig().toString());
        }
        assertSameWeights(m, back);
        assertSamePredictions(m, back, x);
    }

    @Test
    void denseRoundTripsInBothFormats() {
        Ganglion.setRandomSeed(1);
        Sequential m = denseModel();
        Tensor x = GradCheck.uniform(3, 5, 4);
        roundTrip(m, x, "d.keras");
        roundTrip(m, x, "d.h5");
    }

    @Test
    void convAndBatchNormRoundTrip() {
        Ganglion.setRandomSeed(2);
        Sequential m = convModel();
        Tensor x = GradCheck.uniform(4, 3, 6, 6, 2);
        m.compile("adam", "mse");
        m.fit(x, GradCheck.uniform(5, 3, 2), new FitOptions().epochs(1).batchSize(2).verbose(0));
        roundTrip(m, x, "c.keras");
        roundTrip(m, x, "c.h5");
    }

    @Test
    void recurrentRoundTrip() {
        Ganglion.setRandomSeed(3);
        Tensor x = GradCheck.uniform(6, 2, 5, 3);
        roundTrip(rnnModel(true), x, "l.keras");
        roundTrip(rnnModel(true), x, "l.h5");
        roundTrip(rnnModel(false), x, "g.keras");
        roundTrip(rnnModel(false), x, "g.h5");
    }

    @Test
    void weightsOnlyInBothLayouts() {
        Ganglion.setRandomSeed(4);
        Sequential a = convModel();
        Sequential b = convModel();
        Tensor x = GradCheck.uniform(7, 2, 6, 6, 2);
        for (String f : new String[]{"w.weights.h5", "w.h5"}) {
            a.saveWeights(dir.resolve(f));
            Sequential c = convModel();
            c.loadWeights(dir.resolve(f));
            assertSameWeights(a, c);
            assertSamePredictions(a, c, x);
        }
        // loading weights from a whole-model file works too
        a.save(dir.resolve("whole.keras"));
        b.loadWeights(dir.resolve("whole.keras"));
        assertSameWeights(a, b);
    }

    @Test
    void compileStateAndOptimizerAreRestored() {
        Ganglion.setRandomSeed(5);
        Sequential m = denseModel();
        m.compile(new ganglion.optimizers.Adam(0.01f), "categorical_crossentropy", "accuracy");
        Tensor x = GradCheck.uniform(8, 10, 4);
        Tensor y = ganglion.utils.Utils.toCategorical(Tensor.of(new float[]{0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 10), 3);
        m.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0).shuffle(false));
        for (String f : new String[]{"o.keras", "o.h5"}) {
            m.save(dir.resolve(f));
            Model back = Model.load(dir.resolve(f));
            assertTrue(back.isCompiled());
            assertEquals("adam", back.optimizer().name());
            assertEquals(0.01f, back.optimizer().learningRate());
            assertEquals(m.optimizer().iterations(), back.optimizer().iterations());
            List<Tensor> s1 = m.optimizer().stateTensors();
            List<Tensor> s2 = back.optimizer().stateTensors();
            assertEquals(s1.size(), s2.size());
            for (int i = 0; i < s1.size(); i++) {
                assertArrayEquals(s1.get(i).toFloatArray(), s2.get(i).toFloatArray(), 0f);
            }
            assertEquals(m.evaluate(x, y, 32, 0), back.evaluate(x, y, 32, 0));
        }
    }
}
