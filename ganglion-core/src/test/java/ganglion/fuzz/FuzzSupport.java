package ganglion.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The contract every fuzz target checks: a reader given any bytes either returns a result or throws one of
 * its documented exception types with a non-empty message; any other throwable (a NullPointerException, an
 * index error, an OutOfMemoryError, a StackOverflowError) is a defect, and so is allocating more than a bound
 * derived from the input's size.
 */
final class FuzzSupport {

    /** A reader call that may throw anything. */
    @FunctionalInterface
    interface Call {
        void run() throws Throwable;
    }

    /**
     * Allocation allowed whatever the input's size (buffers, caches); an input-size factor is added per
     * target. The first call of each target runs once unmeasured, to keep class loading out of the count.
     */
    static final long BASE_BYTES = 32L << 20;

    private static final java.util.Set<String> WARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzSupport() {
    }

    /**
     * Runs {@code call}; rethrows (as an AssertionError naming the target) any throwable that is not an
     * instance of one of {@code allowed}, or an allowed one without a message; fails when the call allocated
     * more than {@code maxAllocated} bytes.
     */
    @SafeVarargs
    static void expect(String target, long maxAllocated, Call call, Class<? extends Throwable>... allowed) {
        if (WARMED.add(target)) {
            // The first call loads and instruments classes, which allocates far more than any input needs.
            check(target, Long.MAX_VALUE, call, allowed);
        }
        try {
            check(target, maxAllocated, call, allowed);
        } catch (MemoryBoundExceeded first) {
            // A new code path may load (and instrument) classes once; only a repeatable excess is a defect.
            check(target, maxAllocated, call, allowed);
        }
    }

    /** The allocation bound was exceeded. */
    static final class MemoryBoundExceeded extends AssertionError {
        private static final long serialVersionUID = 1L;

        MemoryBoundExceeded(String message) {
            super(message);
        }
    }

    @SafeVarargs
    private static void check(String target, long maxAllocated, Call call, Class<? extends Throwable>... allowed) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            call.run();
        } catch (Throwable t) {
            boolean ok = false;
            for (Class<? extends Throwable> c : allowed) {
                ok |= c.isInstance(t);
            }
            if (!ok) {
                throw new AssertionError(target + ": undocumented " + t.getClass().getName() + ": "
                        + t.getMessage(), t);
            }
            if (t.getMessage() == null || t.getMessage().isBlank()) {
                throw new AssertionError(target + ": " + t.getClass().getName() + " without a message", t);
            }
        }
        long used = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (used > maxAllocated) {
            throw new MemoryBoundExceeded(target + ": allocated " + used + " bytes for this input, more than the "
                    + maxAllocated + "-byte bound");
        }
    }

    /** A fresh temporary folder (deleted by {@link #delete}). */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree, ignoring errors. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Writes {@code bytes} to {@code file}. */
    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
