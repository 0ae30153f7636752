package ganglion.optimizers;

import ganglion.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RMSpropTest {

    @Test
    void defaultsAreKeras() {
        RMSprop r = new RMSprop();
        assertEquals(0.001f, r.learningRate());
        assertEquals(0.9f, r.rho());
        assertEquals(0f, r.momentum());
        assertEquals(1e-7f, r.epsilon());
        assertFalse(r.centered());
        assertEquals("rmsprop", r.name());
    }

    @Test
    void stepsFollowKerasFormula() {
        // v = rho v + (1-rho) g^2; w -= lr g / sqrt(v + eps)
        OptimizerTesting.checkThreeSteps(new RMSprop(0.01f), new float[][]{
                {0.968378804f, -1.96837762f, 0.468377399f},
                {0.939807667f, -1.98312165f, 0.494143611f},
                {0.965713959f, -2.012412f, 0.490768013f}});
    }

    @Test
    void centeredWithMomentumFollowsKerasFormula() {
        // a = rho a + (1-rho) g; inc = lr g / sqrt(v - a^2 + eps); m = 0.5 m + inc; w -= m
        OptimizerTesting.checkThreeSteps(new RMSprop(0.01f).momentum(0.5f).centered(true), new float[][]{
                {0.966668518f, -1.96666713f, 0.466666872f},
                {0.918611057f, -1.96484838f, 0.47585734f},
                {0.920503322f, -1.9941958f, 0.477073517f}});
    }

    @Test
    void slotsAreSavedInKerasBlocks() {
        Variable a = OptimizerTesting.variable();
        Variable b = new Variable("bias", ganglion.Tensor.zeros(2), true);
        b.setPath("dense/bias");
        RMSprop r = new RMSprop().momentum(0.5f).centered(true);
        r.build(List.of(a, b));
        assertEquals(List.of("iteration", "learning_rate", "dense_kernel_velocity", "dense_bias_velocity",
                "dense_kernel_momentum", "dense_bias_momentum", "dense_kernel_average_gradient",
                "dense_bias_average_gradient"), r.stateNames());
    }

    @Test
    void invalidHyperparametersThrow() {
        assertThrows(IllegalArgumentException.class, () -> new RMSprop().rho(1f));
        assertThrows(IllegalArgumentException.class, () -> new RMSprop().momentum(2f));
        assertThrows(IllegalArgumentException.class, () -> new RMSprop().epsilon(Float.NaN));
    }

    @Test
    void configHasKerasKeys() {
        var c = new RMSprop().getConfig();
        assertEquals(0.9, c.get("rho"));
        assertEquals(0.0, c.get("momentum"));
        assertEquals(1e-7, c.get("epsilon"));
        assertEquals(false, c.get("centered"));
    }
}
