package ganglion.examples;

import ganglion.datasets.Cifar10;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.Mnist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accuracy targets on the full data sets with a fixed seed (minutes each on 2 cores):
 * {@code mvn -Pslow test -pl examples -am -Dtest=ImageExamplesSlowTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class ImageExamplesSlowTest {

    @Test
    void mnistCnnReaches98point8PercentInThreeEpochs() {
        TabularExamplesTest.assumeSharedData("mnist");
        ImageExamples.Result r = MnistCnn.run(Mnist.loadData(), 3, 42, 2, null);
        assertTrue(r.testAccuracy() >= 0.988, "test accuracy " + r.testAccuracy());
    }

    @Test
    void fashionCnnReaches90point5PercentInFiveEpochs() {
        TabularExamplesTest.assumeSharedData("fashion-mnist");
        ImageExamples.Result r = FashionMnistCnn.run(FashionMnist.loadData(), 5, 42, 2, null);
        assertTrue(r.testAccuracy() >= 0.905, "test accuracy " + r.testAccuracy());
    }

    @Test
    void cifarCnnReaches68PercentInTenEpochs() {
        TabularExamplesTest.assumeSharedData(Cifar10.JPEG_NAME);
        ImageExamples.Result r = Cifar10Cnn.run(Cifar10.loadData(), 10, 42, 2, null);
        assertTrue(r.testAccuracy() >= 0.68, "test accuracy " + r.testAccuracy());
    }
}
