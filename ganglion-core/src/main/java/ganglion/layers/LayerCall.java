package ganglion.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call of a layer on symbolic tensors: Keras's {@code Node}. It links the tensors that went in to the
 * tensors that came out; a functional model is the graph of these calls. A layer called twice (a shared
 * layer) has two calls, numbered 0, 1, ... in {@link Layer#inboundNodes()}; Keras's
 * {@code keras_history} of a tensor is (layer, call index, output index).
 */
public final class LayerCall {

    private final Layer layer;
    private final List<SymbolicTensor> inputs;
    private final List<SymbolicTensor> outputs;
    private int index;

    LayerCall(Layer layer, List<SymbolicTensor> inputs, List<int[]> outputShapes) {
        this.layer = layer;
        this.inputs = inputs;
        List<SymbolicTensor> outs = new ArrayList<>(outputShapes.size());
        for (int i = 0; i < outputShapes.size(); i++) {
            outs.add(new SymbolicTensor(outputShapes.get(i), this, i));
        }
        this.outputs = Collections.unmodifiableList(outs);
    }

    void setIndex(int index) {
        this.index = index;
    }

    /** The layer called. */
    public Layer layer() {
        return layer;
    }

    /** The symbolic inputs of the call (empty for an input layer). */
    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    /** The symbolic outputs of the call. */
    public List<SymbolicTensor> outputs() {
        return outputs;
    }

    /** This call's position among the layer's calls (Keras's node index). */
    public int index() {
        return index;
    }

    /** Whether this is the call that creates a model input (an InputLayer's only call). */
    public boolean isInput() {
        return inputs.isEmpty();
    }

    @Override
    public String toString() {
        return "<LayerCall " + layer.name() + "[" + index + "]>";
    }
}
