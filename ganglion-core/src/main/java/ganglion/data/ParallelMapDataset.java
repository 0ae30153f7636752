package ganglion.data;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code map(fn, parallelism)}: the reading thread pulls upstream elements and hands them to a pool of
 * {@code parallelism} daemon threads, keeping up to twice that many in flight, and returns results in input
 * order. The pool lives as long as the pass.
 */
final class ParallelMapDataset<S, T> extends Transformed<S, T> {

    private final Function<? super S, ? extends T> fn;
    private final int parallelism;

    ParallelMapDataset(Dataset<S> upstream, Function<? super S, ? extends T> fn, int parallelism) {
        super(upstream);
        this.fn = java.util.Objects.requireNonNull(fn, "fn");
        this.parallelism = parallelism;
    }

    @Override
    public DatasetIterator<T> iterator() {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "ganglion-dataset-map");
            t.setDaemon(true);
            return t;
        });
        return new Pass<S, T>(upstream.iterator()) {
            final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
            boolean closed;

            private void fill() {
                while (!closed && inFlight.size() < 2 * parallelism && in.hasNext()) {
                    S e = in.next();
                    inFlight.add(pool.submit(() -> fn.apply(e)));
                }
            }

            @Override
            public boolean hasNext() {
                fill();
                boolean more = !inFlight.isEmpty();
                if (!more) {
                    close();
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Future<T> f = inFlight.poll();
                try {
                    T r = f.get();
                    fill();
                    return r;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("Dataset.map interrupted", e);
                } catch (ExecutionException e) {
                    close();
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("Dataset.map function failed: " + cause, cause);
                }
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    for (Future<T> f : inFlight) {
                        f.cancel(true);
                    }
                    inFlight.clear();
                    pool.shutdownNow();
                    super.close();
                }
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality();
    }
}
