/**
 * Convolution, pooling, padding, up-sampling and batch-normalisation ops with autograd, as used by Keras's
 * {@code Conv2D}, {@code Conv2DTranspose}, {@code MaxPooling2D}, {@code AveragePooling2D}, the global
 * poolings, {@code ZeroPadding2D}, {@code UpSampling2D} and {@code BatchNormalization} layers.
 *
 * <p>All image tensors are channels-last (NHWC); convolution kernels are laid out as Keras stores them,
 * {@code (kh, kw, in, out)}. Convolutions run as im2col + the GEMM kernel ({@link ConvGemm}), with
 * per-thread scratch buffers ({@link Scratch}) reused between calls; the forward pass of a 3x3, stride-1
 * convolution with enough channels runs by Winograd's F(2x2, 3x3) instead ({@link WinogradConv}). Work is split across the batch with
 * {@code Parallel.forRange} only where each sample writes its own region of the output, so results are
 * bit-identical whatever the thread count; reductions over the batch (weight gradients, batch statistics)
 * run in a fixed order. The entry point for layers is {@link ConvOps}.
 *
 * <p>Internal: no compatibility guarantee.
 */
package ganglion.internal.ops.conv;
