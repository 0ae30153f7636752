package ganglion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Library-wide settings: seed, threads, backend description. */
class GanglionTest {

    @Test
    void setRandomSeedMakesDrawsRepeatable() {
        Ganglion.setRandomSeed(7);
        double a = Ganglion.random().nextDouble();
        float[] w = Tensor.randomNormal(5).toFloatArray();
        Ganglion.setRandomSeed(7);
        assertEquals(a, Ganglion.random().nextDouble());
        assertEquals(w[4], Tensor.randomNormal(5).get(4));
        Ganglion.setRandomSeed(8);
        assertNotEquals(a, Ganglion.random().nextDouble());
    }

    @Test
    void threadsAreClampedToTheCores() {
        int before = Ganglion.threads();
        try {
            Ganglion.setThreads(1);
            assertEquals(1, Ganglion.threads());
            Ganglion.setThreads(10_000);
            assertEquals(Runtime.getRuntime().availableProcessors(), Ganglion.threads());
            assertThrows(IllegalArgumentException.class, () -> Ganglion.setThreads(0));
        } finally {
            Ganglion.setThreads(before);
        }
    }

    @Test
    void backendInfoNamesKernelsThreadsAndJava() {
        String info = Ganglion.backendInfo();
        assertTrue(info.contains("kernels") && info.contains("threads") && info.contains("Java"), info);
    }
}
