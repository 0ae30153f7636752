package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializers;
import ganglion.regularizers.Regularizers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerTest {

    /** A BatchNormalization-like layer: creates a non-trainable weight before a trainable one. */
    static final class Scale extends Layer {
        Variable moving;
        Variable gamma;

        @Override
        protected void build(int[] inputShape) {
            int n = inputShape[inputShape.length - 1];
            moving = addWeight("moving", new int[]{n}, Initializers.ZEROS, null, false);
            gamma = addWeight("gamma", new int[]{n}, Initializers.ONES, Regularizers.l2(1));
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return inputShape.clone();
        }

        @Override
        public Tensor call(Tensor input, boolean training) {
            return input.mul(gamma.value()).add(moving.value());
        }
    }

    @BeforeEach
    void resetNames() {
        NameScope.clear();
    }

    @Test
    void defaultNamesAreKerasStyleAndAssignedAtConstruction() {
        Dense a = new Dense(1);
        Dense b = new Dense(1);
        Flatten f = new Flatten();
        assertEquals("dense", a.name());
        assertEquals("dense_1", b.name());
        assertEquals("flatten", f.name());
        assertEquals("dropout", new Dropout(0.1).name());
        assertEquals("activation", new Activation("relu").name());
        assertEquals("reshape", new Reshape(2).name());
        assertEquals("input_layer", new InputLayer(3).name());
        assertEquals("scale", new Scale().name());
        assertEquals("dense_2", new Dense(1).name());
    }

    @Test
    void anExplicitNameGivesTheDefaultBack() {
        assertEquals("dense", new Dense(1).name());
        assertEquals("head", new Dense(1).name("head").name());
        assertEquals("dense_1", new Dense(1).name());
        Dense c = new Dense(1);
        new Dense(1);
        c.name("late");   // not the latest default any more: nothing is given back
        assertEquals("dense_4", new Dense(1).name());
    }

    @Test
    void namesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Dense(1).name(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(1).name("a/b"));
        assertTrue(e.getMessage().contains("cannot contain character `/`"), e.getMessage());
    }

    @Test
    void renamingUpdatesVariablePaths() {
        Dense d = new Dense(2);
        d.ensureBuilt(new int[]{3});
        assertEquals("dense/kernel", d.kernel().path());
        d.name("out");
        assertEquals("out/kernel", d.kernel().path());
        assertEquals("out/bias", d.bias().path());
    }

    @Test
    void inputShapeIsValidatedAndRemembered() {
        assertNull(new Dense(1).declaredInputShape());
        assertArrayEquals(new int[]{28, 28, 1}, new Flatten().inputShape(28, 28, 1).declaredInputShape());
        assertArrayEquals(new int[]{-1, 4}, new Dense(2).inputShape(-1, 4).declaredInputShape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(2).inputShape(0, 3));
        assertTrue(e.getMessage().startsWith("Layer 'dense_"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dense(2).inputShape(-2));
    }

    @Test
    void buildHappensOnceAndRecordsShapes() {
        Scale s = new Scale();
        assertFalse(s.isBuilt());
        assertNull(s.outputShape());
        assertNull(s.builtInputShape());
        assertNull(s.getBuildConfig());
        s.ensureBuilt(new int[]{4});
        Variable first = s.gamma;
        s.ensureBuilt(new int[]{4});
        assertTrue(s.isBuilt());
        assertEquals(first, s.gamma);
        assertArrayEquals(new int[]{4}, s.builtInputShape());
        assertArrayEquals(new int[]{4}, s.outputShape());
        assertEquals("{input_shape=[null, 4]}", s.getBuildConfig().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.ensureBuilt(new int[]{5}));
        assertTrue(e.getMessage().startsWith("Layer 'scale' (Scale) expects input of shape (None, 4) but received "
                + "input with shape (None, 5)."), e.getMessage());
    }

    @Test
    void unknownLengthsMatchAnything() {
        Flatten f = new Flatten();
        f.ensureBuilt(new int[]{-1, 3});
        f.ensureBuilt(new int[]{7, 3});
        assertThrows(IllegalArgumentException.class, () -> f.ensureBuilt(new int[]{7, 4}));
        assertThrows(IllegalArgumentException.class, () -> f.ensureBuilt(new int[]{7, 3, 1}));
    }

    @Test
    void applyRejectsScalarsAndBuildsFromTheData() {
        Scale s = new Scale();
        assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.scalar(1f), false));
        Tensor y = s.apply(Tensor.ones(2, 3));
        assertTrue(s.isBuilt());
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1}, y.toFloatArray());
    }

    @Test
    void weightsComeInKerasOrderTrainableFirst() {
        Scale s = new Scale();
        s.ensureBuilt(new int[]{3});
        assertEquals(List.of(s.gamma, s.moving), s.variables());
        assertEquals(List.of(s.gamma), s.trainableVariables());
        assertEquals(List.of(s.moving), s.nonTrainableVariables());
        List<Tensor> w = s.getWeights();
        assertArrayEquals(new float[]{1, 1, 1}, w.get(0).toFloatArray());
        assertArrayEquals(new float[]{0, 0, 0}, w.get(1).toFloatArray());
        assertEquals(6, s.countParams());
    }

    @Test
    void getWeightsCopiesAndSetWeightsAssigns() {
        Scale s = new Scale();
        s.ensureBuilt(new int[]{2});
        List<Tensor> w = s.getWeights();
        w.get(0).buffer()[0] = 9f;
        assertEquals(1f, s.gamma.value().get(0));
        s.setWeights(List.of(Tensor.of(2f, 3f), Tensor.of(-1f, 1f)));
        assertArrayEquals(new float[]{2, 3}, s.gamma.value().toFloatArray());
        assertArrayEquals(new float[]{-1, 1}, s.moving.value().toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.setWeights(List.of(Tensor.of(1f))));
        assertEquals("Layer 'scale' (Scale) has 2 weights but 1 were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.setWeights(List.of(Tensor.of(1f, 2f, 3f), Tensor.of(1f, 1f))));
        assertEquals("Layer 'scale' (Scale): weight 0 ('gamma') has shape (2,) but the value given has shape (3,)",
                e.getMessage());
        assertArrayEquals(new float[]{2, 3}, s.gamma.value().toFloatArray(), "a failed setWeights changes nothing");
        e = assertThrows(IllegalArgumentException.class, () -> new Dense(2).setWeights(List.of(Tensor.ones(2))));
        assertTrue(e.getMessage().contains("not built yet"), e.getMessage());
    }

    @Test
    void freezingKeepsTheOrderAndUnfreezingSparesMovingStatistics() {
        Scale s = new Scale();
        s.ensureBuilt(new int[]{3});
        s.setTrainable(false);
        assertFalse(s.isTrainable());
        assertTrue(s.trainableVariables().isEmpty());
        assertEquals(List.of(s.gamma, s.moving), s.nonTrainableVariables());
        assertEquals(List.of(s.gamma, s.moving), s.variables());
        assertFalse(s.gamma.trainable());
        assertNull(s.regularizationLoss(), "a frozen layer's weights add no penalty");
        s.setTrainable(true);
        assertTrue(s.gamma.trainable());
        assertFalse(s.moving.trainable());
        assertEquals(List.of(s.gamma), s.trainableVariables());
    }

    @Test
    void aLayerFrozenBeforeBuildingCanBeUnfrozen() {
        Dense d = new Dense(2);
        d.setTrainable(false);
        d.ensureBuilt(new int[]{3});
        assertTrue(d.trainableVariables().isEmpty());
        d.setTrainable(true);
        assertEquals(List.of(d.kernel(), d.bias()), d.trainableVariables());
    }

    @Test
    void regularizationLossSumsWeightPenalties() {
        Scale s = new Scale();
        s.ensureBuilt(new int[]{3});
        assertEquals(3f, s.regularizationLoss().item(), 1e-6);
        assertNull(new Flatten().regularizationLoss());
    }

    @Test
    void baseConfigHasNameTrainableAndDtypePolicy() {
        Scale s = new Scale();
        s.setTrainable(false);
        assertEquals("{name=scale, trainable=false, dtype={module=keras, class_name=DTypePolicy, "
                + "config={name=float32}, registered_name=null}}", s.getConfig().toString());
        assertEquals("Layer 'scale' (Scale)", s.describe());
        assertEquals("scale (Scale)", s.toString());
    }

    @Test
    void withBatchPrintsNoneForUnknownAxes() {
        assertEquals("(None, 28, 28, 1)", Layer.withBatch(new int[]{28, 28, 1}));
        assertEquals("(None, None, 5)", Layer.withBatch(new int[]{-1, 5}));
        assertEquals("(None)", Layer.withBatch(new int[0]));
    }

    @Test
    void symbolicApplyTakesOneInputByDefault() {
        SymbolicTensor a = Input.of(3);
        SymbolicTensor b = Input.of(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(2).apply(a, b));
        assertTrue(e.getMessage().contains("takes one input but was called on 2 inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dense(2).apply(new SymbolicTensor[0]));
    }

    @Test
    void concurrentPredictionsOnABuiltLayer() throws Exception {
        Dense d = new Dense(32, "relu");
        d.ensureBuilt(new int[]{64});
        List<Tensor> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Tensor x = Tensor.randomNormal(8, 64);
            inputs.add(x);
            expected.add(d.apply(x, false).toFloatArray());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int rep = 0; rep < 4; rep++) {
                for (Tensor x : inputs) {
                    results.add(pool.submit(() -> d.apply(x, false).toFloatArray()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % inputs.size()), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentFirstCallsBuildOnce() throws Exception {
        Dense d = new Dense(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tensor>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fs.add(pool.submit(() -> d.apply(Tensor.ones(2, 3), false)));
            }
            float[] first = fs.get(0).get().toFloatArray();
            for (Future<Tensor> f : fs) {
                assertArrayEquals(first, f.get().toFloatArray());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, d.variables().size());
    }
}
