/**
 * The compute kernels under every Keras op Ganglion runs: raw loops over {@code float[]} with offsets, sizes and
 * leading dimensions (GEMM in all transpose variants, element-wise maths, reductions, softmax, the Winograd convolution transforms), no shapes and no
 * autograd. {@link ganglion.internal.kernels.Kernels} is the contract; {@link
 * ganglion.internal.kernels.ScalarKernels} is the plain-Java implementation and the specification;
 * {@link ganglion.internal.kernels.KernelProvider} picks the Vector API implementation when the JVM offers it.
 * {@link ganglion.internal.kernels.Parallel} owns the one kernel thread pool.
 * {@link ganglion.internal.kernels.KernelWarmup} has the vector kernels compiled by the JIT in the background from
 * the moment Ganglion is first touched, so that the first training steps of a fresh JVM are not slow.
 *
 * <p>Determinism: every kernel returns bitwise the same result for any thread count (work is split over
 * independent outputs, never over a sum).
 *
 * <p>Internal: no compatibility guarantee.
 */
package ganglion.internal.kernels;
