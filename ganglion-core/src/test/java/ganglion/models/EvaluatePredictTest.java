package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.layers.NameScope;
import ganglion.layers.Layer;
import ganglion.models.TestKit.Dense;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatePredictTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(3);
    }

    @Test
    void evaluateReturnsLossAndMetricsComputedOverAllSamples() {
        Sequential m = new Sequential(new Dense(1).inputShape(2));
        m.compile(new TestKit.Sgd(0.1f), new TestKit.Mse(), new TestKit.Mae());
        m.setWeights(List.of(Tensor.of(new float[]{1, 1}, 2, 1), Tensor.zeros(1)));
        Tensor x = Tensor.of(new float[]{1, 0, 0, 1, 1, 1}, 3, 2);
        Tensor y = Tensor.of(new float[]{2, 1, 2}, 3, 1);
        // predictions 1, 1, 2: errors 1, 0, 0 → mse 1/3, mae 1/3, whatever the batch size
        Map<String, Double> r = m.evaluate(x, y, 2, 0);
        assertEquals(List.of("loss", "mae"), new ArrayList<>(r.keySet()));
        assertEquals(1.0 / 3, r.get("loss"), 1e-6);
        assertEquals(1.0 / 3, r.get("mae"), 1e-6);
        m.setOutput(out);
        Map<String, Double> d = m.evaluate(x, y);
        assertEquals(r.keySet(), d.keySet());
        assertEquals(r.get("loss"), d.get("loss"), 1e-6);
        String num = "\\d+\\.\\d{4}";
        assertTrue(bytes.toString(StandardCharsets.UTF_8).matches("1/1 ━{20} \\d+s \\d+(s|ms|us)/step - loss: " + num
                + " - mae: " + num + "\n"), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluateVerbose2PrintsOneLine() {
        Sequential m = TestKit.regressionModel();
        m.setOutput(out);
        Tensor[] d = TestKit.linearData(20, 1);
        m.evaluate(d[0], d[1], 8, 2);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).matches("3/3 - \\d+s - \\d+(s|ms|us)/step - loss: \\S+ - mae: \\S+\n"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void predictNeedsNoCompileAndBatches() {
        Sequential m = new Sequential(new Dense(3, "relu").inputShape(4), new Dense(2, "softmax"));
        Tensor x = Tensor.randomNormal(70, 4);
        Tensor all = m.predict(x, 70, 0);
        Tensor batched = m.predict(x, 16, 0);
        assertArrayEquals(new int[]{70, 2}, batched.shape());
        assertArrayEquals(all.toFloatArray(), batched.toFloatArray(), 1e-6f);
        Tensor manual;
        try (Autograd.Scope s = Autograd.noGrad()) {
            manual = m.layers().get(1).apply(m.layers().get(0).apply(x, false), false);
        }
        assertTrue(manual.allClose(all, 1e-6f, 1e-6f));
        assertFalse(batched.requiresGrad(), "no autograd history on predictions");
    }

    @Test
    void predictPrintsAProgressLineByDefault() {
        Sequential m = new Sequential(new Dense(2).inputShape(4));
        m.setOutput(out);
        m.predict(Tensor.ones(70, 4));
        m.predict(Tensor.ones(70, 4), 10);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).matches(
                "3/3 ━{20} \\d+s \\d+(s|ms|us)/step\n7/7 ━{20} \\d+s \\d+(s|ms|us)/step\n"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void predictFromEightThreadsEqualsSingleThreaded() throws Exception {
        // the real layers, built on first use (under the model's lock)
        Sequential m = new Sequential(new ganglion.layers.Dense(16, "relu"), new ganglion.layers.Dense(4, "softmax"));
        Tensor x = Tensor.randomNormal(200, 8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Tensor>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(() -> m.predict(x, 7, 0));
            }
            List<Future<Tensor>> results = pool.invokeAll(jobs);
            Tensor single = m.predict(x, 7, 0);
            for (Future<Tensor> f : results) {
                assertArrayEquals(single.toFloatArray(), f.get().toFloatArray());
            }
            assertEquals(8 * 16 + 16 + 16 * 4 + 4, m.countParams(), "built once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelWithoutCallExplainsItself() {
        Model bare = new Model() {
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> bare.call(Tensor.ones(1, 1), false));
        assertTrue(e.getMessage().contains("override call()"), e.getMessage());
        assertTrue(bare.layers().isEmpty());
        assertEquals(0, bare.countParams());
    }

    @Test
    void subclassedModelsTrainThroughTheirOwnCall() {
        Dense hidden = new Dense(4, "relu");
        Dense head = new Dense(1);
        Model custom = new Model() {
            @Override
            public List<Layer> layers() {
                return List.of(hidden, head);
            }

            @Override
            protected void build(int[] in) {
                hidden.ensureBuilt(in);
                head.ensureBuilt(hidden.outputShape());
            }

            @Override
            public int[] computeOutputShape(int[] in) {
                return new int[]{1};
            }

            @Override
            public Tensor call(Tensor x, boolean training) {
                return head.apply(hidden.apply(x, training), training);
            }
        };
        custom.compile(new TestKit.Adam(0.01f), new TestKit.Mse());
        Tensor[] d = TestKit.linearData(64, 2);
        History h = custom.fit(d[0], d[1], new FitOptions().epochs(5).verbose(0));
        assertTrue(h.history().get("loss").get(4) < h.history().get("loss").get(0));
        assertEquals(4, custom.trainableVariables().size());
    }
}
