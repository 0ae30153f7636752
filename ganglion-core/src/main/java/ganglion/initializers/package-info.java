/**
 * Weight initializers, as Keras's {@code keras.initializers}: Glorot, He and LeCun variance-scaling variants,
 * random normal/uniform/truncated-normal, orthogonal, constants, with Keras's formulas and config keys. Random
 * draws come from {@link ganglion.Ganglion#random()}, so {@code Ganglion.setRandomSeed} reproduces weights.
 */
package ganglion.initializers;
