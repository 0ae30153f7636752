package ganglion.utils.images;

import java.util.List;

/**
 * The part of NumPy's legacy {@code np.random.RandomState(seed)} that Keras uses for reproducible orders: the
 * MT19937 generator seeded with an integer (Matsumoto and Nishimura's {@code init_genrand}), {@code shuffle}'s
 * back-to-front Fisher-Yates walk with NumPy's bounded draws (mask to the next power of two minus one, reject
 * values above the bound), and {@code permutation(n)}. The same seed gives NumPy's order exactly, so
 * {@code index_directory}'s validation split takes the same files and the text loaders' {@code seed=113}
 * (IMDB, Reuters) the same samples as Keras.
 */
public final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** {@code np.random.RandomState(seed)} for 0 <= seed < 2^32. */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("NumpyRandomState: seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The next 32 random bits, as MT19937's {@code genrand_int32}. */
    public int nextInt32() {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                int v = mt[(k + M) % N] ^ (y >>> 1);
                if ((y & 1) != 0) {
                    v ^= 0x9908b0df;
                }
                mt[k] = v;
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    /** The next 32 random bits as an unsigned value ({@code genrand_int32} as NumPy returns it). */
    public long nextUint32() {
        return nextInt32() & 0xFFFFFFFFL;
    }

    /** A uniform integer in [0, max], as NumPy's {@code random_interval} (mask and reject). */
    public long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFFFFFFL) {
            while ((value = (nextInt32() & 0xFFFFFFFFL) & mask) > max) {
                // reject
            }
        } else {
            while ((value = next64() & mask) > max) {
                // reject
            }
        }
        return value;
    }

    private long next64() {
        long hi = nextInt32() & 0xFFFFFFFFL;
        long lo = nextInt32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** Shuffles in place as {@code RandomState.shuffle} does for a 1-D sequence. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = (int) interval(i);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Shuffles an int array in place as {@code RandomState.shuffle}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code RandomState.permutation(n)}: {@code arange(n)} shuffled. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
