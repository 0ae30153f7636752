package ganglion.preprocessing.image;

import ganglion.Ganglion;
import ganglion.Tensor;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What {@link ImageDataGenerator#flow} returns, as Keras's {@code NumpyArrayIterator}: batches
 * {@code {x, y}} (or {@code {x}} without labels) of randomly transformed copies of the images.
 * {@link #size()} is the number of batches per epoch, ceil(n / batchSize); iterating visits one epoch (so it
 * can be given to {@code fit} as an {@code Iterable} of batches), and {@link #next()} continues forever, epoch
 * after epoch, as Python's {@code next(iterator)}. With a seed, the shuffling and the random transforms of
 * batch k are drawn from a generator seeded with {@code seed + k} (Keras reseeds NumPy the same way).
 */
public final class NumpyArrayIterator implements Iterable<Tensor[]> {

    private final ImageDataGenerator generator;
    private final float[] x;
    private final float[] y;
    private final int[] xShape;
    private final int[] yShape;
    private final int n;
    private final int batchSize;
    private final boolean shuffle;
    private final Long seed;
    private int[] order;
    private int position;
    private long batchesSeen;

    NumpyArrayIterator(ImageDataGenerator generator, Tensor x, Tensor y, int batchSize, boolean shuffle, Long seed) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException("Input data in `NumpyArrayIterator` should have rank 4. You passed an"
                    + " array with shape " + Arrays.toString(s) + "; for grey images use x.reshape(-1, h, w, 1)");
        }
        if (y != null && y.shape(0) != s[0]) {
            throw new IllegalArgumentException("`x` (images tensor) and `y` (labels) should have the same length."
                    + " Found: x.shape = " + Arrays.toString(s) + ", y.shape = " + Arrays.toString(y.shape()));
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("flow: batchSize must be positive, got " + batchSize);
        }
        this.generator = generator;
        this.x = x.toFloatArray();
        this.xShape = s.clone();
        this.y = y == null ? null : y.toFloatArray();
        this.yShape = y == null ? null : y.shape();
        this.n = s[0];
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** Batches per epoch, as {@code len(iterator)}. */
    public int size() {
        return (n + batchSize - 1) / batchSize;
    }

    /** The next batch, starting a new (reshuffled) epoch after the last one. */
    public synchronized Tensor[] next() {
        Random rng = seed != null ? new Random(seed + batchesSeen) : Ganglion.random();
        if (position == 0 || order == null) {
            order = IntStream.range(0, n).toArray();
            if (shuffle) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
        }
        int end = Math.min(n, position + batchSize);
        int[] idx = Arrays.copyOfRange(order, position, end);
        position = end >= n ? 0 : end;
        batchesSeen++;
        return batch(idx, rng);
    }

    /** One epoch of batches from the current position (a fresh epoch when at its start). */
    @Override
    public Iterator<Tensor[]> iterator() {
        return new Iterator<>() {
            private int left = size();

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Tensor[] next() {
                if (left <= 0) {
                    throw new NoSuchElementException("NumpyArrayIterator: the epoch has ended");
                }
                left--;
                return NumpyArrayIterator.this.next();
            }
        };
    }

    private Tensor[] batch(int[] idx, Random rng) {
        int h = xShape[1];
        int w = xShape[2];
        int c = xShape[3];
        int per = h * w * c;
        int b = idx.length;
        ImageDataGenerator.TransformParameters[] params = new ImageDataGenerator.TransformParameters[b];
        for (int i = 0; i < b; i++) {
            params[i] = generator.randomTransform(h, w, rng);
        }
        float[] out = new float[b * per];
        IntStream.range(0, b).parallel().forEach(i -> {
            generator.applyTransform(x, idx[i] * per, h, w, c, params[i], out, i * per);
            generator.standardize(out, i * per, per, c);
        });
        int[] bs = xShape.clone();
        bs[0] = b;
        Tensor bx = Tensor.wrap(out, bs);
        if (y == null) {
            return new Tensor[]{bx};
        }
        int yPer = y.length / n;
        float[] by = new float[b * yPer];
        for (int i = 0; i < b; i++) {
            System.arraycopy(y, idx[i] * yPer, by, i * yPer, yPer);
        }
        int[] ys = yShape.clone();
        ys[0] = b;
        return new Tensor[]{bx, Tensor.wrap(by, ys)};
    }
}
