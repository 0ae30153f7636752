package ganglion.data;

/** {@link Dataset#skip}: drops the first {@code count} elements of each pass. */
final class SkipDataset<T> extends Transformed<T, T> {

    private final long count;

    SkipDataset(Dataset<T> upstream, long count) {
        super(upstream);
        this.count = count;
    }

    @Override
    public DatasetIterator<T> iterator() {
        return new Pass<T, T>(upstream.iterator()) {
            boolean skipped;

            @Override
            public boolean hasNext() {
                if (!skipped) {
                    skipped = true;
                    for (long i = 0; i < count && in.hasNext(); i++) {
                        in.next();
                    }
                }
                return in.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return in.next();
            }
        };
    }

    @Override
    public long cardinality() {
        long n = upstream.cardinality();
        return n < 0 ? n : Math.max(0, n - count);
    }
}
