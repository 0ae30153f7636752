package ganglion.data;

import java.util.NoSuchElementException;

/** {@link Dataset#take}: stops after {@code count} elements (and closes the upstream pass then). */
final class TakeDataset<T> extends Transformed<T, T> {

    private final long count;

    TakeDataset(Dataset<T> upstream, long count) {
        super(upstream);
        this.count = count;
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<T, T>(upstream.iterator()) {
            long taken;

            @Override
            public boolean hasNext() {
                return taken < count && in.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return in.next();
            }
        };
    }

    @Override
    public long cardinality() {
        long n = upstream.cardinality();
        if (n == INFINITE) {
            return count;
        }
        return n < 0 ? UNKNOWN : Math.min(n, count);
    }
}
