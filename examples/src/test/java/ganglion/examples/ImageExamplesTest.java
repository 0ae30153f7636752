package ganglion.examples;

import ganglion.Tensor;
import ganglion.datasets.Cifar10;
import ganglion.datasets.Mnist;
import ganglion.datasets.TrainTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNN examples on a few thousand images with a fixed seed, asserting a lower bar than the full runs
 * ({@link ImageExamplesSlowTest}); each writes its history CSV and figures.
 */
class ImageExamplesTest {

    private static void assertCurves(List<Path> files, int epochs) throws Exception {
        Path csv = files.get(0);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("epoch,") && lines.get(0).contains("accuracy"), lines.get(0));
        assertEquals(epochs + 1, lines.size(), csv + ": " + lines);
        for (Path p : files.subList(1, files.size())) {
            if (p.toString().endsWith(".png")) {
                ToolkitExamplesTest.assertFigure(p);
            }
        }
    }

    @Test
    void modelsHaveTheSeedsShapesAndParameterCounts() {
        assertEquals(225034, MnistCnn.buildModel().countParams());
        assertEquals(160202, Cifar10Cnn.buildModel().countParams());
        assertEquals(14, FashionMnistVgg.buildModel().layers().size());
        assertEquals(98442, FashionMnistCnn.buildModel().countParams());
    }

    @Test
    void fashionCnnLearnsFromTheShippedSample(@TempDir Path out) throws Exception {
        TrainTestData d = ImageExamples.slice(FashionMnistMlp.loadSample(), 3000, 500);
        ImageExamples.Result r = FashionMnistCnn.run(d, 2, 42, 0, out);
        assertTrue(r.testAccuracy() >= 0.70, "test accuracy " + r.testAccuracy());
        assertCurves(r.files(), 2);
    }

    @Test
    void mnistCnnLearnsFromAFewThousandImages(@TempDir Path out) throws Exception {
        TabularExamplesTest.assumeSharedData("mnist");
        TrainTestData d = ImageExamples.slice(Mnist.loadData(), 3000, 1000);
        ImageExamples.Result r = MnistCnn.run(d, 2, 42, 0, out);
        assertTrue(r.testAccuracy() >= 0.85, "test accuracy " + r.testAccuracy());
        assertCurves(r.files(), 2);
    }

    @Test
    void vggTrainsOneEpochOnASmallSlice() {
        TrainTestData d = ImageExamples.slice(FashionMnistMlp.loadSample(), 1600, 300);
        ImageExamples.Result r = FashionMnistVgg.run(d, 1, 42, 0, null);
        assertTrue(r.testAccuracy() >= 0.40, "test accuracy " + r.testAccuracy());
    }

    @Test
    void cifarCnnLearnsFromTheJpegCopy(@TempDir Path out) throws Exception {
        TabularExamplesTest.assumeSharedData(Cifar10.JPEG_NAME);
        TrainTestData d = Cifar10.loadData(4000, 1000);
        assertArrayEquals(new int[]{4000, 1}, d.yTrain().shape());
        ImageExamples.Result r = Cifar10Cnn.run(d, 2, 42, 0, out);
        assertTrue(r.testAccuracy() >= 0.20, "test accuracy " + r.testAccuracy());   // 10 % is chance; 0.241 measured
        assertCurves(r.files(), 2);
    }

    @Test
    void augmentationEnlargesTheTrainingSetAndTrains(@TempDir Path out) throws Exception {
        TrainTestData d = ImageExamples.slice(FashionMnistMlp.loadSample(), 2000, 500);
        Tensor variants = FashionMnistAugmentation.hundredVariants(d.xTrain().slice(0, 1), 1);
        assertArrayEquals(new int[]{100, 28, 28, 1}, variants.shape());
        TrainTestData enlarged = FashionMnistAugmentation.augment(d, 1000, 7);
        assertArrayEquals(new int[]{3000, 28, 28}, enlarged.xTrain().shape());
        ImageExamples.Result r = FashionMnistAugmentation.run(d, 1000, 1, 42, 0, out);
        assertTrue(r.testAccuracy() >= 0.6, "test accuracy " + r.testAccuracy());
        ToolkitExamplesTest.assertFigure(out.resolve("augmented_samples.png"));
        assertTrue(Files.exists(out.resolve("fashion_mnist_augmented_history.csv")));
    }
}
