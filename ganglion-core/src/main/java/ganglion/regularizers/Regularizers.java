package ganglion.regularizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keras's regularizer registry ({@code keras.regularizers.get}) and factories {@code l1(x)}, {@code l2(x)},
 * {@code l1l2(a, b)} (Keras's {@code l1}, {@code l2}, {@code l1_l2}).
 */
public final class Regularizers {

    private static final Map<String, Supplier<Regularizer>> BY_NAME = buildRegistry();

    private Regularizers() {
    }

    private static Map<String, Supplier<Regularizer>> buildRegistry() {
        Map<String, Supplier<Regularizer>> m = new LinkedHashMap<>();
        m.put("l1", L1::new);
        m.put("L1", L1::new);
        m.put("l2", L2::new);
        m.put("L2", L2::new);
        m.put("l1_l2", L1L2::new);
        m.put("L1L2", L1L2::new);
        return Collections.unmodifiableMap(m);
    }

    /** {@code l1 * sum(abs(w))}. */
    public static L1 l1(double l1) {
        return new L1(l1);
    }

    /** {@code l2 * sum(square(w))}. */
    public static L2 l2(double l2) {
        return new L2(l2);
    }

    /** {@code l1 * sum(abs(w)) + l2 * sum(square(w))}. */
    public static L1L2 l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    /**
     * A new regularizer with Keras's defaults for a name, as {@code keras.regularizers.get(name)}: "l1"/"L1" and
     * "l2"/"L2" use 0.01; "l1_l2"/"L1L2" use 0 and 0, as Keras's class does. Null gives null (no penalty).
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static Regularizer get(String name) {
        if (name == null) {
            return null;
        }
        Supplier<Regularizer> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("Could not interpret regularizer identifier: '" + name
                    + "'. Valid names: " + String.join(", ", BY_NAME.keySet()));
        }
        return s.get();
    }

    /** The names {@link #get} accepts. */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * The regularizer as a Keras config stores it ({@code keras.regularizers.serialize}): null, or
     * {@code {"module": "keras.regularizers", "class_name": ..., "config": {...}, "registered_name": null}}.
     */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        if (regularizer == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras.regularizers");
        m.put("class_name", regularizer.className());
        m.put("config", regularizer.getConfig());
        m.put("registered_name", null);
        return m;
    }
}
