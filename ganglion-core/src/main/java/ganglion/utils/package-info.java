/**
 * Keras's general utilities ({@code keras.utils}): {@link ganglion.utils.Utils#toCategorical(ganglion.Tensor, int)}
 * and {@link ganglion.utils.Utils#normalize(ganglion.Tensor, int, double)}.
 */
package ganglion.utils;
