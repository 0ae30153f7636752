package ganglion;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.KernelWarmup;
import ganglion.internal.kernels.Parallel;

import java.util.Random;

/**
 * Library-wide settings: the random seed, the kernel thread count, and what the compute backend is.
 * Ganglion prints nothing about its backend unless asked through {@link #backendInfo()}.
 */
public final class Ganglion {

    private static volatile Random random = new Random();

    static {
        KernelWarmup.start();   // JIT warm-up of the kernels, in the background (see KernelWarmup)
    }

    private Ganglion() {
    }

    /**
     * Seeds every random source (weight initialisation, dropout masks, shuffling), as Keras's
     * {@code keras.utils.set_random_seed}: the same seed gives the same weights and the same losses,
     * whatever the number of threads.
     */
    public static void setRandomSeed(long seed) {
        random = new Random(seed);
    }

    /** The shared random source. Draws happen on the calling (training) thread, in program order. */
    public static Random random() {
        return random;
    }

    /** Sets how many threads kernels use (at most the number of cores). */
    public static void setThreads(int n) {
        Parallel.setThreads(n);
    }

    /** How many threads kernels use. */
    public static int threads() {
        return Parallel.threads();
    }

    /** One line saying which kernels and how many threads are in use, e.g. for a bug report. */
    public static String backendInfo() {
        return "Ganglion kernels: " + KernelProvider.get().name() + ", threads: " + Parallel.threads()
                + ", Java " + Runtime.version();
    }
}
