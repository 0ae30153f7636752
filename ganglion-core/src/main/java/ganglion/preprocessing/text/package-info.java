/**
 * Keras's legacy text preprocessing ({@code keras.preprocessing.text}, now {@code keras._legacy}):
 * {@link ganglion.preprocessing.text.Tokenizer} and
 * {@link ganglion.preprocessing.text.Text#textToWordSequence(String, String, boolean, String)}, with the same
 * tokens, indices, ordering and JSON as Keras, on Unicode text as Python handles it (by code point).
 */
package ganglion.preprocessing.text;
