package ganglion.reliability;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The thread-safety and reproducibility promises of the README's "Safety and limits": predict from many
 * threads equals predict from one; two models train at once in one JVM; the same seed gives bit-identical
 * weights with 1 and with 2 kernel threads.
 */
class ConcurrencyAndReproducibilityTest {

    private final int threadsBefore = Ganglion.threads();

    @AfterEach
    void restoreThreads() {
        Ganglion.setThreads(threadsBefore);
    }

    private static Sequential mlp(long seed) {
        Ganglion.setRandomSeed(seed);
        Sequential m = new Sequential();
        m.add(new Dense(64, "relu").inputShape(20));
        m.add(new Dropout(0.2));
        m.add(new Dense(3, "softmax"));
        m.setOutput(new PrintStream(OutputStream.nullOutputStream()));
        return m;
    }

    private static Tensor data(long seed, int rows, int cols) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Tensor.of(v, rows, cols);
    }

    private static Tensor labels(Tensor x) {
        int n = x.shape()[0];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float s = x.get(i, 0) + x.get(i, 1);
            y[i] = s < -0.5f ? 0 : s < 0.5f ? 1 : 2;
        }
        return Tensor.of(y, n);
    }

    @Test
    void predictFromEightThreadsEqualsSingleThreaded() throws Exception {
        Sequential m = mlp(1);
        Tensor x = data(2, 16, 20);
        float[] expected = m.predict(x).toFloatArray();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 1000; i++) {
                        assertArrayEquals(expected, m.predict(x).toFloatArray());
                        ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(1000, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoModelsTrainAndPredictAtOnce() throws Exception {
        Tensor x = data(3, 512, 20);
        Tensor y = labels(x);
        Sequential a = mlp(4);
        Sequential b = mlp(4);
        a.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        b.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        // b trained alone first gives the reference weights for a trained concurrently with predict traffic
        Ganglion.setRandomSeed(9);
        b.fit(x, y, new FitOptions().epochs(3).batchSize(32).verbose(0).shuffle(false));
        Sequential other = mlp(5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> predicting = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    other.predict(x);
                }
            });
            Ganglion.setRandomSeed(9);
            a.fit(x, y, new FitOptions().epochs(3).batchSize(32).verbose(0).shuffle(false));
            predicting.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(b.getWeights().size(), a.getWeights().size());
        for (int i = 0; i < a.getWeights().size(); i++) {
            assertArrayEquals(b.getWeights().get(i).toFloatArray(), a.getWeights().get(i).toFloatArray());
        }
    }

    private static List<float[]> trainedWeights(int threads) {
        Ganglion.setThreads(threads);
        Tensor x = data(6, 1024, 20);
        Tensor y = labels(x);
        Sequential m = mlp(7);
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Ganglion.setRandomSeed(8);
        m.fit(x, y, new FitOptions().epochs(2).batchSize(64).verbose(0));
        List<float[]> w = new ArrayList<>();
        for (Tensor t : m.getWeights()) {
            w.add(t.toFloatArray());
        }
        return w;
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsWithOneAndTwoThreads() {
        List<float[]> one = trainedWeights(1);
        List<float[]> two = trainedWeights(2);
        List<float[]> twoAgain = trainedWeights(2);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "weight " + i + ": 1 vs 2 threads");
            assertArrayEquals(two.get(i), twoAgain.get(i), "weight " + i + ": two runs with 2 threads");
        }
    }
}
