package ganglion.data;

import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** {@link Dataset#filter}: cardinality becomes unknown (infinite stays infinite). */
final class FilterDataset<T> extends Transformed<T, T> {

    private final Predicate<? super T> keep;

    FilterDataset(Dataset<T> upstream, Predicate<? super T> keep) {
        super(upstream);
        this.keep = java.util.Objects.requireNonNull(keep, "keep");
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<T, T>(upstream.iterator()) {
            T pending;
            boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && in.hasNext()) {
                    T e = in.next();
                    if (keep.test(e)) {
                        pending = e;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                T e = pending;
                pending = null;
                return e;
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality() == INFINITE ? INFINITE : UNKNOWN;
    }
}
