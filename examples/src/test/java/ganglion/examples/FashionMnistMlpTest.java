package ganglion.examples;

import ganglion.datasets.TrainTestData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job, on the shipped sample and on the full data set. The full run (5 epochs on 60,000 images)
 * takes about 30 s on 2 cores, so it runs in every build rather than only under -Pslow.
 */
class FashionMnistMlpTest {

    @Test
    void shippedSampleIsBalancedAndReal() {
        TrainTestData d = FashionMnistMlp.loadSample();
        assertArrayEquals(new int[]{6000, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new int[]{1000, 28, 28}, d.xTest().shape());
        int[] counts = new int[10];
        for (float v : d.yTest().toFloatArray()) {
            counts[(int) v]++;
        }
        assertArrayEquals(new int[]{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, counts);
        assertEquals(9f, d.yTrain().get(0));     // the first training image of Fashion-MNIST is an ankle boot
    }

    @Test
    void mlpLearnsFromTheShippedSample() {
        FashionMnistMlp.Result r = FashionMnistMlp.run(FashionMnistMlp.loadSample(), 5, 42, 0);
        assertTrue(r.testAccuracy() >= 0.80, "sample test accuracy " + r.testAccuracy());
    }

    @Test
    void mlpReaches87PercentOnTheFullTestSetInFiveEpochs() {
        TabularExamplesTest.assumeSharedData("fashion-mnist");
        FashionMnistMlp.Data d = FashionMnistMlp.loadData(System.out);
        assertTrue(d.full(), d.source());
        FashionMnistMlp.Result r = FashionMnistMlp.run(d.data(), 5, 42, 0);
        assertTrue(r.testAccuracy() >= 0.87, "test accuracy " + r.testAccuracy());
    }
}
