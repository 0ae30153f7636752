package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keras's {@code use_ema}: the moving average of the weights, its first step, the periodic overwrite, {@code
 * finalize_variable_values} at the end of fit, config and saved state. Plain SGD (w -= lr * g) keeps the weights'
 * path easy to follow by hand.
 */
class EmaTest {

    private static Variable var(String path, float... values) {
        Variable v = new Variable(path.substring(path.indexOf('/') + 1), Tensor.of(values), true);
        v.setPath(path);
        return v;
    }

    /** One SGD step with gradient g on every element. */
    private static void step(Optimizer o, Variable v, float g) {
        float[] grad = new float[(int) v.size()];
        java.util.Arrays.fill(grad, g);
        v.value().setGradBuffer(grad);
        o.apply(List.of(v));
    }

    @Test
    void averageFollowsKerasFormula() {
        // w: 1 -> 0.9 -> 0.8 -> 0.7 (lr 0.1, g 1). Keras: the first step copies w, later ones mix with momentum 0.5.
        Variable v = var("d/kernel", 1f, 2f);
        Optimizer o = new SGD(0.1f).useEma(true).emaMomentum(0.5);
        step(o, v, 1f);
        assertArrayEquals(new float[]{0.9f, 1.9f}, o.average(v), 1e-6f);
        step(o, v, 1f);
        assertArrayEquals(new float[]{0.85f, 1.85f}, o.average(v), 1e-6f);
        step(o, v, 1f);
        assertArrayEquals(new float[]{0.775f, 1.775f}, o.average(v), 1e-6f);
        assertArrayEquals(new float[]{0.7f, 1.7f}, v.value().toFloatArray(), 1e-6f, "the weights stay live");
        o.finalizeVariableValues(List.of(v));
        assertArrayEquals(new float[]{0.775f, 1.775f}, v.value().toFloatArray(), 1e-6f);
    }

    @Test
    void overwriteFrequencyPutsTheAverageInEveryNSteps() {
        Variable v = var("d/kernel", 1f);
        Optimizer o = new SGD(0.1f).useEma(true).emaMomentum(0.5).emaOverwriteFrequency(2);
        step(o, v, 1f);                      // w 0.9, average 0.9
        assertEquals(0.9f, v.value().get(0), 1e-6f);
        step(o, v, 1f);                      // w 0.8, average 0.85, second step: w <- 0.85
        assertEquals(0.85f, v.value().get(0), 1e-6f);
        step(o, v, 1f);                      // w 0.75, average 0.8
        assertEquals(0.75f, v.value().get(0), 1e-6f);
        assertEquals(0.8f, o.average(v)[0], 1e-6f);
    }

    @Test
    void offByDefaultAndValidated() {
        Variable v = var("d/kernel", 1f);
        Optimizer o = new SGD(0.1f);
        step(o, v, 1f);
        assertNull(o.average(v));
        o.finalizeVariableValues(List.of(v));
        assertEquals(0.9f, v.value().get(0), 1e-6f, "no EMA: finalizing changes nothing");
        assertThrows(IllegalArgumentException.class, () -> new Adam().emaMomentum(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Adam().emaOverwriteFrequency(0));
        var e = assertThrows(IllegalStateException.class, () -> o.useEma(true));
        assertTrue(e.getMessage().contains("useEma"), e.getMessage());
    }

    @Test
    void configRoundTrip() {
        Map<String, Object> c = new Adam(1e-3).useEma(true).emaMomentum(0.999).emaOverwriteFrequency(10).getConfig();
        assertEquals(true, c.get("use_ema"));
        assertEquals(0.999, c.get("ema_momentum"));
        assertEquals(10, c.get("ema_overwrite_frequency"));
        Optimizer back = Optimizers.fromConfig("Adam", Map.of("learning_rate", 1e-3, "use_ema", true,
                "ema_momentum", 0.999, "ema_overwrite_frequency", 10));
        assertTrue(back.useEma());
        assertEquals(0.999f, back.emaMomentum());
        assertEquals(10, back.emaOverwriteFrequency());
        assertFalse(Optimizers.fromConfig("Adam", Map.of("use_ema", false)).useEma());
    }

    @Test
    void savedStateHoldsTheAveragesAfterTheLearningRate() {
        // Keras's optimizer.variables: iteration, learning_rate, <path>_average per variable, then Adam's m, v
        Variable a = var("d/kernel", 1f, 2f);
        Variable b = var("d/bias", 3f);
        Adam adam = new Adam(0.1);
        adam.useEma(true);
        a.value().setGradBuffer(new float[]{1f, 1f});
        b.value().setGradBuffer(new float[]{1f});
        adam.apply(List.of(a, b));
        assertEquals(List.of("iteration", "learning_rate", "d_kernel_average", "d_bias_average",
                "d_kernel_momentum", "d_kernel_velocity", "d_bias_momentum", "d_bias_velocity"), adam.stateNames());
        List<Tensor> state = adam.stateTensors();
        assertArrayEquals(a.value().toFloatArray(), state.get(2).toFloatArray(), 0f);

        Variable a2 = var("d/kernel", 1f, 2f);
        Variable b2 = var("d/bias", 3f);
        Adam fresh = new Adam(0.1);
        fresh.useEma(true);
        fresh.loadState(state, List.of(a2, b2));
        assertArrayEquals(adam.average(a), fresh.average(a2), 0f);
        assertArrayEquals(adam.average(b), fresh.average(b2), 0f);
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(state, List.of(a2, b2)));
        assertTrue(e.getMessage().contains("expected 6"), e.getMessage());
    }

    @Test
    void fitEndsWithTheAveragedWeights() {
        ganglion.Ganglion.setRandomSeed(3);
        Sequential m = new Sequential(new Dense(1).inputShape(2));
        Optimizer o = new SGD(0.05f).useEma(true).emaMomentum(0.9);
        m.compile(o, "mse");
        Tensor x = Tensor.randomNormal(32, 2);
        Tensor y = x.sum(1, true);
        m.fit(x, y, new FitOptions().epochs(3).batchSize(8).shuffle(false).verbose(0));
        for (Variable v : m.trainableVariables()) {
            assertArrayEquals(o.average(v), v.value().toFloatArray(), 0f, v.path());
        }
    }
}
