/**
 * Sequence preprocessing as in Keras's {@code keras.preprocessing.sequence}:
 * {@link ganglion.preprocessing.sequence.Sequences#padSequences(java.util.List, int, String)}.
 */
package ganglion.preprocessing.sequence;
