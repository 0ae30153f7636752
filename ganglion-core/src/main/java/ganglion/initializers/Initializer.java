package ganglion.initializers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates initial weight values, as Keras's {@code keras.initializers}. Random ones draw from Ganglion's seeded
 * source ({@link ganglion.Ganglion#random()}) unless given a seed of their own.
 */
public interface Initializer {

    /** The Keras name, e.g. "glorot_uniform". */
    String name();

    /** A new tensor of the given shape. */
    Tensor create(int... shape);

    /** The Keras class name a saved config uses, e.g. "GlorotUniform". */
    default String className() {
        return getClass().getSimpleName();
    }

    /** The constructor arguments under their Keras names, as {@code get_config()} (empty for Zeros). */
    default Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }
}
