/**
 * Keras layers ({@code keras.layers}): the {@link ganglion.layers.Layer} base (building, weights in Keras order,
 * trainability, penalties, Keras configs), core layers such as {@link ganglion.layers.Dense},
 * {@link ganglion.layers.Dropout}, {@link ganglion.layers.Flatten}, {@link ganglion.layers.Reshape} and
 * {@link ganglion.layers.Activation}, and the seeds of the functional API: {@link ganglion.layers.Input} and
 * {@link ganglion.layers.SymbolicTensor}. Shapes given to layers exclude the batch axis; -1 is an unknown length.
 */
package ganglion.layers;
