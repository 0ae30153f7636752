package ganglion.data;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link Dataset#prefetch}: a daemon thread reads the upstream pass into a bounded queue while the
 * consumer trains; an upstream error is handed over and rethrown on the consumer's thread.
 */
final class PrefetchDataset<T> extends Transformed<T, T> {

    private static final Object END = new Object();

    private final int bufferSize;

    PrefetchDataset(Dataset<T> upstream, int bufferSize) {
        super(upstream);
        this.bufferSize = bufferSize;
    }

    private record Failure(Throwable error) {
    }

    @Override
    public DatasetIterator<T> iterator() {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(bufferSize);
        Thread producer = new Thread(() -> {
            try (DatasetIterator<T> in = upstream.iterator()) {
                while (in.hasNext()) {
                    T e = in.next();
                    while (!queue.offer(e, 100, TimeUnit.MILLISECONDS)) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                queue.clear();
                queue.offer(new Failure(t));
            }
        }, "ganglion-dataset-prefetch");
        producer.setDaemon(true);
        producer.start();
        return new DatasetIterator<>() {
            Object head;
            boolean done;

            @Override
            public boolean hasNext() {
                if (done) {
                    return false;
                }
                if (head == null) {
                    try {
                        head = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        close();
                        throw new IllegalStateException("Dataset.prefetch interrupted", e);
                    }
                }
                if (head == END) {
                    done = true;
                    return false;
                }
                if (head instanceof Failure f) {
                    done = true;
                    Throwable t = f.error();
                    if (t instanceof RuntimeException re) {
                        throw re;
                    }
                    if (t instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("Dataset pipeline failed: " + t, t);
                }
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T e = (T) head;
                head = null;
                return e;
            }

            @Override
            public void close() {
                done = true;
                producer.interrupt();
                queue.clear();
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality();
    }
}
