/**
 * Reverse-mode automatic differentiation: the tape ({@link ganglion.internal.autodiff.Node}) and the
 * backward walk ({@link ganglion.internal.autodiff.Autograd}) behind {@code Tensor.backward()}, playing the
 * role of TensorFlow's {@code GradientTape} in Keras.
 *
 * <p>Internal: no compatibility guarantee.
 */
package ganglion.internal.autodiff;
