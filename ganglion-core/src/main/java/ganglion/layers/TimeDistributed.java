package ganglion.layers;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code TimeDistributed}: applies the wrapped layer to every time step of a sequence independently
 * (the time axis is folded into the batch, so one call of the inner layer serves all steps), e.g.
 * {@code new TimeDistributed(new Dense(10, "softmax"))} after an LSTM with {@code returnSequences}. The weights
 * are the inner layer's. Masks pass through.
 *
 * <p><b>Input shape:</b> {@code (batch, time, ...)}. <b>Output shape:</b> {@code (batch, time, inner output ...)}.
 */
public class TimeDistributed extends LayerWrapper {

    private final Layer layer;

    /** @param layer the layer to apply at every time step */
    public TimeDistributed(Layer layer) {
        this.layer = Objects.requireNonNull(layer, "layer");
    }

    /** The wrapped layer. */
    public Layer layer() {
        return layer;
    }

    @Override
    List<Layer> wrapped() {
        return List.of(layer);
    }

    @Override
    public TimeDistributed inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public TimeDistributed name(String name) {
        super.name(name);
        return this;
    }

    private int[] inner(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(describe() + " expects input of rank at least 3 (batch, time, ...) "
                    + "but received input with shape " + withBatch(shape));
        }
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    @Override
    protected void build(int[] inputShape) {
        layer.ensureBuilt(inner(inputShape));
    }

    /** Any number of steps; the per-step shape must suit the inner layer. */
    @Override
    protected void checkInputShape(int[] shape) {
        inner(shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] in = inner(inputShape);
        int[] o = layer.computeOutputShape(in);
        int[] r = new int[o.length + 1];
        r[0] = inputShape[0];
        System.arraycopy(o, 0, r, 1, o.length);
        return r;
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        if (s.length < 3) {
            inner(Arrays.copyOfRange(s, 1, s.length));
        }
        int[] folded = new int[s.length - 1];
        folded[0] = s[0] * s[1];
        System.arraycopy(s, 2, folded, 1, s.length - 2);
        Tensor y = layer.apply(input.reshape(folded), training);
        int[] ys = y.shape();
        int[] out = new int[ys.length + 1];
        out[0] = s[0];
        out[1] = s[1];
        System.arraycopy(ys, 1, out, 2, ys.length - 1);
        return y.reshape(out);
    }

    /** Base keys plus the wrapped layer's class name and config under "layer". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("class_name", layer.getClass().getSimpleName());
        l.put("config", layer.getConfig());
        c.put("layer", l);
        return c;
    }
}
