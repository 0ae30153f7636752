package ganglion.layers;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReshapeTest {

    @Test
    void outputShapesIncludingInference() {
        assertArrayEquals(new int[]{3, 4}, new Reshape(3, 4).computeOutputShape(new int[]{12}));
        assertArrayEquals(new int[]{3, 2, 2}, new Reshape(-1, 2, 2).computeOutputShape(new int[]{12}));
        assertArrayEquals(new int[]{-1, 2}, new Reshape(-1, 2).computeOutputShape(new int[]{-1, 4}));
        assertArrayEquals(new int[]{28, 28, 1}, new Reshape(28, 28, 1).targetShape());
    }

    @Test
    void invalidTargetsGiveKerasMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1, 2));
        assertEquals("The `target_shape` argument must not contain more than one `-1` value. Received: "
                + "target_shape=(-1, -1, 2)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reshape(0, 2));
        e = assertThrows(IllegalArgumentException.class, () -> new Reshape(5).computeOutputShape(new int[]{12}));
        assertTrue(e.getMessage().startsWith("The total size of the tensor must be unchanged. Received: "
                + "input_shape=(12,), target_shape=(5,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, 5).computeOutputShape(new int[]{12}));
    }

    @Test
    void reshapesEachSample() {
        Tensor x = Tensor.arange(0, 24).reshape(2, 12);
        Tensor y = new Reshape(3, -1).apply(x, false);
        assertArrayEquals(new int[]{2, 3, 4}, y.shape());
        assertArrayEquals(x.toFloatArray(), y.toFloatArray());
        Reshape r = new Reshape(-1, 2);
        r.ensureBuilt(new int[]{-1, 4});
        assertArrayEquals(new int[]{3, 6, 2}, r.apply(Tensor.zeros(3, 3, 4), false).shape());
        assertArrayEquals(new int[]{0, 3, 4}, new Reshape(3, 4).apply(Tensor.zeros(0, 12), false).shape());
    }

    @Test
    void gradientPassesThrough() {
        Tensor x = Tensor.randomNormal(2, 6);
        GradCheck.check(in -> new Reshape(2, 3).apply(in.get(0), true).square(), 1e-3, 1e-2, 1e-3, x);
    }

    @Test
    void fluentSettersAndConfig() {
        Reshape r = new Reshape(7, -1).inputShape(14).name("rs");
        assertEquals("rs", r.name());
        assertEquals("[7, -1]", r.getConfig().get("target_shape").toString());
        assertEquals("[name, trainable, dtype, target_shape]", r.getConfig().keySet().toString());
    }
}
