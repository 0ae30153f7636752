package ganglion.layers;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code Bidirectional} wrapper: runs a recurrent layer forwards and a copy of it backwards over the
 * sequence and merges the two outputs ({@code mergeMode} "concat" (default), "sum", "mul" or "ave"). The
 * backward sequence output is reversed back to input order before merging. Weights: the forward layer's, then
 * the backward layer's (Keras's order). With {@code returnState} the outputs are the merged output, then the
 * forward states, then the backward states. With a mask, masked steps output zeros when returning sequences,
 * as in Keras.
 *
 * <pre>{@code
 * new Bidirectional(new LSTM(64).returnSequences(true));
 * }</pre>
 */
public class Bidirectional extends LayerWrapper {

    private final Recurrent<?> forward;
    private final Recurrent<?> backward;
    private String mergeMode = "concat";

    /** @param layer the recurrent layer to run in both directions (used as the forward layer) */
    public Bidirectional(Recurrent<?> layer) {
        this.forward = Objects.requireNonNull(layer, "layer");
        if (layer.isBuilt()) {
            throw new IllegalArgumentException(describe() + ": wrap an unbuilt recurrent layer");
        }
        Recurrent<?> copy = layer.newCopy();
        copy.goBackwards(!layer.goBackwards());
        this.backward = copy;
        String base = layer.name();
        forward.name("forward_" + base);
        backward.name("backward_" + base);
        forward.zeroOutputForMask(forward.returnSequences());
        backward.zeroOutputForMask(forward.returnSequences());
    }

    /** {@code Bidirectional(layer, merge_mode=mode)}. */
    public Bidirectional(Recurrent<?> layer, String mergeMode) {
        this(layer);
        mergeMode(mergeMode);
    }

    /** @param mode "concat" (default), "sum", "mul" or "ave" */
    public Bidirectional mergeMode(String mode) {
        checkNotBuilt("mergeMode");
        String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        if (!List.of("concat", "sum", "mul", "ave").contains(m)) {
            throw new IllegalArgumentException(describe() + ": invalid merge mode. Received: merge_mode=" + mode
                    + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\"}");
        }
        this.mergeMode = m;
        return this;
    }

    public String mergeMode() {
        return mergeMode;
    }

    public Recurrent<?> forwardLayer() {
        return forward;
    }

    public Recurrent<?> backwardLayer() {
        return backward;
    }

    @Override
    List<Layer> wrapped() {
        return List.of(forward, backward);
    }

    @Override
    public Bidirectional inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Bidirectional name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected void build(int[] inputShape) {
        forward.ensureBuilt(inputShape);
        backward.ensureBuilt(inputShape);
    }

    /** Called with initial states: the sequence's shape decides the weights. */
    @Override
    protected void buildAll(List<int[]> inputShapes) {
        checkStateCount(inputShapes.size());
        build(inputShapes.get(0).clone());
    }

    /** Keras passes the forward then the backward initial states as {@code initial_state=[...]}. */
    @Override
    public String extraInputsKeyword() {
        return "initial_state";
    }

    private void checkStateCount(int inputs) {
        int states = forward.cell().states();
        if (inputs != 1 && inputs != 1 + 2 * states) {
            throw new IllegalArgumentException(describe() + " takes a sequence and, optionally, " + 2 * states
                    + " initial states (the forward layer's " + states + ", then the backward layer's " + states
                    + ", as Keras's initial_state), but was called on " + inputs + " inputs");
        }
    }

    @Override
    protected void checkInputShape(int[] shape) {
        forward.checkInputShape(shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] o = forward.computeOutputShape(inputShape);
        if (mergeMode.equals("concat")) {
            o[o.length - 1] *= 2;
        }
        return o;
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        List<int[]> r = new ArrayList<>();
        r.add(computeOutputShape(inputShapes.get(0)));
        if (forward.returnState()) {
            List<int[]> f = forward.computeOutputShapes(inputShapes);
            for (int k = 0; k < 2; k++) {
                r.addAll(f.subList(1, f.size()));
            }
        }
        return r;
    }

    @Override
    public boolean hasSeveralOutputs() {
        return forward.returnState();
    }

    @Override
    protected int[] symbolicCall(List<int[]> inputShapes) {
        ensureBuiltAll(inputShapes);
        return computeOutputShape(inputShapes.get(0));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        return forward.returnSequences() ? mask : null;
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        List<Tensor> r = new ArrayList<>();
        r.add(forward.returnSequences() ? m : null);
        int extra = hasSeveralOutputs() ? 2 * forward.cell().states() : 0;
        for (int i = 0; i < extra; i++) {
            r.add(null);
        }
        return r;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return call(input, null, training);
    }

    @Override
    public Tensor call(Tensor input, Tensor mask, boolean training) {
        return callAll(List.of(input), mask == null ? null : java.util.Collections.singletonList(mask), training)
                .get(0);
    }

    private static Tensor state(List<Tensor> inputs, int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    @Override
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        checkStateCount(inputs.size());
        Tensor x = inputs.get(0);
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        int states = forward.cell().states();
        List<Tensor> f = forward.run(x, m, state(inputs, 1), states > 1 ? state(inputs, 2) : null, training);
        List<Tensor> b = backward.run(x, m, state(inputs, 1 + states), states > 1 ? state(inputs, 2 + states) : null,
                training);
        Tensor yf = f.get(0), yb = b.get(0);
        if (forward.returnSequences()) {
            int steps = yb.shape(1);
            float[] idx = new float[steps];
            for (int i = 0; i < steps; i++) {
                idx[i] = steps - 1 - i;
            }
            yb = yb.take(Tensor.wrap(idx, steps), 1);
        }
        Tensor y = switch (mergeMode) {
            case "sum" -> yf.add(yb);
            case "mul" -> yf.mul(yb);
            case "ave" -> yf.add(yb).mul(0.5f);
            default -> Tensor.concat(-1, yf, yb);
        };
        List<Tensor> r = new ArrayList<>();
        r.add(y);
        if (forward.returnState()) {
            r.addAll(f.subList(1, f.size()));
            r.addAll(b.subList(1, b.size()));
        }
        return r;
    }

    /** Base keys plus "merge_mode" and the wrapped layer under "layer". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("merge_mode", mergeMode);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("class_name", forward.getClass().getSimpleName());
        l.put("config", forward.getConfig());
        c.put("layer", l);
        return c;
    }
}
