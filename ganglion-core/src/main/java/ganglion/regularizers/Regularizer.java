package ganglion.regularizers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** A weight (or activity) penalty added to the loss, as Keras's {@code keras.regularizers}. */
public interface Regularizer {

    /** The Keras name, e.g. "l2". */
    String name();

    /** The penalty for one weight, as a scalar tensor (differentiable). */
    Tensor apply(Tensor weight);

    /** The Keras class name a saved config uses, e.g. "L2". */
    default String className() {
        return getClass().getSimpleName();
    }

    /** The constructor arguments under their Keras names, as {@code get_config()}. */
    default Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }
}
