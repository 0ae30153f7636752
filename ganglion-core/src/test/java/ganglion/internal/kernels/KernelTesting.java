package ganglion.internal.kernels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.Stream;

/** Shared helpers for the kernel tests: the implementations under test and seeded random data. */
final class KernelTesting {

    static final String SCALAR = "scalar";
    static final String VECTOR = "vector";

    private KernelTesting() {
    }

    /** Names of the implementations every contract test runs on. */
    static Stream<String> impls() {
        return Stream.of(SCALAR, VECTOR);
    }

    /** The implementation by name; skips the test when the Vector API is not available in this JVM. */
    static Kernels impl(String name) {
        if (SCALAR.equals(name)) {
            return new ScalarKernels();
        }
        Kernels v = KernelProvider.tryVector();
        assumeTrue(v != null, "Vector API unavailable (run with --add-modules jdk.incubator.vector)");
        return v;
    }

    /** n floats uniform in [-1, 1). */
    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 2f - 1f;
        }
        return x;
    }

    /** Runs {@code body} with the kernel pool at {@code threads} threads, then restores the previous count. */
    static void withThreads(int threads, Runnable body) {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(threads);
            body.run();
        } finally {
            Parallel.setThreads(before);
        }
    }
}
