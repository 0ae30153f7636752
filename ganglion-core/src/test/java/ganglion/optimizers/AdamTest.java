package ganglion.optimizers;

import ganglion.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdamTest {

    @Test
    void defaultsAreKeras() {
        Adam a = new Adam();
        assertEquals(0.001f, a.learningRate());
        assertEquals(0.9f, a.beta1());
        assertEquals(0.999f, a.beta2());
        assertEquals(1e-7f, a.epsilon());
        assertFalse(a.amsgrad());
        assertEquals("adam", a.name());
    }

    @Test
    void stepsFollowKerasEpsilonHatForm() {
        // alpha = lr*sqrt(1-b2^t)/(1-b1^t); m += (g-m)(1-b1); v += (g^2-v)(1-b2); w -= m*alpha/(sqrt(v)+eps)
        OptimizerTesting.checkThreeSteps(new Adam(0.01f), new float[][]{
                {0.990000316f, -1.99000016f, 0.490000105f},
                {0.980348632f, -1.98733683f, 0.491935197f},
                {0.981014617f, -1.99232935f, 0.492787528f}});
    }

    @Test
    void amsgradUsesTheRunningMaximumOfV() {
        // beta2 = 0.5 so that v shrinks for the last element at step 3: plain Adam and AMSGrad differ there
        OptimizerTesting.checkThreeSteps(new Adam(0.01f).beta2(0.5f), new float[][]{
                {0.990000014f, -1.99000001f, 0.490000005f},
                {0.981187832f, -1.98702272f, 0.4918508f},
                {0.981755426f, -1.99108126f, 0.492860122f}});
        OptimizerTesting.checkThreeSteps(new Adam(0.01f).beta2(0.5f).amsgrad(true), new float[][]{
                {0.990000014f, -1.99000001f, 0.490000005f},
                {0.981187832f, -1.9874216f, 0.4918508f},
                {0.981755426f, -1.99148014f, 0.492573149f}});
    }

    @Test
    void slotsAreInterleavedAndAmsgradFollowsAsABlock() {
        Variable a = OptimizerTesting.variable();
        Variable b = new Variable("bias", ganglion.Tensor.zeros(2), true);
        b.setPath("dense/bias");
        Adam adam = new Adam().amsgrad(true);
        adam.build(List.of(a, b));
        assertEquals(List.of("iteration", "learning_rate", "dense_kernel_momentum", "dense_kernel_velocity",
                "dense_bias_momentum", "dense_bias_velocity", "dense_kernel_velocity_hat", "dense_bias_velocity_hat"),
                adam.stateNames());
        assertEquals(8, adam.stateTensors().size());
    }

    @Test
    void invalidHyperparametersThrow() {
        assertThrows(IllegalArgumentException.class, () -> new Adam().beta1(1f));
        assertThrows(IllegalArgumentException.class, () -> new Adam().beta2(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> new Adam().epsilon(-1e-7f));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Float.NaN));
    }

    @Test
    void configHasKerasKeys() {
        Map<String, Object> c = new Adam().getConfig();
        assertEquals("adam", c.get("name"));
        assertEquals(0.001, c.get("learning_rate"));
        assertEquals(0.9, c.get("beta_1"));
        assertEquals(0.999, c.get("beta_2"));
        assertEquals(1e-7, c.get("epsilon"));
        assertEquals(false, c.get("amsgrad"));
    }
}
