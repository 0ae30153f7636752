package ganglion.internal.ops;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutMasksTest {

    @Test
    void dropsAboutRateAndScalesTheRest() {
        float[] m = DropoutMasks.mask(new Random(1), 0.2, 100_001);
        int zeros = 0;
        for (float x : m) {
            if (x == 0f) {
                zeros++;
            } else {
                assertEquals(1.25f, x);
            }
        }
        assertEquals(0.2, zeros / 100_001.0, 0.01);
    }

    @Test
    void seededSourcesRepeatAndDiffer() {
        assertArrayEquals(DropoutMasks.mask(new Random(7), 0.5, 999), DropoutMasks.mask(new Random(7), 0.5, 999));
        float[] a = DropoutMasks.mask(new Random(7), 0.5, 999);
        float[] b = DropoutMasks.mask(new Random(8), 0.5, 999);
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void edgeRates() {
        for (float x : DropoutMasks.mask(new Random(1), 0.0, 33)) {
            assertEquals(1f, x);
        }
        for (float x : DropoutMasks.mask(new Random(1), 1.0, 33)) {
            assertEquals(0f, x);
        }
        assertThrows(IllegalArgumentException.class, () -> DropoutMasks.mask(new Random(1), 1.5, 3));
    }
}
