package ganglion.layers;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FlattenTest {

    @Test
    void outputShapes() {
        Flatten f = new Flatten();
        assertArrayEquals(new int[]{784}, f.computeOutputShape(new int[]{28, 28}));
        assertArrayEquals(new int[]{640}, f.computeOutputShape(new int[]{10, 64}));
        assertArrayEquals(new int[]{-1}, f.computeOutputShape(new int[]{-1, 3}));
        assertArrayEquals(new int[]{1}, f.computeOutputShape(new int[0]));
    }

    @Test
    void flattensRowMajor() {
        Tensor x = Tensor.arange(0, 24).reshape(2, 3, 4);
        Tensor y = new Flatten().apply(x, false);
        assertArrayEquals(new int[]{2, 12}, y.shape());
        assertArrayEquals(x.toFloatArray(), y.toFloatArray());
        Tensor v = new Flatten().apply(Tensor.of(1f, 2f), false);
        assertArrayEquals(new int[]{2, 1}, v.shape());
    }

    @Test
    void channelsFirstMovesChannelsLast() {
        // (batch 1, channels 2, 2 x 1): channels_last order is pixel-major
        Tensor x = Tensor.of(new float[]{1, 2, 10, 20}, 1, 2, 2, 1);
        Tensor y = new Flatten().dataFormat("channels_first").apply(x, false);
        assertArrayEquals(new float[]{1, 10, 2, 20}, y.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new Flatten().dataFormat("nhwc"));
        assertEquals("channels_last", new Flatten().dataFormat());
    }

    @Test
    void gradientPassesThrough() {
        Tensor x = Tensor.randomNormal(2, 3, 2);
        GradCheck.check(in -> new Flatten().apply(in.get(0), true).mul(in.get(0).reshape(2, 6)), x);
        Tensor c = Tensor.randomNormal(2, 3, 2, 2);
        Flatten cf = new Flatten().dataFormat("channels_first");
        GradCheck.check(in -> cf.apply(in.get(0), true).square(), 1e-3, 1e-2, 1e-3, c);
    }

    @Test
    void fluentSettersAndConfig() {
        Flatten f = new Flatten().inputShape(28, 28).name("flat");
        assertEquals("flat", f.name());
        assertEquals("channels_last", f.getConfig().get("data_format"));
        assertEquals("[name, trainable, dtype, data_format]", f.getConfig().keySet().toString());
    }
}
