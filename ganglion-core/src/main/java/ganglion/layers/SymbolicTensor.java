package ganglion.layers;

import java.util.List;

/**
 * A placeholder for a batch of tensors in a model graph, as Keras's {@code KerasTensor}: it knows its
 * shape (without batch axis; -1 for unknown lengths), the layer that produced it and that layer's inputs.
 * {@code Input.of(shape)} makes one; {@code layer.apply(symbolic)} makes more.
 */
public final class SymbolicTensor {

    private final int[] shape;
    private final Layer layer;
    private final List<SymbolicTensor> inputs;

    public SymbolicTensor(int[] shape, Layer layer, List<SymbolicTensor> inputs) {
        this.shape = shape.clone();
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
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

    @Override
    public String toString() {
        return "<SymbolicTensor shape=" + Layer.withBatch(shape) + ", name=" + layer.name() + ">";
    }
}
