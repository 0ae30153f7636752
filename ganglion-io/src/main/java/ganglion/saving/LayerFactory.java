package ganglion.saving;

import ganglion.layers.Layer;

/**
 * Creates a layer from its Keras config when a model is loaded: the Java counterpart of Keras's
 * {@code from_config}. Register one for your own layer classes with {@link LayerRegistry#register}. The
 * factory sets the layer's own options; the loader then applies the name, trainable flag and input shape.
 */
@FunctionalInterface
public interface LayerFactory {

    /** A new, unbuilt layer configured from {@code config}. */
    Layer create(LayerConfig config);
}
