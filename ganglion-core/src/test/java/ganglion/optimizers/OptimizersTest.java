package ganglion.optimizers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizersTest {

    @Test
    void namesGiveKerasDefaults() {
        assertInstanceOf(SGD.class, Optimizers.get("sgd"));
        assertEquals(0.01f, Optimizers.get("sgd").learningRate());
        assertInstanceOf(Adam.class, Optimizers.get("Adam"));
        assertEquals(0.001f, Optimizers.get("adam").learningRate());
        assertInstanceOf(RMSprop.class, Optimizers.get("RMSprop"));
        assertInstanceOf(Adagrad.class, Optimizers.get("adagrad"));
        assertInstanceOf(AdamW.class, Optimizers.get("adamw"));
        assertInstanceOf(Nadam.class, Optimizers.get("nadam"));
        assertTrue(Optimizers.names().contains("rmsprop"));
    }

    @Test
    void unknownNameListsValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamax2"));
        assertTrue(e.getMessage().contains("sgd") && e.getMessage().contains("adam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.get(null));
    }

    @Test
    void fromConfigRoundTrips() {
        for (Optimizer o : new Optimizer[]{new SGD(0.05f).momentum(0.8f).nesterov(true),
                new Adam(0.002f).beta1(0.8f).amsgrad(true).clipNorm(2f), new AdamW(0.003f),
                new RMSprop(0.004f).rho(0.8f).momentum(0.1f).centered(true),
                new Adagrad(0.05f).initialAccumulatorValue(0.2f), new Nadam(0.002f).beta2(0.99f)}) {
            Map<String, Object> c = o.getConfig();
            String className = o.getClass().getSimpleName();
            assertEquals(c, Optimizers.fromConfig(className, c).getConfig(), className);
        }
    }
}
