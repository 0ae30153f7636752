package ganglion.optimizers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keras users write learning rates as double literals: every float option also takes a double. */
class DoubleOverloadsTest {

    @Test
    void constructorsAndSettersTakeDoubles() {
        assertEquals(1e-3f, new Adam(1e-3).learningRate());
        assertEquals(0.01f, new SGD(0.01).momentum(0.9).learningRate());
        assertEquals(0.9f, new SGD(0.01).momentum(0.9).momentum());
        assertEquals(2e-3f, new AdamW(2e-3).learningRate());
        assertEquals(1e-4f, new RMSprop(1e-4).rho(0.8).learningRate());
        assertEquals(0.5f, new Adagrad(0.5).learningRate());
        assertEquals(0.002f, new Nadam(0.002).beta1(0.8).learningRate());
        Adam a = new Adam(0.001).beta1(0.8).beta2(0.99).epsilon(1e-8);
        assertEquals(0.8f, a.beta1());
        assertEquals(0.99f, a.beta2());
        assertEquals(1e-8f, a.epsilon());
        a.setLearningRate(5e-4);
        assertEquals(5e-4f, a.learningRate());
        assertEquals(1e-3f, new Adam(1e-3f).learningRate(), "float literals still work");
    }
}
