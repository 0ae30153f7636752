package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.Input;
import ganglion.layers.InputLayer;
import ganglion.layers.NameScope;
import ganglion.losses.Losses;
import ganglion.metrics.SparseCategoricalAccuracy;
import ganglion.optimizers.SGD;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models API with the real layers, losses, optimizers and metrics, written as a Keras tutorial would. */
class KerasPortTest {

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(7);
    }

    /** Three Gaussian blobs in 2-D, labels 0..2 as class indices. */
    private static Tensor[] blobs(int n, long seed) {
        Random r = new Random(seed);
        float[][] centres = {{2, 2}, {-2, 2}, {0, -2}};
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = centres[c][0] + (float) r.nextGaussian() * 0.5f;
            x[2 * i + 1] = centres[c][1] + (float) r.nextGaussian() * 0.5f;
            y[i] = c;
        }
        return new Tensor[]{Tensor.wrap(x, n, 2), Tensor.wrap(y, n)};
    }

    @Test
    void sparseClassificationLearnsWithStringCompile() {
        Tensor[] d = blobs(300, 1);
        Sequential model = new Sequential();
        model.add(new Dense(16, "relu").inputShape(2));
        model.add(new Dropout(0.1));
        model.add(new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History h = model.fit(d[0], d[1], new FitOptions().epochs(15).batchSize(16).validationSplit(0.2).verbose(0));
        assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"), List.copyOf(h.history().keySet()));
        assertTrue(model.metrics().get(0) instanceof SparseCategoricalAccuracy, "accuracy resolved from the shapes");
        List<Double> acc = h.history().get("val_accuracy");
        assertTrue(acc.get(acc.size() - 1) > 0.9, acc.toString());
        Map<String, Double> r = model.evaluate(d[0], d[1], 32, 0);
        assertTrue(r.get("accuracy") > 0.9, r.toString());
        Tensor probs = model.predict(d[0], 32, 0);
        assertArrayEquals(new int[]{300, 3}, probs.shape());
        assertArrayEquals(probs.toFloatArray(), model.predict(d[0], 7, 0).toFloatArray(), 1e-6f,
                "dropout is off at inference, batching does not matter");
    }

    @Test
    void crossentropyByShapeIsResolvedAtFirstFit() {
        Tensor[] d = blobs(30, 2);
        Sequential model = new Sequential(new Dense(3, "softmax").inputShape(2));
        model.compile(new SGD(0.1f), "crossentropy", "acc");
        assertNull(model.loss(), "resolved from the data");
        model.fit(d[0], d[1], new FitOptions().verbose(0));
        assertEquals("crossentropy", model.loss().name());
        assertEquals(Losses.get("sparse_categorical_crossentropy").getClass(), model.loss().getClass());
        assertEquals("acc", model.metrics().get(0).name());
    }

    @Test
    void unknownNamesFailAtCompile() {
        Sequential model = new Sequential(new Dense(1).inputShape(2));
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
                () -> model.compile("adamm", "mse"));
        assertTrue(o.getMessage().contains("adamm"), o.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> model.compile("adam", "msee"));
        assertTrue(l.getMessage().contains("msee"), l.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> model.compile("adam", "mse", "acuracy"));
        assertTrue(m.getMessage().contains("acuracy"), m.getMessage());
        model.compile("sgd", Losses.get("mse"), "mae");
        model.compile(new SGD(0.01f), "mse", "mae");
        model.compile("rmsprop", "mse", List.of("mae"));
        assertEquals("rmsprop", model.optimizer().name());
    }

    @Test
    void inputsFromInputOfAndInputLayer() {
        Sequential a = new Sequential();
        a.add(Input.of(28, 28));
        a.add(new Flatten());
        a.add(new Dense(10, "softmax"));
        assertArrayEquals(new int[]{10}, a.outputShape());
        assertEquals(2, a.layers().size());
        Sequential b = new Sequential();
        b.add(new InputLayer(4));
        b.add(new Dense(2));
        assertArrayEquals(new int[]{2}, b.outputShape());
        assertEquals(1, b.layers().size());
        assertTrue(b.inputLayer() instanceof InputLayer);
    }

    @Test
    void realDenseShapeErrorSurfacesFromFit() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "accuracy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.fit(Tensor.zeros(4, 32, 32), Tensor.zeros(4, 10), 1, 2));
        assertTrue(e.getMessage().contains("flatten") && e.getMessage().contains("(None, 28, 28)")
                && e.getMessage().contains("(None, 32, 32)"), e.getMessage());
    }
}
