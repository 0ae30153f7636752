/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}), the only package in Ganglion allowed to use it:
 * {@link ganglion.internal.kernels.vector.VectorKernels} and the packed, register-blocked GEMM behind it. All
 * classes share one species, {@code FloatVector.SPECIES_PREFERRED}, and handle loop tails with scalar code
 * rather than masks (masked memory access is slow on JDK 17).
 *
 * <p>Internal: no compatibility guarantee.
 */
package ganglion.internal.kernels.vector;
