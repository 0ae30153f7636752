package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Layer;
import ganglion.layers.NameScope;
import ganglion.layers.SymbolicTensor;
import ganglion.models.TestKit.Dense;
import ganglion.models.TestKit.Flatten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequentialTest {

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(1);
    }

    @Test
    void defaultNamesFollowCreationOrder() {
        assertEquals("sequential", new Sequential().name());
        assertEquals("sequential_1", new Sequential().name());
        assertEquals("mine", new Sequential().name("mine").name());
    }

    @Test
    void varargsAndListConstructorsAddInOrder() {
        Dense a = new Dense(3);
        Dense b = new Dense(2);
        Sequential m = new Sequential(a, b);
        assertEquals(List.of(a, b), m.layers());
        Sequential n = new Sequential(List.of(new Dense(1)));
        assertEquals(1, n.layers().size());
    }

    @Test
    void addBuildsEachLayerWhenTheInputShapeIsKnown() {
        Sequential m = new Sequential();
        m.add(new Flatten().inputShape(28, 28));
        assertTrue(m.isBuilt());
        m.add(new Dense(128, "relu"));
        m.add(new Dense(10, "softmax"));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[]{784}, m.layers().get(0).outputShape());
        assertArrayEquals(new int[]{128}, m.layers().get(1).outputShape());
        assertArrayEquals(new int[]{10}, m.outputShape());
        assertArrayEquals(new int[]{28, 28}, m.builtInputShape());
        assertEquals(101_770, m.countParams());
    }

    @Test
    void addDefersBuildingWithoutAnInputShape() {
        Sequential m = new Sequential(new Dense(3), new Dense(2));
        assertFalse(m.isBuilt());
        assertNull(m.outputShape());
        Tensor out = m.predict(Tensor.ones(5, 4), 32, 0);
        assertArrayEquals(new int[]{5, 2}, out.shape());
        assertTrue(m.isBuilt());
        assertEquals(4 * 3 + 3 + 3 * 2 + 2, m.countParams());
    }

    @Test
    void addInputFromSymbolicTensorBuildsLayers() {
        Sequential m = new Sequential();
        m.add(new SymbolicTensor(new int[]{6}, new TestKit.InputLayer(), List.of()));
        m.add(new Dense(4));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[]{4}, m.outputShape());
        assertEquals(1, m.layers().size(), "the input is not listed");
        assertTrue(m.inputLayer() instanceof TestKit.InputLayer);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.add(new SymbolicTensor(new int[]{6}, new TestKit.InputLayer(), List.of())));
        assertTrue(e.getMessage().contains("already been configured"), e.getMessage());
    }

    @Test
    void addRejectsDuplicatesAndRollsBackOnShapeErrors() {
        Sequential m = new Sequential();
        Dense d = new Dense(3);
        m.add(d.inputShape(4));
        assertThrows(IllegalArgumentException.class, () -> m.add(d));
        Dense same = new Dense(2);
        same.name(d.name());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> m.add(same));
        assertTrue(dup.getMessage().contains("unique names"), dup.getMessage());

        Dense built = new Dense(2);
        built.ensureBuilt(new int[]{7});
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> m.add(built));
        assertTrue(bad.getMessage().contains(built.name()), bad.getMessage());
        assertTrue(bad.getMessage().contains("(None, 7)") && bad.getMessage().contains("(None, 3)"), bad.getMessage());
        assertEquals(1, m.layers().size(), "a layer that failed to build is not kept");
        assertThrows(IllegalArgumentException.class, () -> m.add((Layer) null));
    }

    @Test
    void popRemovesTheLastLayer() {
        Dense a = (Dense) new Dense(3).inputShape(2);
        Dense b = new Dense(1);
        Sequential m = new Sequential(a, b);
        assertSame(b, m.pop());
        assertEquals(List.of(a), m.layers());
        m.add(new Dense(5));
        assertArrayEquals(new int[]{5}, m.outputShape());
        m.pop();
        m.pop();
        IllegalStateException e = assertThrows(IllegalStateException.class, m::pop);
        assertTrue(e.getMessage().contains("no layers"), e.getMessage());
    }

    @Test
    void layersIsReadOnly() {
        Sequential m = new Sequential(new Dense(1));
        assertThrows(UnsupportedOperationException.class, () -> m.layers().clear());
    }

    @Test
    void getLayerByNameAndIndex() {
        Dense a = new Dense(3);
        Sequential m = new Sequential(a, new Dense(1));
        assertSame(a, m.getLayer("dense"));
        assertSame(a, m.getLayer(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.getLayer("nope"));
        assertTrue(e.getMessage().contains("No such layer: nope") && e.getMessage().contains("dense_1"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> m.getLayer(2));
    }

    @Test
    void weightsCountsAndTrainableVariables() {
        Sequential m = new Sequential(new Dense(3).inputShape(2), new Dense(1));
        List<Tensor> w = m.getWeights();
        assertEquals(4, w.size());
        assertArrayEquals(new int[]{2, 3}, w.get(0).shape());
        assertArrayEquals(new int[]{3}, w.get(1).shape());
        assertArrayEquals(new int[]{3, 1}, w.get(2).shape());
        assertEquals(13, m.countParams());
        List<Variable> tv = m.trainableVariables();
        assertEquals(4, tv.size());
        assertEquals("dense/kernel", tv.get(0).path());

        List<Tensor> ones = List.of(Tensor.ones(2, 3), Tensor.ones(3), Tensor.ones(3, 1), Tensor.ones(1));
        m.setWeights(ones);
        assertEquals(1f, m.getWeights().get(0).get(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.setWeights(ones.subList(0, 3)));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("expecting 4"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> m.setWeights(List.of(Tensor.ones(3, 2), Tensor.ones(3), Tensor.ones(3, 1), Tensor.ones(1))));
        assertTrue(shape.getMessage().contains("(2, 3)") && shape.getMessage().contains("(3, 2)"), shape.getMessage());
    }

    @Test
    void setTrainableFreezesEveryLayer() {
        Sequential m = new Sequential(new Dense(3).inputShape(2), new Dense(1));
        m.setTrainable(false);
        assertTrue(m.trainableVariables().isEmpty());
        assertEquals(4, m.nonTrainableVariables().size());
        m.setTrainable(true);
        assertEquals(4, m.trainableVariables().size());
    }

    @Test
    void modelsNestAsLayers() {
        Sequential inner = new Sequential(new Dense(3).inputShape(2), new Dense(2));
        Sequential outer = new Sequential(inner, new Dense(1));
        assertTrue(outer.isBuilt());
        assertArrayEquals(new int[]{1}, outer.outputShape());
        assertEquals(inner.countParams() + 3, outer.countParams());
        assertEquals(6, outer.getWeights().size());
        Tensor x = Tensor.ones(4, 2);
        Tensor direct = outer.layers().get(1).apply(inner.predict(x, 32, 0), false);
        assertTrue(direct.allClose(outer.predict(x, 32, 0), 1e-6f, 1e-6f));
        assertEquals(Model.class, Sequential.class.getSuperclass());
    }

    @Test
    void inputShapeOnTheModelBuildsLayers() {
        Sequential m = new Sequential(new Dense(3), new Dense(2)).inputShape(5);
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[]{5}, m.declaredInputShape());
        assertArrayEquals(new int[]{2}, m.computeOutputShape(new int[]{5}));
    }

    @Test
    void emptyModelCannotRun() {
        Sequential m = new Sequential();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.predict(Tensor.ones(2, 2), 32, 0));
        assertTrue(e.getMessage().contains("no layers"), e.getMessage());
    }

    @Test
    void configListsLayers() {
        Sequential m = new Sequential(new Dense(3).inputShape(2));
        assertEquals("sequential", m.getConfig().get("name"));
        assertEquals(1, ((List<?>) m.getConfig().get("layers")).size());
        assertEquals(java.util.Arrays.asList(null, 2), m.getBuildConfig().get("input_shape"));
        assertEquals(null, new Sequential(new Dense(1)).getBuildConfig());
        assertTrue(m.toString().contains("sequential"));
    }
}
