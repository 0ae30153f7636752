package ganglion.optimizers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SGDTest {

    @Test
    void defaultsAreKeras() {
        SGD sgd = new SGD();
        assertEquals(0.01f, sgd.learningRate());
        assertEquals(0f, sgd.momentum());
        assertFalse(sgd.nesterov());
        assertEquals("SGD", sgd.name());
        assertEquals(0, sgd.slotsPerVariable());
    }

    @Test
    void plainStepsFollowKerasFormula() {
        // w -= lr * g with lr = 0.1
        OptimizerTesting.checkThreeSteps(new SGD(0.1f), new float[][]{
                {0.99f, -1.98f, 0.47f}, {0.97f, -1.99f, 0.51f}, {1f, -2.04f, 0.505f}});
    }

    @Test
    void momentumStepsFollowKerasFormula() {
        // velocity = 0.9 * velocity - 0.1 * g; w += velocity
        OptimizerTesting.checkThreeSteps(new SGD(0.1f).momentum(0.9f), new float[][]{
                {0.99f, -1.98f, 0.47f}, {0.961f, -1.972f, 0.483f}, {0.9649f, -2.0148f, 0.4897f}});
    }

    @Test
    void nesterovStepsFollowKerasFormula() {
        // velocity = 0.9 * velocity - 0.1 * g; w += 0.9 * velocity - 0.1 * g
        OptimizerTesting.checkThreeSteps(new SGD(0.1f).momentum(0.9f).nesterov(true), new float[][]{
                {0.981f, -1.962f, 0.443f}, {0.9349f, -1.9648f, 0.4947f}, {0.96841f, -2.05332f, 0.49573f}});
    }

    @Test
    void momentumMustBeInUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(1.5f));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SGD(-1f));
    }

    @Test
    void momentumCannotAddASlotAfterBuild() {
        SGD sgd = new SGD();
        sgd.build(java.util.List.of(OptimizerTesting.variable()));
        assertThrows(IllegalStateException.class, () -> sgd.momentum(0.9f));
    }

    @Test
    void configHasKerasKeys() {
        Map<String, Object> c = new SGD(0.05f).momentum(0.9f).nesterov(true).getConfig();
        assertEquals("SGD", c.get("name"));
        assertEquals(0.05, c.get("learning_rate"));
        assertEquals(0.9, c.get("momentum"));
        assertEquals(true, c.get("nesterov"));
        assertTrue(c.containsKey("weight_decay") && c.containsKey("global_clipnorm"));
    }
}
