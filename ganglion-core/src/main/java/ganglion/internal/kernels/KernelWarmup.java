package ganglion.internal.kernels;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the JIT warm-up of the vector kernels in the background, once per JVM, as early as Ganglion is touched
 * ({@code Ganglion}, {@link Parallel} and {@link KernelProvider} call {@link #start()} when first loaded). Vector
 * API code is only fast once C2 has compiled it: run interpreted or by C1, every vector operation allocates, and
 * the first training steps of a fresh JVM would take seconds. A daemon thread therefore runs each kernel on small
 * inputs until C2 has compiled it, mostly while the program is still reading its data and building its model
 * ({@link Kernels#warmUp()} says what runs). It prints nothing, uses no kernel threads and only its own arrays, so
 * results are the same with or without it; {@code -Dganglion.warmup=false} turns it off. Nothing runs with the
 * scalar kernels ({@code -Dganglion.kernels=scalar}, or no {@code jdk.incubator.vector}): C1 runs them well.
 */
public final class KernelWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private KernelWarmup() {
    }

    /** Starts the warm-up thread unless it has started before or is turned off; returns at once. */
    public static void start() {
        if ("false".equalsIgnoreCase(System.getProperty("ganglion.warmup"))
                || "scalar".equalsIgnoreCase(System.getProperty("ganglion.kernels"))
                || !STARTED.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread t = new Thread(KernelWarmup::run, "ganglion-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        } catch (RuntimeException | Error ignored) {
            // e.g. no more threads: the kernels work without warm-up
        }
    }

    /**
     * Warms up a vector kernel instance of its own: it does not initialise {@link KernelProvider}, so that an
     * error starting the kernels is reported where the program first uses them, with its message.
     */
    private static void run() {
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return;
            }
            Class<?> c = Class.forName("ganglion.internal.kernels.vector.VectorKernels");
            ((Kernels) c.getDeclaredConstructor().newInstance()).warmUp();
        } catch (Throwable ignored) {
            // best effort: the kernels work without warm-up
        }
    }
}
