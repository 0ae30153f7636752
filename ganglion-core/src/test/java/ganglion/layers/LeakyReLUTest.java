package ganglion.layers;

import ganglion.Tensor;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakyReLUTest {

    @Test
    void scalesNegativeValuesByTheSlope() {
        Tensor x = Tensor.of(new float[]{-2, -0.5f, 0, 3}, 1, 4);
        assertArrayEquals(new float[]{-0.6f, -0.15f, 0, 3}, new LeakyReLU().apply(x).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[]{-0.4f, -0.1f, 0, 3}, new LeakyReLU(0.2).apply(x).toFloatArray(), 1e-6f);
    }

    @Test
    void passesGradientsWithTheSlope() {
        Tensor x = Tensor.of(new float[]{-2, 3}, 1, 2).requiresGrad(true);
        new LeakyReLU(0.2).apply(x).sum().backward();
        assertArrayEquals(new float[]{0.2f, 1f}, x.grad().toFloatArray(), 1e-6f);
    }

    @Test
    void nameConfigAndErrors() {
        LeakyReLU l = new LeakyReLU(0.2);
        assertTrue(l.name().startsWith("leaky_re_lu"), l.name());
        assertEquals(0.2, (double) l.getConfig().get("negative_slope"), 1e-7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-1));
        assertTrue(e.getMessage().contains("LeakyReLU") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Double.NaN));
    }

    @Test
    void keepsShapesInASequential() {
        Sequential m = new Sequential();
        m.add(new Dense(4).inputShape(3));
        m.add(new LeakyReLU(0.1));
        assertArrayEquals(new int[]{2, 4}, m.predict(Tensor.ones(2, 3)).shape());
        assertEquals(16, m.countParams());
    }
}
