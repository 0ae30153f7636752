/**
 * Keras's models ({@code keras.Model}, {@code keras.Sequential}) and their training loop: {@code compile},
 * {@code fit} (with {@link ganglion.models.FitOptions}), {@code evaluate}, {@code predict}, weights,
 * and {@code summary()} in Keras 3's layout. {@link ganglion.models.History} records training.
 */
package ganglion.models;
