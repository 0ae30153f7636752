package ganglion.saving;

/**
 * The limits every reader enforces, so that a hostile file cannot exhaust memory or disk. Each can be raised
 * with a system property (for genuinely huge models):
 * <ul>
 *   <li>{@code ganglion.saving.maxBytes} (default 4 GiB): the largest uncompressed zip entry and the
 *       largest total of all entries read from a ".keras" file, and the largest weight tensor in bytes;</li>
 *   <li>{@code ganglion.saving.maxRatio} (default 200): the largest compression ratio accepted for a zip
 *       entry bigger than 1 MiB (zip bombs reach ratios near 1000);</li>
 *   <li>{@code ganglion.saving.maxJsonBytes} (default 64 MiB) and {@code ganglion.saving.maxJsonDepth}
 *       (default 256): size and nesting depth of config JSON;</li>
 *   <li>{@code ganglion.saving.maxEntries} (default 10000): number of zip entries.</li>
 * </ul>
 * HDF5 files (".h5", ".weights.h5") have fixed limits derived from their size (see {@link H5Input}): at most
 * 2 GiB; a dataset's values at most the file's size (512 times for deflate-compressed chunks); one B-tree
 * node, symbol table node or object header per 8 bytes of file, each reached once.
 */
public final class SavingLimits {

    private SavingLimits() {
    }

    static long maxBytes() {
        return Long.getLong("ganglion.saving.maxBytes", 4L << 30);
    }

    static long maxRatio() {
        return Long.getLong("ganglion.saving.maxRatio", 200L);
    }

    static long maxJsonBytes() {
        return Long.getLong("ganglion.saving.maxJsonBytes", 64L << 20);
    }

    static int maxJsonDepth() {
        return Integer.getInteger("ganglion.saving.maxJsonDepth", 256);
    }

    static int maxEntries() {
        return Integer.getInteger("ganglion.saving.maxEntries", 10_000);
    }

    /** Java arrays hold at most this many floats. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16L;
}
