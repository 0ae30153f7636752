package ganglion.data;

import java.util.NoSuchElementException;

/** {@link Dataset#repeat}: passes over the upstream one after another ({@code count} -1: forever). */
final class RepeatDataset<T> extends Transformed<T, T> {

    private final int count;

    RepeatDataset(Dataset<T> upstream, int count) {
        super(upstream);
        this.count = count;
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new DatasetIterator<>() {
            DatasetIterator<T> current = count == 0 ? null : upstream.iterator();
            int started = count == 0 ? 0 : 1;

            @Override
            public boolean hasNext() {
                while (current != null && !current.hasNext()) {
                    current.close();
                    if (count >= 0 && started >= count) {
                        current = null;
                        return false;
                    }
                    current = upstream.iterator();
                    started++;
                    if (!current.hasNext() && count < 0) {
                        current.close();
                        current = null;   // an empty dataset repeated forever is still empty
                        return false;
                    }
                }
                return current != null;
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
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    @Override
    public long cardinality() {
        long n = upstream.cardinality();
        if (count < 0) {
            return n == 0 ? 0 : INFINITE;
        }
        return n < 0 ? n : n * count;
    }
}
