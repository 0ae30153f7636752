package ganglion.layers;

import ganglion.internal.ops.rnn.RecurrentOps;

import java.util.Map;

/**
 * Keras's {@code GRU} (Cho et al. 2014). Gate order z, r, h as Keras: kernel {@code (features, 3 units)},
 * recurrent_kernel {@code (units, 3 units)}. With {@code resetAfter} (Keras's default, the variant PyTorch's
 * GRU computes) the reset gate multiplies the recurrent product and the bias is {@code (2, 3 units)} (row 0
 * input bias, row 1 recurrent bias); with {@code resetAfter(false)} it multiplies the state before the
 * product and the bias is {@code (3 units,)}. {@code h = z * h_prev + (1 - z) * hh}.
 *
 * <pre>{@code
 * new GRU(64).resetAfter(false);
 * }</pre>
 */
public class GRU extends Recurrent<GRU> {

    private boolean resetAfter = true;

    /** @param units dimensionality of the output space */
    public GRU(int units) {
        super(units);
    }

    /** @param resetAfter apply the reset gate after the recurrent product; default true */
    public GRU resetAfter(boolean resetAfter) {
        checkNotBuilt("resetAfter");
        this.resetAfter = resetAfter;
        return this;
    }

    public boolean resetAfter() {
        return resetAfter;
    }

    @Override
    RecurrentOps.Cell cell() {
        return resetAfter ? RecurrentOps.Cell.GRU : RecurrentOps.Cell.GRU_RESET_BEFORE;
    }

    @Override
    GRU newCopy() {
        return copyOptionsTo(new GRU(units)).resetAfter(resetAfter);
    }

    @Override
    int[] biasShape() {
        return resetAfter ? new int[]{2, 3 * units} : new int[]{3 * units};
    }

    @Override
    void addCellConfig(Map<String, Object> c) {
        c.put("reset_after", resetAfter);
    }
}
