package ganglion.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras-style unique default names: the first Dense is "dense", the next "dense_1", and so on.
 * {@link #clear()} resets the counters, as {@code keras.backend.clear_session()} does.
 */
public final class NameScope {

    private static final Map<String, Integer> COUNTS = new HashMap<>();

    private NameScope() {
    }

    /** The next unique name for a base such as "dense". */
    public static synchronized String uniqueName(String base) {
        Integer n = COUNTS.get(base);
        COUNTS.put(base, n == null ? 1 : n + 1);
        return n == null ? base : base + "_" + n;
    }

    /**
     * Gives back a default name that turned out unused (a layer renamed right after construction), so that the
     * next layer of the same kind gets it, as in Keras where an explicit {@code name=} consumes no number. Does
     * nothing unless {@code name} is the latest name handed out for {@code base}.
     */
    public static synchronized void release(String base, String name) {
        Integer n = COUNTS.get(base);
        if (n == null) {
            return;
        }
        String latest = n == 1 ? base : base + "_" + (n - 1);
        if (latest.equals(name)) {
            if (n == 1) {
                COUNTS.remove(base);
            } else {
                COUNTS.put(base, n - 1);
            }
        }
    }

    /** Forgets every name handed out so far. */
    public static synchronized void clear() {
        COUNTS.clear();
    }

    /** "BatchNormalization" → "batch_normalization", "Conv2D" → "conv2d", "SimpleRNN" → "simple_rnn". */
    public static String snakeCase(String className) {
        // The same two rewrites as Keras's naming utility, so default names match Keras's.
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
