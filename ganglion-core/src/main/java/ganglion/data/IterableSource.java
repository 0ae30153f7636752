package ganglion.data;

import java.util.Iterator;
import java.util.function.Supplier;

/** {@link Dataset#fromIterable} and {@link Dataset#fromGenerator}: a fresh iterator per pass. */
final class IterableSource<T> extends Dataset<T> {

    private final Supplier<? extends Iterator<T>> source;
    private final long cardinality;

    IterableSource(Supplier<? extends Iterator<T>> source, long cardinality) {
        this.source = source;
        this.cardinality = cardinality;
    }

    @Override
    public DatasetIterator<T> iterator() {
        Iterator<T> it = source.get();
        if (it == null) {
            throw new IllegalStateException("Dataset generator returned a null iterator");
        }
        return it instanceof DatasetIterator<T> d ? d : DatasetIterator.of(it);
    }

    @Override
    public long cardinality() {
        return cardinality;
    }
}
