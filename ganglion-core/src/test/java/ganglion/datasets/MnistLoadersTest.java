package ganglion.datasets;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistLoadersTest {

    private static int[] classCounts(Tensor y) {
        int[] c = new int[10];
        for (float v : y.toFloatArray()) {
            c[(int) v]++;
        }
        return c;
    }

    @Test
    void fashionMnistHasKerasShapesAndBalancedClasses() {
        SharedData.folder(FashionMnist.NAME);
        TrainTestData d = FashionMnist.loadData();
        assertArrayEquals(new int[]{60000, 28, 28}, d.xTrain().shape());
        assertArrayEquals(new int[]{60000}, d.yTrain().shape());
        assertArrayEquals(new int[]{10000, 28, 28}, d.xTest().shape());
        assertArrayEquals(new int[]{10000}, d.yTest().shape());
        for (int c : classCounts(d.yTrain())) {
            assertEquals(6000, c);
        }
        float[] x = d.xTest().toFloatArray();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(255f, max);
    }

    @Test
    void mnistLabelsMatchThePublishedCounts() {
        TrainTestData d = Mnist.loadData(SharedData.folder(Mnist.NAME));
        assertArrayEquals(new int[]{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                classCounts(d.yTrain()));
        assertArrayEquals(new int[]{10000, 28, 28}, d.xTest().shape());
        assertEquals(5f, d.yTrain().get(0));       // the first training digit is a 5
    }

    @Test
    void mismatchedImageAndLabelCountsAreReported(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxReaderTest.idx(8, new int[]{3, 28, 28}, 3 * 784));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxReaderTest.gzip(new byte[]{0, 0, 8, 1, 0, 0, 0, 2, 1, 2}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxReaderTest.idx(8, new int[]{1, 28, 28}, 784));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 9});
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> FashionMnist.loadData(dir));
        assertTrue(e.getMessage().contains("holds 3 images but") && e.getMessage().contains("2 labels"),
                e.getMessage());
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                IdxReaderTest.gzip(new byte[]{0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3}));
        TrainTestData d = FashionMnist.loadData(dir);
        assertArrayEquals(new float[]{1, 2, 3}, d.yTrain().toFloatArray());
        assertArrayEquals(new float[]{9}, d.yTest().toFloatArray());
    }
}
