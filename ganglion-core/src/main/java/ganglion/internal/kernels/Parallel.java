package ganglion.internal.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The one kernel thread pool. Sized to the machine's cores unless the user asks otherwise
 * ({@code Ganglion.setThreads(n)} or the system property {@code ganglion.threads}); never more threads
 * than cores, so it cannot oversubscribe the machine.
 */
public final class Parallel {

    /** A body of work over the half-open range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int threads = initialThreads();
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    private static int initialThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String prop = System.getProperty("ganglion.threads");
        if (prop != null) {
            try {
                int n = Integer.parseInt(prop.trim());
                if (n >= 1) {
                    return Math.min(n, cores);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the core count
            }
        }
        return cores;
    }

    /** Number of threads kernels may use. */
    public static int threads() {
        return threads;
    }

    /** Sets the number of kernel threads, clamped to [1, available cores]. */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        int clamped = Math.min(n, Runtime.getRuntime().availableProcessors());
        if (clamped != threads) {
            threads = clamped;
            ForkJoinPool old = pool;
            pool = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads, pool -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setName("ganglion-kernel-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    }, null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous chunks, each at least
     * {@code minChunk} long. Runs inline when one chunk suffices. Chunk boundaries depend only on n, the
     * thread count and minChunk, and each index is processed by exactly one chunk.
     */
    public static void forRange(int n, int minChunk, RangeBody body) {
        int t = threads;
        int chunks = Math.max(1, Math.min(t, n / Math.max(1, minChunk)));
        if (chunks <= 1 || ForkJoinTask.inForkJoinPool()) {
            body.run(0, n);
            return;
        }
        pool().invoke(new Chunks(body, n, chunks, 0, chunks));
    }

    private static final class Chunks extends RecursiveAction {
        private final RangeBody body;
        private final int n, chunks, lo, hi;

        Chunks(RangeBody body, int n, int chunks, int lo, int hi) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                long start = (long) n * lo / chunks;
                long end = (long) n * (lo + 1) / chunks;
                body.run((int) start, (int) end);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Chunks(body, n, chunks, lo, mid), new Chunks(body, n, chunks, mid, hi));
        }
    }
}
