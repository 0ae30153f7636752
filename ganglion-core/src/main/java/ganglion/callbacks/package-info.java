/**
 * Keras's callbacks ({@code keras.callbacks}): hooks called by {@code fit()}, {@code evaluate()} and
 * {@code predict()} in Keras's order (train begin, epoch begin, batch begin/end, epoch end with the
 * validation logs, train end). Callbacks talk back to training only through the logs and
 * {@code model.setStopTraining(true)}. {@link ganglion.callbacks.ProgbarLogger} prints Keras's progress
 * lines; {@code ganglion.models.History} records the per-epoch logs.
 */
package ganglion.callbacks;
