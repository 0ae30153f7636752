/**
 * Data preprocessing as in Keras's {@code keras.preprocessing}: text ({@link ganglion.preprocessing.text}),
 * sequences ({@link ganglion.preprocessing.sequence}) and images.
 */
package ganglion.preprocessing;
