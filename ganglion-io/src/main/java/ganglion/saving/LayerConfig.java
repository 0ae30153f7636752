package ganglion.saving;

import ganglion.activations.Activation;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One layer's Keras config (the "config" object of a layer entry in config.json or a legacy model_config),
 * with typed getters that fail with a message naming the layer, the key and the value. Accepts both Keras 3
 * and Keras 2 (tf.keras) spellings where they differ (e.g. a dtype policy object or a plain "float32",
 * "batch_shape" or "batch_input_shape"). {@link LayerFactory} implementations read their arguments from it.
 */
public final class LayerConfig {

    private final String className;
    private final Map<String, Object> map;

    public LayerConfig(String className, Map<String, Object> map) {
        this.className = className;
        this.map = map == null ? Map.of() : Collections.unmodifiableMap(map);
    }

    /** The Keras class name of the entry, e.g. "Dense". */
    public String className() {
        return className;
    }

    /** The raw config map (read-only). */
    public Map<String, Object> map() {
        return map;
    }

    /** The layer's name from the config, or null. */
    public String name() {
        Object n = map.get("name");
        return n instanceof String s ? s : null;
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public Object get(String key) {
        return map.get(key);
    }

    private IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException("layer '" + name() + "' (" + className + "): config key '" + key
                + "' must be " + expected + ", found " + describe(map.get(key)));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = String.valueOf(v);
        return (s.length() > 80 ? s.substring(0, 80) + "..." : s) + " (" + v.getClass().getSimpleName() + ")";
    }

    /** An integer; fails when missing. */
    public int getInt(String key) {
        Object v = map.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw bad(key, "an integer");
    }

    public int getInt(String key, int dflt) {
        return has(key) ? getInt(key) : dflt;
    }

    public double getDouble(String key) {
        Object v = map.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw bad(key, "a number");
    }

    public double getDouble(String key, double dflt) {
        return has(key) ? getDouble(key) : dflt;
    }

    public boolean getBool(String key, boolean dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, "true or false");
    }

    public String getString(String key, String dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        throw bad(key, "a string");
    }

    public Long getLong(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw bad(key, "an integer or null");
    }

    /** A tuple of ints; a single int is repeated {@code n} times (Keras's standardize_tuple). */
    public int[] getInts(String key, int n) {
        Object v = map.get(key);
        if (v instanceof Number) {
            int x = getInt(key);
            int[] r = new int[n];
            java.util.Arrays.fill(r, x);
            return r;
        }
        if (v instanceof List<?> l && l.size() == n) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                if (!(l.get(i) instanceof Number x) || x.doubleValue() != Math.rint(x.doubleValue())) {
                    throw bad(key, n + " integers");
                }
                r[i] = x.intValue();
            }
            return r;
        }
        throw bad(key, "an integer or a list of " + n + " integers");
    }

    /** A shape list: null entries (None) become -1. */
    public int[] getShape(String key) {
        Object v = map.get(key);
        if (!(v instanceof List<?> l) || l.size() > 64) {
            throw bad(key, "a list of lengths");
        }
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) {
            Object x = l.get(i);
            if (x == null) {
                r[i] = -1;
            } else if (x instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                    && (num.intValue() > 0 || num.intValue() == -1)) {
                r[i] = num.intValue();
            } else {
                throw bad(key, "a list of positive lengths or null");
            }
        }
        return r;
    }

    /** The input shape without the batch axis from "batch_shape"/"batch_input_shape", or null. */
    public int[] batchInputShape() {
        for (String k : new String[]{"batch_shape", "batch_input_shape"}) {
            if (has(k)) {
                int[] s = getShape(k);
                if (s.length == 0) {
                    throw bad(k, "a shape with a batch axis");
                }
                return java.util.Arrays.copyOfRange(s, 1, s.length);
            }
        }
        if (has("input_shape")) {
            return getShape("input_shape");
        }
        return null;
    }

    /** An activation: a name, or Keras's serialized {"class_name": ..., "config": ...}. */
    public Activation activation(String key, String dflt) {
        Object v = map.get(key);
        String name;
        if (v == null) {
            name = dflt;
        } else if (v instanceof String s) {
            name = s;
        } else if (v instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> c && c.get("name") instanceof String s) {
            name = s;
        } else if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) {
            name = s;
        } else {
            throw bad(key, "an activation name");
        }
        try {
            return Activations.get(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer '" + name() + "' (" + className + "): unknown activation '"
                    + name + "' under '" + key + "'. " + e.getMessage(), e);
        }
    }

    /**
     * An initializer by class name (a string or {"class_name": ...}); null when absent or not one Ganglion
     * knows (the layer keeps its default: the loaded weights replace the initial values anyway). Only the
     * initializer's kind is restored, not options such as a seed or a constant's value.
     */
    public Initializer initializer(String key) {
        Object v = map.get(key);
        String name = v instanceof String s ? s
                : v instanceof Map<?, ?> m && m.get("class_name") instanceof String s ? s : null;
        if (name == null || !Initializers.names().contains(name)) {
            return null;
        }
        return Initializers.get(name);
    }

    /** A regularizer (L1, L2, L1L2 or a name), or null. Unknown kinds fail: they change the training loss. */
    public Regularizer regularizer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return Regularizers.get(s);
        }
        if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
            Map<?, ?> c = m.get("config") instanceof Map<?, ?> cc ? cc : Map.of();
            double l1 = c.get("l1") instanceof Number n ? n.doubleValue() : 0;
            double l2 = c.get("l2") instanceof Number n ? n.doubleValue() : 0;
            switch (cls) {
                case "L1", "l1":
                    return Regularizers.l1(l1);
                case "L2", "l2":
                    return Regularizers.l2(l2);
                case "L1L2", "l1_l2":
                    return Regularizers.l1l2(l1, l2);
                default:
                    throw bad(key, "an L1, L2 or L1L2 regularizer");
            }
        }
        throw bad(key, "a regularizer");
    }

    /** A list of maps (e.g. Sequential's "layers"). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getMaps(String key) {
        Object v = map.get(key);
        if (!(v instanceof List<?> l)) {
            throw bad(key, "a list");
        }
        List<Map<String, Object>> r = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map)) {
                throw bad(key, "a list of objects");
            }
            r.add((Map<String, Object>) o);
        }
        return r;
    }
}
