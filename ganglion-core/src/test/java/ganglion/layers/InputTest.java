package ganglion.layers;

import ganglion.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputTest {

    @BeforeEach
    void resetNames() {
        NameScope.clear();
    }

    @Test
    void inputOfGivesASymbolicTensorFromAnInputLayer() {
        SymbolicTensor in = Input.of(28, 28, 1);
        assertArrayEquals(new int[]{28, 28, 1}, in.shape());
        assertInstanceOf(InputLayer.class, in.layer());
        assertTrue(in.inputs().isEmpty());
        assertEquals("input_layer", in.layer().name());
        assertEquals("<SymbolicTensor shape=(None, 28, 28, 1), name=input_layer>", in.toString());
        assertEquals("input_layer_1", Input.of(3).layer().name());
        assertEquals("pixels", Input.named("pixels", 784).layer().name());
    }

    @Test
    void inputLayerIsBuiltAndPassesDataThrough() {
        InputLayer l = new InputLayer(4);
        assertTrue(l.isBuilt());
        assertArrayEquals(new int[]{4}, l.shape());
        assertArrayEquals(new int[]{4}, l.outputShape());
        assertSame(l, l.output().layer());
        Tensor x = Tensor.ones(2, 4);
        assertSame(x, l.apply(x, false));
        assertThrows(IllegalArgumentException.class, () -> l.apply(Tensor.ones(2, 5), false));
        assertThrows(IllegalStateException.class, () -> l.inputShape(4));
        assertThrows(IllegalArgumentException.class, () -> new InputLayer(0));
        assertEquals("in", new InputLayer(2).name("in").name());
    }

    @Test
    void configMatchesKeras() {
        assertEquals("{batch_shape=[null, 28, null], dtype=float32, sparse=false, ragged=false, name=input_layer, "
                + "optional=false}", new InputLayer(28, -1).getConfig().toString());
    }

    @Test
    void symbolicChainComputesShapes() {
        SymbolicTensor in = Input.of(28, 28);
        SymbolicTensor flat = new Flatten().apply(in);
        SymbolicTensor hidden = new Dropout(0.2).apply(new Dense(128, "relu").apply(flat));
        SymbolicTensor out = new Dense(10, "softmax").apply(hidden);
        assertArrayEquals(new int[]{784}, flat.shape());
        assertArrayEquals(new int[]{128}, hidden.shape());
        assertArrayEquals(new int[]{10}, out.shape());
        assertSame(flat, out.inputs().get(0).inputs().get(0).inputs().get(0));
        assertArrayEquals(new int[]{4, 7, 28}, new Reshape(4, 7, -1).apply(in).shape());
    }
}
