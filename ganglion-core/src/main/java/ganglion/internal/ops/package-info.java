/**
 * The differentiable tensor operations behind {@link ganglion.Tensor}, like the ops of {@code keras.ops}:
 * broadcasting arithmetic ({@link ganglion.internal.ops.Elementwise}), reductions
 * ({@link ganglion.internal.ops.Reductions}), movement ops ({@link ganglion.internal.ops.Shapes},
 * {@link ganglion.internal.ops.Gather}), activations ({@link ganglion.internal.ops.Activations}) and matrix
 * products ({@link ganglion.internal.ops.LinAlg}). Each op computes its result with the kernels and, when a
 * gradient is needed, records a {@link ganglion.internal.autodiff.Node} whose backward adds the inputs'
 * gradients.
 *
 * <p>Internal: no compatibility guarantee.
 */
package ganglion.internal.ops;
