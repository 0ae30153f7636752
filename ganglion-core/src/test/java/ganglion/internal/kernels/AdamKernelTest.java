package ganglion.internal.kernels;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The fused Adam kernel: vector and scalar agree bit for bit, on any thread count, and g is zeroed. */
class AdamKernelTest {

    private static float[] rand(Random r, int n, boolean positive) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = positive ? r.nextFloat() * 0.01f : (float) r.nextGaussian();
        }
        return x;
    }

    private static float[][] run(Kernels k, int n, int threads) {
        Random r = new Random(n);
        float[] w = rand(r, n, false), g = rand(r, n, false), m = rand(r, n, false), v = rand(r, n, true);
        int saved = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            k.adam(w, g, m, v, n, 1e-3f, 0.1f, 0.001f, 1e-7f, true);
            k.adam(w, g, m, v, n, 2e-3f, 0.1f, 0.001f, 1e-7f, false);
        } finally {
            Parallel.setThreads(saved);
        }
        return new float[][]{w, g, m, v};
    }

    @Test
    void vectorMatchesScalarAndThreadCountDoesNotMatter() {
        Kernels vector = KernelProvider.tryVector();
        for (int n : new int[]{1, 17, 1000, 70_001, 300_000}) {
            float[][] scalar = run(new ScalarKernels(), n, 1);
            assertArrayEquals(new float[n], scalar[1], "g zeroed");
            if (vector != null) {
                for (int threads : new int[]{1, 2}) {
                    float[][] got = run(vector, n, threads);
                    for (int i = 0; i < 4; i++) {
                        assertArrayEquals(scalar[i], got[i], "array " + i + ", n " + n + ", threads " + threads);
                    }
                }
            }
        }
    }
}
