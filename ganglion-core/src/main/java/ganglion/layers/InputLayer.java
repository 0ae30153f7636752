package ganglion.layers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code InputLayer}: the entry point of a model, holding the shape of one input (batch axis excluded;
 * -1 for an unknown length). It is built when constructed and passes its input through unchanged. Usually made
 * with {@link Input#of(int...)}, which returns its {@link #output()}.
 */
public class InputLayer extends Layer {

    private final int[] shape;
    private final SymbolicTensor output;

    /**
     * @param shape the per-sample shape, e.g. {@code (28, 28, 1)}; -1 marks an unknown length
     * @throws IllegalArgumentException for a length that is 0 or below -1
     */
    public InputLayer(int... shape) {
        if (shape == null) {
            throw new IllegalArgumentException("You must pass a `shape` argument.");
        }
        for (int d : shape) {
            if (d == 0 || d < -1) {
                throw new IllegalArgumentException("InputLayer: invalid shape " + withoutBatch(shape)
                        + "; lengths must be positive (or -1 for unknown)");
            }
        }
        this.shape = shape.clone();
        super.inputShape(shape);
        ensureBuilt(this.shape);
        this.output = recordInput(this.shape);
    }

    /** The per-sample shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The symbolic tensor this layer produces: the model input. */
    public SymbolicTensor output() {
        return output;
    }

    /**
     * Not supported: an InputLayer's shape is given to its constructor.
     *
     * @throws IllegalStateException always
     */
    @Override
    public InputLayer inputShape(int... shape) {
        throw new IllegalStateException(describe() + ": the shape of an InputLayer is given to its constructor "
                + "(new InputLayer(shape) or Input.of(shape))");
    }

    @Override
    public InputLayer name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return input;
    }

    /** Keras's InputLayer config: batch_shape, dtype, sparse, ragged, name, optional (no base keys). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("batch_shape", shapeList(shape, true));
        c.put("dtype", "float32");
        c.put("sparse", false);
        c.put("ragged", false);
        c.put("name", name());
        c.put("optional", false);
        return c;
    }
}
