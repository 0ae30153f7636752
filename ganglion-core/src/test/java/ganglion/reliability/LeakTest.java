package ganglion.reliability;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.Callback;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long runs do not leak: the heap in use after each epoch (measured after full garbage collections) stops
 * growing once the second epoch is done. The CI version trains a small CNN on synthetic data for 3 short
 * epochs; the soak version ({@code -Pslow}) trains the Fashion-MNIST CNN for 20 epochs.
 */
class LeakTest {

    /** Records the heap in use after each epoch. */
    static final class HeapRecorder extends Callback {
        final List<Long> heap = new ArrayList<>();

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            heap.add(usedHeapAfterGc());
        }
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private static Sequential cnn(int side) {
        Sequential m = new Sequential();
        m.add(new Conv2D(8, 3).activation("relu").inputShape(side, side, 1));
        m.add(new MaxPooling2D(2).strides(2));
        m.add(new Conv2D(16, 3).activation("relu"));
        m.add(new Flatten());
        m.add(new Dense(32, "relu"));
        m.add(new Dropout(0.3));
        m.add(new Dense(10, "softmax"));
        m.setOutput(new PrintStream(OutputStream.nullOutputStream()));
        return m;
    }

    private static String mb(List<Long> heap) {
        StringBuilder b = new StringBuilder("[");
        for (long h : heap) {
            b.append(b.length() > 1 ? ", " : "").append(h >> 20).append(" MB");
        }
        return b.append(']').toString();
    }

    @Test
    void heapDoesNotGrowAfterTheSecondEpoch() {
        Ganglion.setRandomSeed(7);
        int n = 256;
        int side = 16;
        java.util.Random r = new java.util.Random(7);
        float[] x = new float[n * side * side];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10);
            for (int j = 0; j < side * side; j++) {
                x[i * side * side + j] = (float) r.nextGaussian() * 0.5f + (j % 10 == y[i] ? 1f : 0f);
            }
        }
        Sequential m = cnn(side);
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        HeapRecorder rec = new HeapRecorder();
        m.fit(Tensor.of(x, n, side, side, 1), Tensor.of(y, n),
                new FitOptions().epochs(3).batchSize(32).verbose(0).callbacks(rec));
        assertTrue(rec.heap.size() == 3, "epochs recorded: " + rec.heap.size());
        long growth = rec.heap.get(2) - rec.heap.get(1);
        assertTrue(growth < (16L << 20), "heap grew by " + (growth >> 20) + " MB from epoch 2 to 3: " + mb(rec.heap));
    }

    @Test
    @Tag("slow")
    void fashionMnistCnnTwentyEpochsDoesNotLeak() {
        String shared = System.getenv("GANGLION_SHARED_DATA");
        Path dir = shared == null ? null : Path.of(shared, "fashion-mnist");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "Fashion-MNIST not found in shared data");
        TrainTestData d = FashionMnist.loadData(dir);
        int n = d.xTrain().shape(0);
        Tensor x = d.xTrain().reshape(n, 28, 28, 1).div(255f);
        Ganglion.setRandomSeed(1);
        Sequential m = new Sequential();
        m.add(new Conv2D(16, 3).inputShape(28, 28, 1));
        m.add(new MaxPooling2D(2).strides(2));
        m.add(new Conv2D(32, 3));
        m.add(new MaxPooling2D(2).strides(2));
        m.add(new Conv2D(64, 3));
        m.add(new Flatten());
        m.add(new Dense(128, "relu"));
        m.add(new Dropout(0.3));
        m.add(new Dense(10, "softmax"));
        m.setOutput(new PrintStream(OutputStream.nullOutputStream()));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        HeapRecorder rec = new HeapRecorder();
        m.fit(x, d.yTrain(), new FitOptions().epochs(20).batchSize(32).verbose(0).callbacks(rec));
        System.out.println("LeakTest soak heap after each epoch: " + mb(rec.heap));
        long base = rec.heap.get(1);
        for (int e = 2; e < rec.heap.size(); e++) {
            long growth = rec.heap.get(e) - base;
            assertTrue(growth < (32L << 20), "heap grew by " + (growth >> 20) + " MB from epoch 2 to epoch " + (e + 1)
                    + ": " + mb(rec.heap));
        }
    }
}
