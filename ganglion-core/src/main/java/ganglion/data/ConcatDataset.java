package ganglion.data;

import java.util.NoSuchElementException;

/** {@link Dataset#concatenate}: the first dataset's pass, then the second's. */
final class ConcatDataset<T> extends Dataset<T> {

    private final Dataset<T> first;
    private final Dataset<T> second;

    ConcatDataset(Dataset<T> first, Dataset<T> second) {
        this.first = first;
        this.second = java.util.Objects.requireNonNull(second, "other");
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new DatasetIterator<>() {
            DatasetIterator<T> current = first.iterator();
            boolean onSecond;

            @Override
            public boolean hasNext() {
                if (current.hasNext()) {
                    return true;
                }
                if (onSecond) {
                    return false;
                }
                current.close();
                current = second.iterator();
                onSecond = true;
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }

    @Override
    public long cardinality() {
        long a = first.cardinality();
        long b = second.cardinality();
        if (a == INFINITE || b == INFINITE) {
            return INFINITE;
        }
        return a < 0 || b < 0 ? UNKNOWN : a + b;
    }
}
