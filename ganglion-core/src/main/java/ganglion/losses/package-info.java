/**
 * Loss functions, as Keras's {@code keras.losses}: regression losses ({@link ganglion.losses.MeanSquaredError},
 * {@link ganglion.losses.MeanAbsoluteError}, {@link ganglion.losses.Huber}, ...), crossentropies with Keras's
 * clipping and its logits shortcut for softmax/sigmoid outputs ({@link ganglion.losses.BinaryCrossentropy},
 * {@link ganglion.losses.CategoricalCrossentropy}, {@link ganglion.losses.SparseCategoricalCrossentropy}), and
 * the name registry {@link ganglion.losses.Losses}.
 */
package ganglion.losses;
