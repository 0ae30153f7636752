package ganglion.layers;

import java.util.List;

/**
 * A placeholder for a batch of tensors in a model graph, as Keras's {@code KerasTensor}: it knows its
 * shape (without batch axis; -1 for unknown lengths) and where it comes from (Keras's {@code keras_history}):
 * the layer, which call of that layer ({@link #nodeIndex()}) and which of the call's outputs
 * ({@link #tensorIndex()}). {@code Input.of(shape)} makes one; {@code layer.apply(symbolic)} makes more.
 */
public final class SymbolicTensor {

    private final int[] shape;
    private final Layer layer;
    private final List<SymbolicTensor> inputs;
    private final LayerCall node;
    private final int tensorIndex;

    /**
     * A free-standing symbolic tensor produced by {@code layer} from {@code inputs}, outside any recorded
     * call (tests and Sequential inputs); functional models need tensors made by {@code Input.of} and
     * {@code layer.apply}.
     */
    public SymbolicTensor(int[] shape, Layer layer, List<SymbolicTensor> inputs) {
        this.shape = shape.clone();
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        this.node = null;
        this.tensorIndex = 0;
    }

    /** Output {@code tensorIndex} of a recorded call. */
    SymbolicTensor(int[] shape, LayerCall node, int tensorIndex) {
        this.shape = shape.clone();
        this.layer = node.layer();
        this.inputs = node.inputs();
        this.node = node;
        this.tensorIndex = tensorIndex;
    }

    /** Shape without the batch axis. */
    public int[] shape() {
        return shape.clone();
    }

    /** The layer that produced this tensor (an InputLayer for model inputs). */
    public Layer layer() {
        return layer;
    }

    /** The symbolic inputs of the producing layer (empty for model inputs). */
    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    /** The call that produced this tensor, or null for a free-standing tensor. */
    public LayerCall node() {
        return node;
    }

    /** Which call of {@link #layer()} produced it (Keras's node index). */
    public int nodeIndex() {
        return node == null ? 0 : node.index();
    }

    /** Which output of that call this is (Keras's tensor index). */
    public int tensorIndex() {
        return tensorIndex;
    }

    @Override
    public String toString() {
        return "<SymbolicTensor shape=" + Layer.withBatch(shape) + ", name=" + layer.name() + ">";
    }
}
