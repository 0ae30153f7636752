package ganglion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** {@link Dataset#cache()}: the first complete pass is kept in memory and replayed afterwards. */
final class MemoryCacheDataset<T> extends Transformed<T, T> {

    private volatile List<T> cached;

    MemoryCacheDataset(Dataset<T> upstream) {
        super(upstream);
    }

    @Override
    public DatasetIterator<T> iterator() {
        List<T> c = cached;
        if (c != null) {
            return DatasetIterator.of(c.iterator());
        }
        if (upstream.cardinality() == INFINITE) {
            throw new IllegalStateException("Dataset.cache() on an infinite dataset would never complete: "
                    + "cache before repeat()");
        }
        return new Pass<T, T>(upstream.iterator()) {
            final List<T> seen = new ArrayList<>();

            @Override
            public boolean hasNext() {
                boolean more = in.hasNext();
                if (!more && cached == null) {
                    cached = List.copyOf(seen);
                }
                return more;
            }

            @Override
            public T next() {
                if (!in.hasNext()) {
                    throw new NoSuchElementException();
                }
                T e = in.next();
                seen.add(e);
                return e;
            }
        };
    }

    @Override
    public long cardinality() {
        List<T> c = cached;
        return c != null ? c.size() : upstream.cardinality();
    }
}
