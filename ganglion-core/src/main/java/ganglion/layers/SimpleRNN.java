package ganglion.layers;

import ganglion.internal.ops.rnn.RecurrentOps;

/**
 * Keras's {@code SimpleRNN}: a fully-connected RNN whose output is fed back as the next step's state,
 * {@code h_t = activation(x_t W + b + h_{t-1} U)}. Weights as Keras: kernel {@code (features, units)},
 * recurrent_kernel {@code (units, units)}, bias {@code (units,)}. See {@link Recurrent} for the options.
 *
 * <pre>{@code
 * new SimpleRNN(64).returnSequences(false);
 * }</pre>
 */
public class SimpleRNN extends Recurrent<SimpleRNN> {

    /** @param units dimensionality of the output space */
    public SimpleRNN(int units) {
        super(units);
    }

    @Override
    RecurrentOps.Cell cell() {
        return RecurrentOps.Cell.SIMPLE_RNN;
    }

    @Override
    SimpleRNN newCopy() {
        return copyOptionsTo(new SimpleRNN(units));
    }
}
