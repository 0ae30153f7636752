package ganglion.examples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tutorials on real tables, with a fixed seed, judged on their held-out 20%. */
class TabularExamplesTest {

    static void assumeSharedData(String dataset) {
        String root = System.getenv("GANGLION_SHARED_DATA");
        assumeTrue(root != null && Files.isDirectory(Path.of(root, dataset)),
                "$GANGLION_SHARED_DATA/" + dataset + " is not available (the Maven build sets it)");
    }

    @Test
    void irisHeldOutAccuracyIsAtLeast95Percent() {
        assumeSharedData("iris");
        Iris.Result r = Iris.run(42, 100, 0);
        assertTrue(r.testAccuracy() >= 0.95, "held-out accuracy " + r.testAccuracy());
    }

    @Test
    void pimaHeldOutAccuracyIsAtLeast75Percent() {
        assumeSharedData("pima-indians-diabetes");
        PimaDiabetes.Result r = PimaDiabetes.run(42, 100, 0);
        assertTrue(r.testAccuracy() >= 0.75, "held-out accuracy " + r.testAccuracy());
    }
}
