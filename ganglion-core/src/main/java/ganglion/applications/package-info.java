/**
 * Keras Applications ({@code keras.applications}): the classic ImageNet architectures with Keras's exact
 * layer names, so that Keras's published weight files load into them, plus the matching
 * {@code preprocess_input} and {@code decode_predictions}.
 *
 * <pre>{@code
 * Model base = VGG16.builder().includeTop(false).weights(Path.of("vgg16_notop.h5")).inputShape(32, 32, 3).build();
 * Tensor ready = VGG16.preprocessInput(images);
 * }</pre>
 *
 * <p>{@link ganglion.applications.Applications} finds Keras's weight files on disk (or fetches them, opt-in,
 * with their published checksums).
 */
package ganglion.applications;
