/**
 * Activation functions, as Keras's {@code keras.activations}: the {@link ganglion.activations.Activation}
 * interface and the built-in functions in {@link ganglion.activations.Activations}, looked up by their Keras
 * names ("relu", "softmax", ...).
 */
package ganglion.activations;
