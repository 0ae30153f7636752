package ganglion.data;

import java.util.Iterator;

/**
 * One pass over a {@link Dataset}. Closing it releases what the pass holds (prefetch and parallel-map
 * threads, open files); a pass read to its end closes itself.
 *
 * @param <T> element type
 */
public interface DatasetIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();

    /** Wraps a plain iterator (nothing to release). */
    static <T> DatasetIterator<T> of(Iterator<T> it) {
        return new DatasetIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void close() {
                if (it instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Dataset: closing a pass failed: " + e.getMessage(), e);
                    }
                }
            }
        };
    }
}
