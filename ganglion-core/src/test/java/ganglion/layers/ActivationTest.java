package ganglion.layers;

import ganglion.Tensor;
import ganglion.activations.Activations;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivationTest {

    @Test
    void appliesTheNamedFunction() {
        Tensor x = Tensor.of(new float[]{-1, 2, -3, 4}, 2, 2);
        assertArrayEquals(new float[]{0, 2, 0, 4}, new Activation("relu").apply(x, false).toFloatArray());
        assertSame(Activations.TANH, new Activation(Activations.TANH).activation());
        assertArrayEquals(new int[]{2, 5}, new Activation("relu").computeOutputShape(new int[]{2, 5}));
        assertEquals(0, new Activation("relu").countParams());
    }

    @Test
    void unknownNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation("rellu"));
        assertEquals(true, e.getMessage().contains("Valid names"));
    }

    @Test
    void gradientPassesThrough() {
        Tensor x = Tensor.randomNormal(3, 4);
        GradCheck.check(in -> new Activation("softmax").apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x);
        GradCheck.check(in -> new Activation("tanh").apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x);
    }

    @Test
    void fluentSettersAndConfig() {
        Activation a = new Activation("swish").inputShape(3).name("act");
        assertEquals("act", a.name());
        assertEquals("silu", a.getConfig().get("activation"));
        assertEquals("[name, trainable, dtype, activation]", a.getConfig().keySet().toString());
    }
}
