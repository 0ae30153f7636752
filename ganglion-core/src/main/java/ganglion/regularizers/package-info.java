/**
 * Weight and activity penalties, as Keras's {@code keras.regularizers}: {@link ganglion.regularizers.L1},
 * {@link ganglion.regularizers.L2} and {@link ganglion.regularizers.L1L2}, with Keras's formulas (no factor
 * 1/2 in L2) and config keys.
 */
package ganglion.regularizers;
