package ganglion.internal.kernels;

/**
 * The one kernel thread pool. Sized to the machine's cores unless the user asks otherwise
 * ({@code Ganglion.setThreads(n)} or the system property {@code ganglion.threads}); never more threads
 * than cores, so it cannot oversubscribe the machine. The calling thread is one of the threads: a pool of
 * n threads has n - 1 workers ({@link KernelTeam}).
 */
public final class Parallel {

    /** A body of work over the half-open range [start, end). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private static volatile int threads = initialThreads();
    private static volatile KernelTeam team;

    static {
        KernelWarmup.start();
    }

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
            KernelTeam old = team;
            team = null;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    private static KernelTeam team() {
        KernelTeam t = team;
        if (t == null) {
            synchronized (Parallel.class) {
                t = team;
                if (t == null) {
                    t = new KernelTeam(threads);
                    team = t;
                }
            }
        }
        return t;
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@link #threads()} contiguous chunks, each at least
     * {@code minChunk} long, the calling thread taking part. Runs inline when one chunk suffices, when called
     * from a kernel thread, or while the pool serves another call. Chunk boundaries depend only on n, the thread
     * count and minChunk, and each index is processed by exactly one chunk.
     */
    public static void forRange(int n, int minChunk, RangeBody body) {
        int t = threads;
        int chunks = Math.max(1, Math.min(t, n / Math.max(1, minChunk)));
        if (chunks <= 1 || KernelTeam.onWorker() || !team().tryRun(n, chunks, body)) {
            body.run(0, n);
        }
    }
}
