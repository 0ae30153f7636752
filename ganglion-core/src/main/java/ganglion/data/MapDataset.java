package ganglion.data;

import java.util.function.Function;

/** {@link Dataset#map(Function)} on the reading thread. */
final class MapDataset<S, T> extends Transformed<S, T> {

    private final Function<? super S, ? extends T> fn;

    MapDataset(Dataset<S> upstream, Function<? super S, ? extends T> fn) {
        super(upstream);
        this.fn = java.util.Objects.requireNonNull(fn, "fn");
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<S, T>(upstream.iterator()) {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public T next() {
                return fn.apply(in.next());
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality();
    }
}
