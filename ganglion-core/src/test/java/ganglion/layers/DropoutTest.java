package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @Test
    void rateOutsideZeroOneGivesTheKerasMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("Invalid value received for argument `rate`. Expected a float value between 0 and 1. "
                + "Received: rate=1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN));
        assertEquals(0.5, new Dropout(0.5).rate());
    }

    @Test
    void identityAtInference() {
        Tensor x = Tensor.randomNormal(4, 5);
        Dropout d = new Dropout(0.5);
        assertSame(x, d.apply(x, false));
        assertSame(x, new Dropout(0).apply(x, true));
        assertArrayEquals(new int[]{5}, d.computeOutputShape(new int[]{5}));
    }

    @Test
    void trainingDropsAboutRateAndScalesTheRest() {
        Ganglion.setRandomSeed(1);
        Tensor x = Tensor.ones(200, 500);
        Tensor y = new Dropout(0.3).apply(x, true);
        int zeros = 0;
        double sum = 0;
        for (float v : y.buffer()) {
            if (v == 0) {
                zeros++;
            } else {
                assertEquals(1 / 0.7f, v, 1e-6f);
            }
            sum += v;
        }
        assertEquals(0.3, zeros / 100000.0, 0.01);
        assertEquals(1.0, sum / 100000.0, 0.02);
        assertArrayEquals(new float[6], new Dropout(1).apply(Tensor.ones(2, 3), true).toFloatArray());
    }

    @Test
    void globalSeedReproducesMasks() {
        Tensor x = Tensor.ones(10, 10);
        Ganglion.setRandomSeed(9);
        float[] a = new Dropout(0.5).apply(x, true).toFloatArray();
        Ganglion.setRandomSeed(9);
        float[] b = new Dropout(0.5).apply(x, true).toFloatArray();
        assertArrayEquals(a, b);
    }

    @Test
    void ownSeedGivesARepeatableSequence() {
        Tensor x = Tensor.ones(10, 10);
        Dropout d1 = new Dropout(0.5).seed(4);
        Dropout d2 = new Dropout(0.5).seed(4);
        float[] a1 = d1.apply(x, true).toFloatArray();
        float[] a2 = d1.apply(x, true).toFloatArray();
        Tensor.randomNormal(100);   // other draws do not disturb a seeded layer
        assertArrayEquals(a1, d2.apply(x, true).toFloatArray());
        assertArrayEquals(a2, d2.apply(x, true).toFloatArray());
        assertFalse(java.util.Arrays.equals(a1, a2));
        assertEquals(4L, d1.seed());
    }

    @Test
    void noiseShapeSharesTheMaskAlongAxesOfLengthOne() {
        Ganglion.setRandomSeed(2);
        Dropout d = new Dropout(0.5).noiseShape(-1, 1, -1);
        assertArrayEquals(new int[]{-1, 1, -1}, d.noiseShape());
        Tensor y = d.apply(Tensor.ones(3, 4, 6), true);
        for (int b = 0; b < 3; b++) {
            for (int t = 1; t < 4; t++) {
                for (int f = 0; f < 6; f++) {
                    assertEquals(y.get(b, 0, f), y.get(b, t, f));
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dropout(0.5).noiseShape(2, 1).apply(Tensor.ones(3, 4, 6), true));
        assertTrue(e.getMessage().contains("noise_shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).noiseShape(2, 3).apply(Tensor.ones(3, 4), true));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).noiseShape(0, 1));
    }

    @Test
    void gradientWithAFixedMask() {
        Dropout d = new Dropout(0.4);
        Tensor x = Tensor.randomNormal(3, 4);
        GradCheck.check(in -> {
            Ganglion.setRandomSeed(77);   // the same mask at every evaluation
            return d.apply(in.get(0), true);
        }, 1e-3, 1e-2, 1e-4, x);
    }

    @Test
    void fluentSettersAndConfig() {
        NameScope.clear();
        Dropout d = new Dropout(0.25).inputShape(10).name("drop");
        assertEquals("drop", d.name());
        assertEquals("{name=drop, trainable=true, dtype={module=keras, class_name=DTypePolicy, config={name=float32}, "
                + "registered_name=null}, rate=0.25, seed=null, noise_shape=null}", d.getConfig().toString());
        assertEquals("[null, 1, 5]", new Dropout(0.1).noiseShape(-1, 1, 5).seed(3).getConfig().get("noise_shape")
                .toString());
        assertNull(new Dropout(0.1).noiseShape());
        assertEquals(0, new Dropout(0.5).countParams());
    }
}
