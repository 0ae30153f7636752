package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base class's behaviour, exercised through plain SGD (w -= lr * g) where the update is transparent. */
class OptimizerTest {

    private static Variable var(String path, float... values) {
        Variable v = new Variable(path.substring(path.indexOf('/') + 1), Tensor.of(values), true);
        v.setPath(path);
        return v;
    }

    @Test
    void learningRateAndIterations() {
        SGD s = new SGD(0.1f);
        s.setLearningRate(0.5f);
        assertEquals(0.5f, s.learningRate());
        assertThrows(IllegalArgumentException.class, () -> s.setLearningRate(-1f));
        assertThrows(IllegalArgumentException.class, () -> s.setLearningRate(Float.POSITIVE_INFINITY));
        s.setIterations(7);
        assertEquals(7, s.iterations());
        assertThrows(IllegalArgumentException.class, () -> s.setIterations(-1));
        assertEquals("SGD", s.toString());
    }

    @Test
    void clipNormRescalesEachGradient() {
        // g = [3, 4] has norm 5; clipnorm 1 gives [0.6, 0.8]
        Variable v = var("d/k", 0f, 0f);
        v.value().setGradBuffer(new float[]{3f, 4f});
        new SGD(1f).clipNorm(1f).apply(List.of(v));
        assertArrayEquals(new float[]{-0.6f, -0.8f}, v.value().toFloatArray(), 1e-6f);
    }

    @Test
    void clipValueClampsEachElement() {
        Variable v = var("d/k", 0f, 0f);
        v.value().setGradBuffer(new float[]{3f, -0.2f});
        new SGD(1f).clipValue(0.5f).apply(List.of(v));
        assertArrayEquals(new float[]{-0.5f, 0.2f}, v.value().toFloatArray(), 1e-6f);
    }

    @Test
    void globalClipnormRescalesAllGradientsTogether() {
        // joint norm of [3] and [4] is 5; global_clipnorm 2.5 halves both
        Variable a = var("d/a", 0f);
        Variable b = var("d/b", 0f);
        a.value().setGradBuffer(new float[]{3f});
        b.value().setGradBuffer(new float[]{4f});
        new SGD(1f).globalClipnorm(2.5f).apply(List.of(a, b));
        assertEquals(-1.5f, a.value().get(0), 1e-6f);
        assertEquals(-2f, b.value().get(0), 1e-6f);
    }

    @Test
    void onlyOneClippingOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SGD().clipNorm(1f).clipValue(1f));
        assertTrue(e.getMessage().contains("only one of"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SGD().clipValue(1f).globalClipnorm(1f));
        assertThrows(IllegalArgumentException.class, () -> new SGD().clipNorm(-1f));
    }

    @Test
    void weightDecayAndExclusions() {
        // w -= w * 0.5 * lr (lr 0.1), then w -= lr * g with g = 0
        Variable k = var("d/kernel", 2f);
        Variable b = var("d/bias", 2f);
        k.value().setGradBuffer(new float[]{0f});
        b.value().setGradBuffer(new float[]{0f});
        SGD s = new SGD(0.1f);
        s.weightDecay(0.5f).excludeFromWeightDecay(null, "bias");
        s.apply(List.of(k, b));
        assertEquals(1.9f, k.value().get(0), 1e-6f);
        assertEquals(2f, b.value().get(0), 0f);
        assertThrows(IllegalStateException.class, () -> s.excludeFromWeightDecay(List.of(k)));
        assertThrows(IllegalArgumentException.class, () -> new SGD().weightDecay(-1f));
        assertNull(new SGD().weightDecay());
    }

    @Test
    void frozenAndGradientlessVariables() {
        Variable frozen = var("d/frozen", 1f);
        frozen.setTrainable(false);
        Variable noGrad = var("d/nograd", 1f);
        Variable live = var("d/live", 1f);
        live.value().setGradBuffer(new float[]{1f});
        SGD s = new SGD(0.1f).momentum(0.9f);
        s.apply(List.of(frozen, noGrad, live));
        assertEquals(1f, frozen.value().get(0));
        assertEquals(1f, noGrad.value().get(0));
        assertEquals(0.9f, live.value().get(0), 1e-6f);
        // every trainable variable gets slots, as Keras builds on all of them
        assertEquals(List.of(noGrad, live), s.builtVariables());
        assertEquals(1, s.iterations());
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        Variable a = var("d/kernel", 1f, -2f, 0.5f);
        Variable b = var("d/bias", 0.3f);
        Adam first = new Adam(0.01f);
        for (int step = 0; step < 2; step++) {
            a.value().setGradBuffer(OptimizerTesting.GRADS[step].clone());
            b.value().setGradBuffer(new float[]{0.1f * (step + 1)});
            first.apply(List.of(a, b));
        }
        List<Tensor> state = first.stateTensors();
        assertEquals(2 + 2 * 2, state.size());
        assertEquals(2f, state.get(0).item());
        assertEquals(0.01f, state.get(1).item());
        assertArrayEquals(new int[]{3}, state.get(2).shape());
        assertArrayEquals(new int[]{1}, state.get(4).shape());

        Variable a2 = var("d/kernel", a.value().toFloatArray());
        Variable b2 = var("d/bias", b.value().toFloatArray());
        Adam second = new Adam(0.5f);
        second.loadState(state, List.of(a2, b2));
        assertEquals(2, second.iterations());
        assertEquals(0.01f, second.learningRate());
        for (Variable[] pair : new Variable[][]{{a, b}, {a2, b2}}) {
            pair[0].value().setGradBuffer(OptimizerTesting.GRADS[2].clone());
            pair[1].value().setGradBuffer(new float[]{-0.4f});
        }
        first.apply(List.of(a, b));
        second.apply(List.of(a2, b2));
        assertArrayEquals(a.value().toFloatArray(), a2.value().toFloatArray(), 0f);
        assertArrayEquals(b.value().toFloatArray(), b2.value().toFloatArray(), 0f);
    }

    @Test
    void loadStateRejectsWrongSizes() {
        Variable a = var("d/kernel", 1f, 2f);
        List<Tensor> state = new ArrayList<>(List.of(Tensor.scalar(1), Tensor.scalar(0.1f), Tensor.zeros(2)));
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(state, List.of(a)));
        assertTrue(e.getMessage().contains("expected 4"), e.getMessage());
        state.add(Tensor.zeros(3));
        e = assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(state, List.of(a)));
        assertTrue(e.getMessage().contains("d/kernel"), e.getMessage());
    }

    @Test
    void baseConfigKeys() {
        Map<String, Object> c = new Adam().clipNorm(1f).getConfig();
        assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
                "use_ema", "ema_momentum", "ema_overwrite_frequency", "loss_scale_factor",
                "gradient_accumulation_steps", "beta_1", "beta_2", "epsilon", "amsgrad"), new ArrayList<>(c.keySet()));
        assertEquals(1.0, c.get("clipnorm"));
        assertNull(c.get("clipvalue"));
    }
}
