/**
 * Optimizers, as Keras's {@code keras.optimizers}: {@link ganglion.optimizers.SGD},
 * {@link ganglion.optimizers.Adam}, {@link ganglion.optimizers.AdamW}, {@link ganglion.optimizers.RMSprop},
 * {@link ganglion.optimizers.Adagrad} and {@link ganglion.optimizers.Nadam}, with Keras's update rules, defaults,
 * config keys and saved-state order, and the name registry {@link ganglion.optimizers.Optimizers}.
 */
package ganglion.optimizers;
