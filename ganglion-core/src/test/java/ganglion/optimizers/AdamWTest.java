package ganglion.optimizers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdamWTest {

    @Test
    void defaultsAreKeras() {
        AdamW a = new AdamW();
        assertEquals("adamw", a.name());
        assertEquals(0.001f, a.learningRate());
        assertEquals(0.004f, a.weightDecay());
        assertEquals(0.004, a.getConfig().get("weight_decay"));
    }

    @Test
    void decayPrecedesTheAdamStep() {
        // w -= w * 0.004 * lr, then the Adam step
        OptimizerTesting.checkThreeSteps(new AdamW(0.01f), new float[][]{
                {0.989960316f, -1.98992016f, 0.489980105f},
                {0.980269034f, -1.98717723f, 0.491895598f},
                {0.980895808f, -1.99209026f, 0.492728253f}});
    }
}
