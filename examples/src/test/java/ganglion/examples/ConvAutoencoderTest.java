package ganglion.examples;

import ganglion.datasets.Mnist;
import ganglion.datasets.TrainTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The convolutional autoencoder: a quick run on a few thousand images, and the bar as a slow test. */
class ConvAutoencoderTest {

    @Test
    void learnsToReconstructOnAFewThousandImages(@TempDir Path dir) throws Exception {
        TabularExamplesTest.assumeSharedData("mnist");
        TrainTestData d = ImageExamples.slice(Mnist.loadData(), 1000, 300);
        ConvAutoencoder.Result r = ConvAutoencoder.run(d, 2, 16, 42, 0, dir);
        // an all-zero image scores about 0.11 on MNIST; the mean image about 0.07
        System.out.println("ConvAutoencoderTest: test MSE " + r.testMse());
        assertTrue(r.testMse() < 0.06, "test reconstruction MSE " + r.testMse());
        assertTrue(Double.isFinite(r.finalLoss()));
        assertTrue(Files.size(r.png()) > 1000, "PNG written");
    }

    /** Issue 6: reconstruction error on the MNIST test set below 0.02 MSE after 5 epochs. */
    @Test
    @Tag("slow")
    void testMseBelow002AfterFiveEpochs() {
        TabularExamplesTest.assumeSharedData("mnist");
        ConvAutoencoder.Result r = ConvAutoencoder.run(Mnist.loadData(), 5, 42, 0, null);
        assertTrue(r.testMse() < 0.02, "test reconstruction MSE " + r.testMse());
    }
}
