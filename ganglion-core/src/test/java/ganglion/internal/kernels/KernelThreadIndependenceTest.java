package ganglion.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The determinism rule of {@link Kernels}: one thread and two threads give bitwise equal results, for GEMM in
 * every transpose variant (split by rows and by columns) and for the kernels that go parallel on long runs.
 */
class KernelThreadIndependenceTest {

    private static final int[][] SHAPES = {
            {256, 256, 256}, {300, 520, 129}, {97, 700, 300}, {700, 97, 300}, {33, 1000, 600}, {1000, 40, 70},
    };

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void gemmIsBitwiseEqualOnOneAndTwoThreads(String impl) {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores");
        Kernels kern = KernelTesting.impl(impl);
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            for (int variant = 0; variant < 8; variant++) {
                boolean tA = (variant & 1) != 0, tB = (variant & 2) != 0;
                float beta = (variant & 4) != 0 ? 1f : 0f;
                float[] a = KernelTesting.random(m * k, 1), b = KernelTesting.random(k * n, 2);
                float[] c0 = KernelTesting.random(m * n, 3);
                Consumer<float[]> run = c -> kern.gemm(tA, tB, m, n, k, a, 0, tA ? m : k, b, 0, tB ? k : n, beta, c, 0, n);
                float[] one = c0.clone(), two = c0.clone();
                KernelTesting.withThreads(1, () -> run.accept(one));
                KernelTesting.withThreads(2, () -> run.accept(two));
                assertBitwiseEqual(one, two, kern.name() + " gemm tA=" + tA + " tB=" + tB + " beta=" + beta + " "
                        + m + "x" + n + "x" + k);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void longRunKernelsAreBitwiseEqualOnOneAndTwoThreads(String impl) {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores");
        Kernels kern = KernelTesting.impl(impl);
        int n = (1 << 19) + 13;
        float[] a = KernelTesting.random(n, 4), b = KernelTesting.random(n, 5);
        float[][] results = new float[2][];
        float[] sums = new float[2];
        for (int t = 1; t <= 2; t++) {
            int slot = t - 1;
            KernelTesting.withThreads(t, () -> {
                float[] out = new float[n];
                float[] y = b.clone();
                kern.add(a, 0, b, 0, out, 0, n);
                kern.axpy(0.37f, a, 0, y, 0, n);
                kern.mul(out, 0, y, 0, out, 0, n);
                kern.relu(out, 0, out, 0, n);
                kern.reluBackward(a, 0, b, 0, out, 0, n);
                kern.softmaxRows(out, 0, out, 0, 512, 1024);
                kern.sumRowsInto(a, 0, 512, 1024, out, 0);
                kern.addRowVector(out, 0, b, 0, out, 0, 1024, 512);
                results[slot] = out;
                sums[slot] = kern.sum(a, 0, n) + kern.dot(a, 0, b, 0, n) + kern.max(a, 0, n);
            });
        }
        assertBitwiseEqual(results[0], results[1], kern.name() + " element-wise chain");
        assertEquals(Float.floatToRawIntBits(sums[0]), Float.floatToRawIntBits(sums[1]), kern.name() + " reductions");
    }

    private static void assertBitwiseEqual(float[] x, float[] y, String what) {
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
                throw new AssertionError(what + ": differs at " + i + ": " + x[i] + " (1 thread) vs " + y[i] + " (2 threads)");
            }
        }
    }
}
