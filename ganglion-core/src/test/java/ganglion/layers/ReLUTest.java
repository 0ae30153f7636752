package ganglion.layers;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReLUTest {

    @Test
    void relu6ClipsToZeroAndSix() {
        Tensor x = Tensor.of(new float[]{-2, 0.5f, 5, 7}, 1, 4);
        assertArrayEquals(new float[]{0, 0.5f, 5, 6}, new ReLU(6).apply(x).toFloatArray());
        assertArrayEquals(new float[]{0, 0.5f, 5, 7}, new ReLU().apply(x).toFloatArray());
    }

    @Test
    void slopeAndThresholdFollowKerasFormula() {
        Tensor x = Tensor.of(new float[]{-2, 0.5f, 1.5f, 9}, 1, 4);
        ReLU r = new ReLU(8).negativeSlope(0.5).threshold(1);
        // x >= 1: x (capped at 8); else 0.5 * (x - 1)
        assertArrayEquals(new float[]{-1.5f, -0.25f, 1.5f, 8}, r.apply(x).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[]{0, 0, 1.5f, 9},
                new ReLU().threshold(1).apply(x).toFloatArray(), 1e-6f);
    }

    @Test
    void configAndErrors() {
        ReLU r = new ReLU(6).name("Conv1_relu");
        assertEquals(6.0, r.getConfig().get("max_value"));
        assertEquals("Conv1_relu", r.name());
        assertThrows(IllegalArgumentException.class, () -> new ReLU(-1));
    }
}
