package ganglion.layers;

import ganglion.Tensor;
import ganglion.initializers.Initializer;
import ganglion.internal.ops.rnn.RecurrentOps;

import java.util.Map;

/**
 * Keras's {@code LSTM} (Hochreiter 1997). Gate order i, f, c, o as Keras: kernel {@code (features, 4 units)},
 * recurrent_kernel {@code (units, 4 units)}, bias {@code (4 units,)}; with {@code unitForgetBias} (default)
 * the bias starts as {@code [0, 1, 0, 0]} blocks. Activation tanh, recurrent activation sigmoid. With
 * {@code returnState} the outputs are {@code [output, h, c]}. See {@link Recurrent} for the options.
 *
 * <pre>{@code
 * new LSTM(128).returnSequences(true).dropout(0.2);
 * }</pre>
 */
public class LSTM extends Recurrent<LSTM> {

    private boolean unitForgetBias = true;

    /** @param units dimensionality of the output space */
    public LSTM(int units) {
        super(units);
    }

    /** @param unitForgetBias add 1 to the forget gate's bias at initialization; default true */
    public LSTM unitForgetBias(boolean unitForgetBias) {
        checkNotBuilt("unitForgetBias");
        this.unitForgetBias = unitForgetBias;
        return this;
    }

    public boolean unitForgetBias() {
        return unitForgetBias;
    }

    @Override
    RecurrentOps.Cell cell() {
        return RecurrentOps.Cell.LSTM;
    }

    @Override
    LSTM newCopy() {
        return copyOptionsTo(new LSTM(units)).unitForgetBias(unitForgetBias);
    }

    @Override
    Initializer effectiveBiasInitializer() {
        Initializer base = biasInitializer();
        if (!unitForgetBias) {
            return base;
        }
        int u = units;
        return new Initializer() {
            @Override
            public String name() {
                return "unit_forget_bias";
            }

            @Override
            public Tensor create(int... shape) {
                return Tensor.concat(0, base.create(u), Tensor.ones(u), base.create(2 * u));
            }
        };
    }

    @Override
    void addCellConfig(Map<String, Object> c) {
        c.put("unit_forget_bias", unitForgetBias);
    }
}
