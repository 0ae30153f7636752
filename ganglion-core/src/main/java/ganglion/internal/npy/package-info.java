/**
 * Readers for NumPy's {@code .npy} and {@code .npz} files, as written by {@code numpy.save} and
 * {@code numpy.savez[_compressed]}, and as Keras ships its data sets ({@code mnist.npz}, {@code imdb.npz}).
 *
 * <p>Numeric arrays of the common dtypes are read into primitive Java arrays; object arrays holding
 * Python lists of ints (as in {@code imdb.npz} and {@code reuters.npz}) are read by a tiny pickle reader
 * that accepts only the opcodes and globals NumPy emits for such arrays and refuses everything else, so no
 * code from a file ever runs. Every length in a file is checked against the bytes actually present.
 *
 * <p>Internal: no compatibility guarantee; not exported from the module.
 */
package ganglion.internal.npy;
