package ganglion.saving;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only way a loaded file turns into layer objects: a map from Keras class names ("Dense", "LSTM", ...) to
 * {@link LayerFactory factories}. Ganglion's own layers are registered here; add your own with
 * {@link #register}. A class name in a file that is not in this registry makes loading fail with a
 * {@link GanglionFormatException}; no class is ever looked up by reflection and no code from a file runs.
 * This is Keras's {@code custom_objects} / {@code register_keras_serializable}.
 */
public final class LayerRegistry {

    private static final Map<String, LayerFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final Set<String> BUILTIN = ConcurrentHashMap.newKeySet();

    static {
        BuiltinLayers.registerAll(FACTORIES);
        BUILTIN.addAll(FACTORIES.keySet());
    }

    private LayerRegistry() {
    }

    /**
     * Registers (or replaces) the factory for a Keras class name. Saving writes a layer's Java simple class
     * name as its class_name, so register your layer under that name to load it back.
     */
    public static void register(String className, LayerFactory factory) {
        if (className == null || className.isBlank() || factory == null) {
            throw new IllegalArgumentException("LayerRegistry.register needs a class name and a factory");
        }
        FACTORIES.put(className, factory);
    }

    /** Removes a user registration (built-in layers stay). */
    public static void unregister(String className) {
        if (!BUILTIN.contains(className)) {
            FACTORIES.remove(className);
        }
    }

    /** The factory for a class name, or null. */
    public static LayerFactory get(String className) {
        return className == null ? null : FACTORIES.get(className);
    }

    /** Whether the class name is one of Ganglion's own layers (written with module "keras.layers"). */
    public static boolean isBuiltin(String className) {
        return BUILTIN.contains(className);
    }

    /** Every registered class name, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(FACTORIES.keySet());
    }
}
