package ganglion.optimizers;

import ganglion.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdagradTest {

    @Test
    void defaultsAreKeras() {
        Adagrad a = new Adagrad();
        assertEquals(0.001f, a.learningRate());
        assertEquals(0.1f, a.initialAccumulatorValue());
        assertEquals(1e-7f, a.epsilon());
        assertEquals("adagrad", a.name());
    }

    @Test
    void stepsFollowKerasFormula() {
        // acc starts at 0.1; acc += g^2; w -= lr g / sqrt(acc + eps), lr = 0.1
        OptimizerTesting.checkThreeSteps(new Adagrad(0.1f), new float[][]{
                {0.969848879f, -1.94654777f, 0.431175298f},
                {0.918209119f, -1.97236765f, 0.498787629f},
                {0.979446349f, -2.05142458f, 0.490366111f}});
    }

    @Test
    void accumulatorStartsAtInitialValue() {
        Variable v = OptimizerTesting.variable();
        Adagrad a = new Adagrad().initialAccumulatorValue(0.25f);
        a.build(List.of(v));
        assertArrayEquals(new float[]{0.25f, 0.25f, 0.25f}, a.slots(v)[0]);
        assertThrows(IllegalStateException.class, () -> a.initialAccumulatorValue(0.5f));
        assertThrows(IllegalArgumentException.class, () -> new Adagrad().initialAccumulatorValue(-1f));
    }

    @Test
    void configHasKerasKeys() {
        var c = new Adagrad().getConfig();
        assertEquals(0.1, c.get("initial_accumulator_value"));
        assertEquals(1e-7, c.get("epsilon"));
    }
}
