package ganglion.internal.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads that, with the calling thread, runs the chunks of one
 * {@link Parallel#forRange} at a time. Kernels hand work over every few tens of microseconds, so idle workers
 * spin for a short while before parking, and the caller takes a share of the chunks itself: a hand-off costs
 * about a microsecond instead of the tens of microseconds a thread wake-up takes.
 *
 * <p>Which thread runs which chunk varies; the chunks themselves do not, so results stay deterministic.
 */
final class KernelTeam {

    /** How long an idle worker spins before parking. */
    private static final long SPIN_NANOS = 200_000L;

    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean stopped;
    /** The current (or last) job; a new object per call, so a late worker can never mix two jobs. */
    private volatile Job job;

    /** One call's chunks, claimed by index. */
    private static final class Job {
        final Parallel.RangeBody body;
        final int n, chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Parallel.RangeBody body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    KernelTeam(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i);
            workers[i].start();
        }
    }

    /** Whether the current thread is a kernel worker. */
    static boolean onWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /**
     * Runs the chunks of [0, n) with the team, or returns false without running anything when the team is
     * already busy (a nested or concurrent call), in which case the caller runs the range itself.
     */
    boolean tryRun(int n, int chunks, Parallel.RangeBody body) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            Job j = new Job(body, n, chunks);
            job = j;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            j.work();
            await(j);
            Throwable t = j.failure;
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    private static void await(Job j) {
        long start = 0;
        int spins = 0;
        while (j.done.get() < j.chunks) {
            Thread.onSpinWait();
            if (++spins >= 1 << 12) {
                if (start == 0) {
                    start = System.nanoTime();
                } else if (System.nanoTime() - start > 1_000_000L) {
                    Thread.yield();   // a worker was descheduled: stop burning the core it needs
                }
            }
        }
    }

    /** Stops the workers once they are idle. */
    void shutdown() {
        stopped = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
    }

    private final class Worker extends Thread {
        volatile boolean parked;

        Worker(int index) {
            super("ganglion-kernel-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = job;
            while (!stopped) {
                Job j = job;
                if (j != seen) {
                    seen = j;
                    j.work();
                } else {
                    idle(seen);
                }
            }
        }

        /** Spins for a while waiting for the next job, then parks until unparked. */
        private void idle(Job seen) {
            long start = System.nanoTime();
            while (job == seen && !stopped) {
                for (int i = 0; i < 64; i++) {
                    Thread.onSpinWait();
                }
                if (System.nanoTime() - start > SPIN_NANOS) {
                    parked = true;
                    if (job == seen && !stopped) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    start = System.nanoTime();
                }
            }
        }
    }
}
