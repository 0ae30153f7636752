package ganglion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** {@link Dataset#batch}: stacks consecutive elements. */
final class BatchDataset<T> extends Transformed<T, T> {

    private final int size;
    private final boolean dropRemainder;

    BatchDataset(Dataset<T> upstream, int size, boolean dropRemainder) {
        super(upstream);
        if (size < 1) {
            throw new IllegalArgumentException("Dataset.batch: size must be >= 1, got " + size);
        }
        this.size = size;
        this.dropRemainder = dropRemainder;
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<T, T>(upstream.iterator()) {
            T pending;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                List<T> group = new ArrayList<>(size);
                while (group.size() < size && in.hasNext()) {
                    group.add(in.next());
                }
                if (group.isEmpty() || (dropRemainder && group.size() < size)) {
                    return false;
                }
                pending = Batching.stack(group);
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T b = pending;
                pending = null;
                return b;
            }
        };
    }

    @Override
    public long cardinality() {
        long n = upstream.cardinality();
        if (n < 0) {
            return n;
        }
        return dropRemainder ? n / size : (n + size - 1) / size;
    }
}
