package ganglion.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chapter 13-15 ports, shortened, with their PNG figures decoded and checked. */
class ToolkitExamplesTest {

    static void assertFigure(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() >= 300 && img.getHeight() >= 300, png + " is not a figure");
        int first = img.getRGB(0, 0);
        int differing = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                differing += img.getRGB(x, y) != first ? 1 : 0;
            }
        }
        assertTrue(differing > 200, png + " looks blank");
    }

    @Test
    void kFoldExample(@TempDir Path dir) throws Exception {
        TabularExamplesTest.assumeSharedData("sklearn-small");
        KFoldExample.Result r = KFoldExample.run(dir, 15, 3, 0);
        assertTrue(r.testAccuracy() > 0.9, "test accuracy " + r.testAccuracy());
        assertEquals(3, r.foldAccuracies().size());
        assertTrue(r.meanAccuracy() > 0.9, "mean accuracy " + r.meanAccuracy());
        for (Path p : r.figures()) {
            assertFigure(p);
        }
    }

    @Test
    void checkpointEarlyStopping(@TempDir Path dir) throws Exception {
        TabularExamplesTest.assumeSharedData("pima-indians-diabetes");
        CheckpointEarlyStopping.Result r = CheckpointEarlyStopping.run(dir, 300, 5, 0);
        assertTrue(r.stoppedEpoch() > 0 && r.epochsRun() < 300, "early stopping did not stop: " + r.epochsRun());
        assertFalse(r.checkpoints().isEmpty());
        assertTrue(r.bestTestAccuracy() > 0.65, "reloaded best model's accuracy " + r.bestTestAccuracy());
        for (Path p : r.figures()) {
            assertFigure(p);
        }
    }

    @Test
    void housePrices(@TempDir Path dir) throws Exception {
        TabularExamplesTest.assumeSharedData("sklearn-small");
        HousePrices.Result r = HousePrices.run(dir, 300, 0);
        assertTrue(r.missingBefore().get("RM") > 0);
        assertEquals(5, r.features().size());
        assertTrue(r.features().contains("LSTAT") && r.features().contains("RM"), r.features().toString());
        assertTrue(r.testRmse() < 7, "test RMSE " + r.testRmse());
        for (Path p : r.figures()) {
            assertFigure(p);
        }
    }
}
