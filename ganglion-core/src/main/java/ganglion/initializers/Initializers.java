package ganglion.initializers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keras's initializer registry ({@code keras.initializers.get}) and shared helpers. Names are Keras's, case
 * sensitive: class names ("GlorotUniform"), their snake_case forms ("glorot_uniform") and the aliases
 * "uniform", "normal", "one", "zero".
 */
public final class Initializers {

    /** The default kernel initializer of Dense and Conv layers. */
    public static final Initializer GLOROT_UNIFORM = new GlorotUniform();
    /** The default bias initializer. */
    public static final Initializer ZEROS = new Zeros();
    public static final Initializer ONES = new Ones();
    /** The default recurrent-kernel initializer. */
    public static final Initializer ORTHOGONAL = new Orthogonal();

    private static final Map<String, Supplier<Initializer>> BY_NAME = buildRegistry();

    private Initializers() {
    }

    private static Map<String, Supplier<Initializer>> buildRegistry() {
        Map<String, Supplier<Initializer>> m = new LinkedHashMap<>();
        put(m, "GlorotUniform", "glorot_uniform", GlorotUniform::new);
        put(m, "GlorotNormal", "glorot_normal", GlorotNormal::new);
        put(m, "HeNormal", "he_normal", HeNormal::new);
        put(m, "HeUniform", "he_uniform", HeUniform::new);
        put(m, "LecunNormal", "lecun_normal", LecunNormal::new);
        put(m, "LecunUniform", "lecun_uniform", LecunUniform::new);
        put(m, "Zeros", "zeros", Zeros::new);
        put(m, "Ones", "ones", Ones::new);
        put(m, "Constant", "constant", Constant::new);
        put(m, "Identity", "identity", Identity::new);
        put(m, "RandomNormal", "random_normal", RandomNormal::new);
        put(m, "RandomUniform", "random_uniform", RandomUniform::new);
        put(m, "TruncatedNormal", "truncated_normal", TruncatedNormal::new);
        put(m, "VarianceScaling", "variance_scaling", VarianceScaling::new);
        put(m, "Orthogonal", "orthogonal", Orthogonal::new);
        m.put("OrthogonalInitializer", Orthogonal::new);
        m.put("uniform", RandomUniform::new);
        m.put("normal", RandomNormal::new);
        m.put("one", Ones::new);
        m.put("zero", Zeros::new);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Supplier<Initializer>> m, String cls, String snake, Supplier<Initializer> s) {
        m.put(cls, s);
        m.put(snake, s);
    }

    /**
     * A new initializer with Keras's defaults for a name, as {@code keras.initializers.get(name)}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static Initializer get(String name) {
        Supplier<Initializer> s = name == null ? null : BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("Could not interpret initializer identifier: '" + name
                    + "'. Valid names: " + String.join(", ", BY_NAME.keySet()));
        }
        return s.get();
    }

    /** The names {@link #get} accepts. */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * Keras's {@code compute_fans}: {@code {fan_in, fan_out}}. Rank 0: 1 and 1; rank 1: both the length; rank 2
     * {@code (in, out)}: the two lengths; higher ranks (conv kernels {@code (..., in, out)}) multiply both by the
     * receptive field {@code prod(shape[:-2])}.
     */
    public static int[] computeFans(int... shape) {
        if (shape.length == 0) {
            return new int[]{1, 1};
        }
        if (shape.length == 1) {
            return new int[]{shape[0], shape[0]};
        }
        if (shape.length == 2) {
            return new int[]{shape[0], shape[1]};
        }
        long receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        return new int[]{(int) (shape[shape.length - 2] * receptive), (int) (shape[shape.length - 1] * receptive)};
    }

    /**
     * The initializer as a Keras config stores it ({@code keras.initializers.serialize}):
     * {@code {"module": "keras.initializers", "class_name": ..., "config": {...}, "registered_name": null}}.
     */
    public static Map<String, Object> serialize(Initializer initializer) {
        if (initializer == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras.initializers");
        m.put("class_name", initializer.className());
        m.put("config", initializer.getConfig());
        m.put("registered_name", null);
        return m;
    }
}
