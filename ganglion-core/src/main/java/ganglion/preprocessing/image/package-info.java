/**
 * Image augmentation as Keras's (legacy) {@code keras.preprocessing.image}: {@link
 * ganglion.preprocessing.image.ImageDataGenerator} with {@code flow(x, y, batchSize, shuffle, seed)}, and the
 * affine resampling behind it and behind the random preprocessing layers ({@link
 * ganglion.preprocessing.image.AffineTransforms}, the counterpart of {@code apply_affine_transform}).
 */
package ganglion.preprocessing.image;
