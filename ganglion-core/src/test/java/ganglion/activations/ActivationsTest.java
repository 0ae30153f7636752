package ganglion.activations;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsTest {

    private static final float[] X = {-4f, -1.5f, -0.5f, 0.25f, 1f, 3f, 7f};

    private static float[] applyByName(String name) {
        return Activations.get(name).apply(Tensor.of(X)).toFloatArray();
    }

    private static void assertPointwise(String name, java.util.function.DoubleUnaryOperator f) {
        float[] y = applyByName(name);
        for (int i = 0; i < X.length; i++) {
            assertEquals(f.applyAsDouble(X[i]), y[i], 1e-5 + 1e-5 * Math.abs(f.applyAsDouble(X[i])), name + " at " + X[i]);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void pointwiseFormulasMatchKeras() {
        assertPointwise("relu", x -> Math.max(x, 0));
        assertPointwise("sigmoid", ActivationsTest::sigmoid);
        assertPointwise("tanh", Math::tanh);
        assertPointwise("softplus", x -> Math.log1p(Math.exp(x)));
        assertPointwise("softsign", x -> x / (1 + Math.abs(x)));
        assertPointwise("linear", x -> x);
        assertPointwise("elu", x -> x > 0 ? x : Math.expm1(x));
        assertPointwise("selu", x -> 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * Math.expm1(x)));
        assertPointwise("swish", x -> x * sigmoid(x));
        assertPointwise("silu", x -> x * sigmoid(x));
        assertPointwise("leaky_relu", x -> x > 0 ? x : 0.2 * x);
        assertPointwise("relu6", x -> Math.min(Math.max(x, 0), 6));
        assertPointwise("hard_sigmoid", x -> Math.min(Math.max(x + 3, 0), 6) / 6);
        assertPointwise("hard_silu", x -> x * Math.min(Math.max(x + 3, 0), 6) / 6);
        assertPointwise("hard_swish", x -> x * Math.min(Math.max(x + 3, 0), 6) / 6);
        assertPointwise("exponential", Math::exp);
        assertPointwise("mish", x -> x * Math.tanh(Math.log1p(Math.exp(x))));
    }

    @Test
    void geluIsTheExactErfForm() {
        // gelu(1) = 0.5 * (1 + erf(1/sqrt(2))) = 0.8413447460685429
        float[] y = Activations.GELU.apply(Tensor.of(1f, -1f, 0f)).toFloatArray();
        assertArrayEquals(new float[]{0.8413447f, -0.1586553f, 0f}, y, 1e-6f);
    }

    @Test
    void softmaxAndLogSoftmaxActOnTheLastAxis() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 0, 0, 0}, 2, 3);
        float[] p = Activations.get("softmax").apply(x).toFloatArray();
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new float[]{(float) (Math.exp(1) / z), (float) (Math.exp(2) / z), (float) (Math.exp(3) / z),
                1 / 3f, 1 / 3f, 1 / 3f}, p, 1e-6f);
        float[] lp = Activations.LOG_SOFTMAX.apply(x).toFloatArray();
        for (int i = 0; i < p.length; i++) {
            assertEquals(Math.log(p[i]), lp[i], 1e-5);
        }
    }

    @Test
    void getReturnsSharedConstantsAndAliases() {
        assertSame(Activations.RELU, Activations.get("relu"));
        assertSame(Activations.SILU, Activations.get("swish"));
        assertSame(Activations.SWISH, Activations.SILU);
        assertSame(Activations.LINEAR, Activations.get(null));
        assertEquals("silu", Activations.get("swish").name());
        for (String n : List.of("relu", "sigmoid", "tanh", "softmax", "softplus", "linear", "elu", "selu", "gelu",
                "swish", "silu", "leaky_relu", "softsign", "hard_sigmoid", "exponential", "relu6")) {
            assertTrue(Activations.names().contains(n), n);
        }
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.get("rellu"));
        assertTrue(e.getMessage().contains("'rellu'"), e.getMessage());
        assertTrue(e.getMessage().contains("relu, sigmoid, tanh, softmax"), e.getMessage());
    }

    @Test
    void serializeGivesTheKerasName() {
        assertEquals("relu", Activations.serialize(Activations.RELU));
        assertEquals("silu", Activations.serialize(Activations.SWISH));
        assertEquals("linear", Activations.serialize(null));
        assertEquals("leaky_relu", Activations.serialize(Activations.LEAKY_RELU));
    }

    @Test
    void customActivationsKeepTheirName() {
        Activation twice = Activation.of("twice", x -> x.mul(2f));
        assertEquals("twice", twice.name());
        assertArrayEquals(new float[]{2, -4}, twice.apply(Tensor.of(1f, -2f)).toFloatArray());
        assertEquals("twice", Activations.serialize(twice));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (String n : List.of("sigmoid", "tanh", "softmax", "softplus", "softsign", "elu", "selu", "gelu", "silu",
                "leaky_relu", "relu", "relu6", "hard_sigmoid", "hard_silu", "exponential", "mish", "log_softmax",
                "linear")) {
            Activation a = Activations.get(n);
            // values away from the kinks at 0, ±3 and 6
            Tensor x = Tensor.of(new float[]{-2.1f, -0.7f, 0.4f, 1.3f, 2.2f, -1.1f}, 2, 3);
            GradCheck.check(in -> a.apply(in.get(0)), 1e-3, 2e-2, 2e-3, x);
        }
    }
}
