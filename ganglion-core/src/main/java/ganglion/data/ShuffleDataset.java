package ganglion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Dataset#shuffle}: tf's buffered shuffle. The buffer fills with the first {@code bufferSize}
 * elements; each output is a uniformly chosen buffer slot, refilled from upstream. Pass k uses a random
 * stream derived from (seed, k), so a seeded pipeline gives the same epochs in every run.
 */
final class ShuffleDataset<T> extends Transformed<T, T> {

    private final int bufferSize;
    private final long seed;
    private final boolean reshuffle;
    private final AtomicLong passes = new AtomicLong();

    ShuffleDataset(Dataset<T> upstream, int bufferSize, long seed, boolean reshuffle) {
        super(upstream);
        if (bufferSize < 1) {
            throw new IllegalArgumentException("Dataset.shuffle: bufferSize must be >= 1, got " + bufferSize);
        }
        this.bufferSize = bufferSize;
        this.seed = seed;
        this.reshuffle = reshuffle;
    }

    @Override
    public DatasetIterator<T> iterator() {
        long pass = reshuffle ? passes.getAndIncrement() : 0;
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + pass * 0xBF58476D1CE4E5B9L + 1);
        return new Pass<T, T>(upstream.iterator()) {
            final List<T> buffer = new ArrayList<>(Math.min(bufferSize, 1 << 16));

            @Override
            public boolean hasNext() {
                while (buffer.size() < bufferSize && in.hasNext()) {
                    buffer.add(in.next());
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int k = random.nextInt(buffer.size());
                T e = buffer.get(k);
                int last = buffer.size() - 1;
                buffer.set(k, buffer.get(last));
                buffer.remove(last);
                return e;
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality();
    }
}
