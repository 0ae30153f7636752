package ganglion.data;

import java.util.NoSuchElementException;

/** {@link Dataset#unbatch}: one element per row of each batch. */
final class UnbatchDataset<T> extends Transformed<T, T> {

    UnbatchDataset(Dataset<T> upstream) {
        super(upstream);
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<T, T>(upstream.iterator()) {
            T batch;
            int rows;
            int next;

            @Override
            public boolean hasNext() {
                while (next >= rows) {
                    if (!in.hasNext()) {
                        return false;
                    }
                    batch = in.next();
                    rows = Batching.rows(batch);
                    next = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Batching.row(batch, next++);
            }
        };
    }

    @Override
    public long cardinality() {
        long n = upstream.cardinality();
        return n == INFINITE ? INFINITE : UNKNOWN;
    }
}
