/**
 * Image helpers behind {@link ganglion.utils.ImageDatasets} and the image data sets: decoding JPEG and PNG
 * files through {@code javax.imageio} into channels-last pixel arrays ({@link ganglion.utils.images.ImageDecoder}),
 * bilinear resizing as TensorFlow's {@code tf.image.resize} ({@link ganglion.utils.images.Resize}), and NumPy's
 * legacy {@code RandomState} shuffle, so file orders match Keras's ({@link ganglion.utils.images.NumpyRandomState}).
 */
package ganglion.utils.images;
