/**
 * Fused recurrent kernels behind Keras's {@code SimpleRNN}, {@code LSTM} and {@code GRU} layers: the whole
 * sequence's recurrence (forward loop over time with fused gate math, backpropagation through time with
 * buffers allocated once per call) is one autograd node. The input projection of every time step is a single
 * GEMM done by the layer before the recurrence; the recurrent-kernel gradient is one GEMM after it.
 */
package ganglion.internal.ops.rnn;
