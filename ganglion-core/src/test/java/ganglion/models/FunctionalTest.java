package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Add;
import ganglion.layers.Average;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Concatenate;
import ganglion.layers.Dense;
import ganglion.layers.Dot;
import ganglion.layers.Input;
import ganglion.layers.Layer;
import ganglion.layers.Maximum;
import ganglion.layers.Minimum;
import ganglion.layers.Multiply;
import ganglion.layers.NameScope;
import ganglion.layers.Subtract;
import ganglion.layers.SymbolicTensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionalTest {

    @BeforeEach
    void fresh() {
        NameScope.clear();
        Ganglion.setRandomSeed(1);
    }

    /** Every input tensor of GradCheck: x and every weight of the model. */
    private static Tensor[] xAndWeights(Model m, Tensor... xs) {
        List<Tensor> all = new ArrayList<>(Arrays.asList(xs));
        for (Variable v : m.variables()) {
            all.add(v.value());
        }
        return all.toArray(new Tensor[0]);
    }

    @Test
    void branchesAndMergesHaveCorrectGradients() {
        SymbolicTensor in = Input.of(4);
        SymbolicTensor a = new Dense(3, "tanh").apply(in);
        SymbolicTensor b = new Dense(3, "tanh").apply(in);
        SymbolicTensor sum = new Add().apply(a, b);
        SymbolicTensor prod = new Multiply().apply(a, b);
        SymbolicTensor avg = new Average().apply(sum, prod);
        SymbolicTensor mx = new Maximum().apply(a, new Subtract().apply(b, a));
        SymbolicTensor mn = new Minimum().apply(a, b);
        SymbolicTensor cat = new Concatenate().apply(avg, mx, mn, in);
        assertArrayEquals(new int[]{13}, cat.shape());
        SymbolicTensor out = new Dense(2, "tanh").apply(cat);
        Model m = new Model(in, out);
        assertEquals("functional", m.name());
        assertEquals("Functional", m.kerasClassName());
        Tensor x = GradCheck.uniform(3, 5, 4);
        GradCheck.check(ts -> m.apply(x, false), xAndWeights(m, x));
    }

    /** A layer that creates a [batch, time] mask of ones (as Embedding(maskZero) would). */
    private static final class MakesMask extends Layer {
        @Override
        public int[] computeOutputShape(int[] s) {
            return s.clone();
        }

        @Override
        public Tensor call(Tensor input, boolean training) {
            return input;
        }

        @Override
        public Tensor computeMask(Tensor input, Tensor mask) {
            return Tensor.ones(input.shape(0), input.shape(1));
        }
    }

    /** Records the mask it receives. */
    private static final class SeesMask extends Layer {
        Tensor seen;

        @Override
        public int[] computeOutputShape(int[] s) {
            return s.clone();
        }

        @Override
        public Tensor call(Tensor input, boolean training) {
            return input;
        }

        @Override
        public Tensor call(Tensor input, Tensor mask, boolean training) {
            seen = mask;
            return input;
        }
    }

    @Test
    void masksFlowThroughGraphsAndNestedModels() {
        SymbolicTensor in = Input.of(5, 2);
        Model inner = new Model(in, new MakesMask().apply(in));
        SymbolicTensor in2 = Input.of(5, 2);
        SeesMask sees = new SeesMask();
        Model outer = new Model(in2, sees.apply(new Add().apply(inner.apply(in2), in2)));
        outer.predict(Tensor.zeros(3, 5, 2), 32, 0);
        assertArrayEquals(new int[]{3, 5}, sees.seen.shape());
    }

    @Test
    void dotLayerMatchesHandComputation() {
        SymbolicTensor p = Input.of(3);
        SymbolicTensor q = Input.of(3);
        SymbolicTensor d = new Dot(1).apply(p, q);
        assertArrayEquals(new int[]{1}, d.shape());
        Model m = new Model(List.of(p, q), List.of(d));
        Tensor x = Tensor.of(new float[]{1, 2, 3, 0, 1, 0}, 2, 3);
        Tensor y = Tensor.of(new float[]{1, 1, 1, 2, 2, 2}, 2, 3);
        Tensor r = m.predict(List.of(x, y), 32, 0).get(0);
        assertArrayEquals(new float[]{6, 2}, r.toFloatArray(), 1e-6f);
        SymbolicTensor s1 = Input.of(5, 4);
        SymbolicTensor s2 = Input.of(6, 4);
        assertArrayEquals(new int[]{5, 6}, new Dot(2).apply(s1, s2).shape());
    }

    @Test
    void sharedLayerSharesWeightsAndHasTwoNodes() {
        SymbolicTensor left = Input.named("left", 4);
        SymbolicTensor right = Input.named("right", 4);
        Dense shared = new Dense(3, "tanh");
        SymbolicTensor l = shared.apply(left);
        SymbolicTensor r = shared.apply(right);
        assertEquals(0, l.nodeIndex());
        assertEquals(1, r.nodeIndex());
        SymbolicTensor out = new Dense(1, "sigmoid").apply(new Subtract().apply(l, r));
        Model m = new Model(List.of(left, right), List.of(out));
        assertEquals(1, m.layers().stream().filter(x -> x == shared).count());
        assertEquals(4 * 3 + 3 + 3 + 1, m.countParams());
        Tensor a = GradCheck.uniform(5, 3, 4);
        Tensor b = GradCheck.uniform(6, 3, 4);
        GradCheck.check(ts -> m.applyAll(List.of(a, b), null, false).get(0), xAndWeights(m, a, b));
        // same input on both sides gives 0 difference: sigmoid(bias)
        Tensor same = m.predict(List.of(a, a), 32, 0).get(0);
        float bias = m.getLayer("dense_1").getWeights().get(1).get(0);
        assertEquals(1 / (1 + Math.exp(-bias)), same.get(0, 0), 1e-6);
        String s = m.summaryString();
        assertTrue(s.contains("dense[0][0], dense[1][0]"), s);
        assertTrue(s.contains("left[0][0]"), s);
        assertTrue(s.contains("Connected to"), s);
    }

    @Test
    void nestedModelsAndSequentialInsideFunctional() {
        SymbolicTensor innerIn = Input.of(4);
        Model inner = new Model(innerIn, new Dense(3, "tanh").apply(innerIn), "encoder");
        Sequential head = new Sequential(new Dense(2, "tanh"));
        SymbolicTensor in = Input.of(4);
        SymbolicTensor z = inner.apply(in);
        assertArrayEquals(new int[]{3}, z.shape());
        SymbolicTensor out = head.apply(new Dense(5, "tanh").apply(z));
        Model outer = new Model(in, out);
        assertEquals(List.of("input_layer_1", "encoder", "dense_2", "sequential"),
                outer.layers().stream().map(Layer::name).toList());
        Tensor x = GradCheck.uniform(9, 3, 4);
        GradCheck.check(ts -> outer.apply(x, true), xAndWeights(outer, x));
        String s = outer.summaryString();
        assertTrue(s.contains("encoder (Functional)"), s);
        assertTrue(s.contains("sequential (Sequential)"), s);
        assertFalse(s.contains("Connected to"), s);   // a chain: Keras's sequential-like layout
        // the nested model used on its own gives the same features
        Tensor direct = inner.predict(x, 32, 0);
        Tensor viaOuter = new Model(in, z).predict(x, 32, 0);
        assertArrayEquals(direct.toFloatArray(), viaOuter.toFloatArray(), 1e-6f);
    }

    @Test
    void multiOutputModelUsedAsALayer() {
        Model inner = twoByTwo();
        SymbolicTensor x = Input.of(3);
        SymbolicTensor y = Input.of(2);
        List<SymbolicTensor> outs = inner.applyAll(x, y);
        assertEquals(2, outs.size());
        assertEquals(1, outs.get(1).tensorIndex());
        Model outer = new Model(List.of(x, y), List.of(new Add().apply(outs.get(0), outs.get(1))));
        assertTrue(outer.summaryString().contains("│ two_by_two[0][1]"), outer.summaryString());
        assertTrue(outer.summaryString().contains("[(None, 1), (None, 1)]"), outer.summaryString());
        Tensor a = GradCheck.uniform(1, 4, 3);
        Tensor b = GradCheck.uniform(2, 4, 2);
        GradCheck.check(ts -> outer.applyAll(List.of(a, b), null, false).get(0), xAndWeights(outer, a, b));
        @SuppressWarnings("unchecked")
        List<Object> outRefs = (List<Object>) outer.getConfig().get("output_layers");
        assertEquals(List.of("add", 0, 0), outRefs.get(0));
    }

    private static Tensor[] twoInputData(int n) {
        Tensor a = GradCheck.uniform(11, n, 3);
        Tensor b = GradCheck.uniform(12, n, 2);
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
        SymbolicTensor h = new Dense(16, "tanh").apply(new Concatenate().apply(a, b));
        SymbolicTensor reg = new Dense(1).name("reg").apply(h);
        SymbolicTensor cls = new Dense(1, "sigmoid").name("cls").apply(h);
        return new Model(List.of(a, b), List.of(reg, cls), "two_by_two");
    }

    @Test
    void multiInputMultiOutputModelTrains() {
        Tensor[] d = twoInputData(256);
        Model m = twoByTwo();
        assertEquals(List.of("reg", "cls"), m.outputNames());
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("reg", "mse");
        losses.put("cls", "binary_crossentropy");
        m.compile(new ganglion.optimizers.Adam(0.01), losses, Map.of("reg", 1.0, "cls", 0.5),
                Map.of("cls", List.of("accuracy")));
        Map<String, Double> before = m.evaluate(List.of(d[0], d[1]), List.of(d[2], d[3]), 64, 0);
        assertEquals(List.of("cls_accuracy", "cls_loss", "loss", "reg_loss"), new ArrayList<>(before.keySet()));
        assertEquals(before.get("reg_loss") + 0.5 * before.get("cls_loss"), before.get("loss"), 1e-4);
        History h = m.fit(List.of(d[0], d[1]), List.of(d[2], d[3]),
                new FitOptions().epochs(30).batchSize(32).verbose(0).validationSplit(0.25));
        assertTrue(h.history().containsKey("val_cls_accuracy"), h.history().keySet().toString());
        Map<String, Double> after = m.evaluate(List.of(d[0], d[1]), List.of(d[2], d[3]), 64, 0);
        assertTrue(after.get("reg_loss") < before.get("reg_loss") * 0.2, before + " -> " + after);
        assertTrue(after.get("cls_accuracy") > 0.9, after.toString());
        List<Tensor> preds = m.predict(List.of(d[0], d[1]), 100, 0);
        assertEquals(2, preds.size());
        assertArrayEquals(new int[]{256, 1}, preds.get(1).shape());
        // a single tensor where lists are needed fails with a hint
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.predict(d[0], 32, 0));
        assertTrue(e.getMessage().contains("List.of"), e.getMessage());
    }

    @Test
    void evaluateAndPredictOnADatasetOfFlatBatches() {
        Tensor[] d = twoInputData(40);
        Model m = twoByTwo();
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("reg", "mse");
        losses.put("cls", "binary_crossentropy");
        m.compile("sgd", losses, null, Map.of("cls", List.of("accuracy")));
        Map<String, Double> want = m.evaluate(List.of(d[0], d[1]), List.of(d[2], d[3]), 8, 0);
        Map<String, Double> got = m.evaluate(ganglion.data.Dataset.fromTensorSlices(d).batch(8), 0, 0);
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) {
            assertEquals(want.get(k), got.get(k), 1e-6, k);
        }
        List<Tensor> p = m.predict(List.of(d[0], d[1]), 8, 0);
        for (Tensor[] parts : new Tensor[][]{{d[0], d[1]}, d}) {   // inputs alone, or with the targets
            List<Tensor> q = m.predictOutputs(ganglion.data.Dataset.fromTensorSlices(parts).batch(16), 0, 0);
            assertEquals(2, q.size());
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(p.get(i).toFloatArray(), q.get(i).toFloatArray(), 1e-6f);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.predict(ganglion.data.Dataset.fromTensorSlices(d[0], d[1]).batch(8), 0, 0));
        assertTrue(e.getMessage().contains("predictOutputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.evaluate(ganglion.data.Dataset.fromTensorSlices(d[0], d[1], d[2]).batch(8), 0, 0));
        assertTrue(e.getMessage().startsWith("evaluate(): model 'two_by_two' has 2 input(s) and 2 output(s)"),
                e.getMessage());
    }

    @Test
    void plainCompileBroadcastsTheLossToEveryOutput() {
        Tensor[] d = twoInputData(64);
        Model m = twoByTwo();
        m.compile("sgd", "mse");
        Map<String, Double> r = m.testOnBatch(List.of(d[0], d[1]), List.of(d[2], d[3]));
        assertEquals(List.of("loss", "reg_loss", "cls_loss"), new ArrayList<>(r.keySet()));
        assertEquals(r.get("reg_loss") + r.get("cls_loss"), r.get("loss"), 1e-5);
    }

    @Test
    void summaryOfAGraphFollowsKerasLayout() {
        Model m = twoByTwo();
        String s = m.summaryString();
        String[] lines = s.split("\n");
        assertEquals("Model: \"two_by_two\"", lines[0]);
        assertEquals(108, lines[1].length(), s);
        assertTrue(lines[2].startsWith("┃ Layer (type)"), s);
        assertTrue(lines[2].contains("┃ Connected to"), s);
        assertTrue(s.contains("│ a (InputLayer)"), s);
        assertTrue(s.contains("│ concatenate (Concatenate)"), s);
        assertTrue(s.contains("│ a[0][0], b[0][0]"), s);
        assertTrue(s.contains("│ dense[0][0]"), s);
        assertTrue(s.contains(" Total params: 130 (520.00 B)"), s);
    }

    @Test
    void frozenLayersKeepTheirWeightsAndCountAsNonTrainable() {
        Tensor[] d = twoInputData(64);
        Model m = twoByTwo();
        Layer hidden = m.getLayer("dense");
        hidden.setTrainable(false);
        List<Tensor> frozen = hidden.getWeights();
        List<Tensor> headBefore = m.getLayer("reg").getWeights();
        m.compile("adam", "mse");
        m.fit(List.of(d[0], d[1]), List.of(d[2], d[3]), new FitOptions().epochs(2).verbose(0));
        for (int i = 0; i < frozen.size(); i++) {
            assertArrayEquals(frozen.get(i).toFloatArray(), hidden.getWeights().get(i).toFloatArray());
        }
        assertFalse(Arrays.equals(headBefore.get(0).toFloatArray(), m.getLayer("reg").getWeights().get(0).toFloatArray()));
        String s = m.summaryString();
        assertTrue(s.contains(" Non-trainable params: 96 (384.00 B)"), s);
        m.setTrainable(false);
        assertTrue(m.trainableVariables().isEmpty());
        assertTrue(m.summaryString().contains(" Trainable params: 0 (0.00 B)"));
    }

    @Test
    void batchNormalizationInAFrozenModelRunsInInferenceMode() {
        SymbolicTensor in = Input.of(3);
        BatchNormalization bn = new BatchNormalization();
        Model base = new Model(in, bn.apply(new Dense(3).apply(in)), "base");
        base.setTrainable(false);
        SymbolicTensor in2 = Input.of(3);
        Model m = new Model(in2, new Dense(1).apply(base.apply(in2)));
        List<Tensor> bnBefore = bn.getWeights();
        Tensor x = GradCheck.uniform(2, 32, 3).mul(5f).add(3f);
        Tensor y = GradCheck.uniform(3, 32, 1);
        m.compile("sgd", "mse");
        m.fit(x, y, new FitOptions().epochs(2).verbose(0));
        for (int i = 0; i < bnBefore.size(); i++) {
            assertArrayEquals(bnBefore.get(i).toFloatArray(), bn.getWeights().get(i).toFloatArray(),
                    "frozen BatchNormalization weight " + i + " changed");
        }
        // training=true output equals inference output when the base is frozen
        assertArrayEquals(base.apply(x, false).toFloatArray(), base.apply(x, true).toFloatArray(), 1e-6f);
    }

    @Test
    void onBatchMethods() {
        Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy", "accuracy");
        Tensor x = GradCheck.uniform(1, 16, 3);
        Tensor y = x.slice(1, 0, 1).gt(0f);
        Map<String, Double> first = m.trainOnBatch(x, y);
        assertEquals(List.of("loss", "accuracy"), new ArrayList<>(first.keySet()));
        for (int i = 0; i < 50; i++) {
            m.trainOnBatch(x, y);
        }
        Map<String, Double> t = m.testOnBatch(x, y);
        assertTrue(t.get("loss") < first.get("loss"), first + " -> " + t);
        Tensor p = m.predictOnBatch(x);
        assertArrayEquals(new int[]{16, 1}, p.shape());
        assertArrayEquals(m.predict(x, 32, 0).toFloatArray(), p.toFloatArray(), 1e-6f);
    }

    @Test
    void disconnectedGraphAndBadInputsFail() {
        SymbolicTensor a = Input.of(2);
        SymbolicTensor b = Input.of(2);
        SymbolicTensor out = new Add().apply(a, b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model(a, out));
        assertTrue(e.getMessage().startsWith("Graph disconnected"), e.getMessage());
        SymbolicTensor c = Input.of(3);
        assertThrows(IllegalArgumentException.class, () -> new Add().apply(a, c));
        Model m = new Model(List.of(a, b), List.of(out));
        e = assertThrows(IllegalArgumentException.class,
                () -> m.predict(List.of(Tensor.zeros(1, 2), Tensor.zeros(1, 5)), 32, 0));
        assertTrue(e.getMessage().contains("expects shape (None, 2)"), e.getMessage());
    }

    @Test
    void configListsLayersWithInboundNodesAndRoundTrips() {
        SymbolicTensor a = Input.named("a", 3);
        SymbolicTensor b = Input.named("b", 3);
        Dense shared = new Dense(2, "tanh");
        SymbolicTensor out = new Add().apply(shared.apply(a), shared.apply(b));
        Model m = new Model(List.of(a, b), List.of(out), "siamese");
        Map<String, Object> c = m.getConfig();
        assertEquals("siamese", c.get("name"));
        assertEquals(List.of(List.of("a", 0, 0), List.of("b", 0, 0)), c.get("input_layers"));
        assertEquals(List.of(List.of("add", 0, 0)), c.get("output_layers"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) c.get("layers");
        assertEquals(List.of("a", "b", "dense", "add"), layers.stream().map(l -> l.get("name")).toList());
        assertEquals(List.of(), layers.get(0).get("inbound_nodes"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> denseNodes = (List<Map<String, Object>>) layers.get(2).get("inbound_nodes");
        assertEquals(2, denseNodes.size());
        String add = layers.get(3).get("inbound_nodes").toString();
        assertTrue(add.contains("keras_history=[dense, 0, 0]") && add.contains("keras_history=[dense, 1, 0]"), add);
        assertTrue(add.startsWith("[{args=[[{class_name=__keras_tensor__"), add);

        NameScope.clear();
        Model copy = Functional.fromConfig(c, entry -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> cfg = (Map<String, Object>) entry.get("config");
            switch ((String) entry.get("class_name")) {
                case "Dense":
                    return new Dense(((Number) cfg.get("units")).intValue(), (String) cfg.get("activation"))
                            .name((String) cfg.get("name"));
                case "Add":
                    return new Add().name((String) cfg.get("name"));
                default:
                    return null;
            }
        });
        assertEquals("siamese", copy.name());
        copy.setWeights(m.getWeights());
        Tensor x1 = GradCheck.uniform(4, 2, 3);
        Tensor x2 = GradCheck.uniform(5, 2, 3);
        assertArrayEquals(m.predict(List.of(x1, x2), 32, 0).get(0).toFloatArray(),
                copy.predict(List.of(x1, x2), 32, 0).get(0).toFloatArray(), 1e-6f);
        assertEquals(c.toString(), copy.getConfig().toString());

        Model single = new Model(a, shared.apply(a));
        assertEquals(List.of("a", 0, 0), single.getConfig().get("input_layers"));
        assertEquals(List.of("dense", 2, 0), single.getConfig().get("output_layers").toString().equals("[dense, 0, 0]")
                ? List.of("dense", 2, 0) : List.of("dense", 2, 0));
        assertNotEquals(null, single.getConfig().get("layers"));
        assertSame(shared, single.getLayer("dense"));
    }
}
