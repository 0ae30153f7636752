package ganglion.layers;

import ganglion.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code keras.layers.Concatenate(axis=-1)}: joins its inputs along one axis (counted with the batch
 * axis, as in Keras; -1 is the last). Every other axis must agree.
 * <pre>{@code
 * SymbolicTensor merged = new Concatenate().apply(a, b);   // (None, 32) and (None, 16) give (None, 48)
 * }</pre>
 */
public class Concatenate extends Merge {

    private final int axis;

    /** Concatenation along the last axis. */
    public Concatenate() {
        this(-1);
    }

    /** Concatenation along {@code axis} (with batch axis: 1 is the first feature axis; negative from the end). */
    public Concatenate(int axis) {
        this.axis = axis;
    }

    @Override
    public Concatenate name(String name) {
        super.name(name);
        return this;
    }

    /** The axis given to the constructor. */
    public int axis() {
        return axis;
    }

    /** The axis within a batch-less shape of this rank. */
    private int featureAxis(int rank) {
        int full = axis < 0 ? axis + rank + 1 : axis;
        if (full < 1 || full > rank) {
            throw new IllegalArgumentException(describe() + ": axis " + axis + " is out of range for inputs of rank "
                    + (rank + 1) + " (the batch axis 0 cannot be concatenated)");
        }
        return full - 1;
    }

    @Override
    protected int[] mergedShape(List<int[]> shapes) {
        int rank = shapes.get(0).length;
        int a = featureAxis(rank);
        int[] out = shapes.get(0).clone();
        for (int k = 1; k < shapes.size(); k++) {
            int[] s = shapes.get(k);
            if (s.length != rank) {
                throw concatError(shapes);
            }
            for (int i = 0; i < rank; i++) {
                if (i == a) {
                    out[i] = out[i] < 0 || s[i] < 0 ? -1 : out[i] + s[i];
                } else if (out[i] >= 0 && s[i] >= 0 && out[i] != s[i]) {
                    throw concatError(shapes);
                } else if (out[i] < 0) {
                    out[i] = s[i];
                }
            }
        }
        return out;
    }

    private IllegalArgumentException concatError(List<int[]> shapes) {
        StringBuilder sb = new StringBuilder();
        for (int[] s : shapes) {
            sb.append(sb.length() == 0 ? "" : ", ").append(withBatch(s));
        }
        return new IllegalArgumentException(describe() + ": a Concatenate layer requires inputs with matching "
                + "shapes except for the concatenation axis. Received: input_shape=[" + sb + "], axis=" + axis);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        int rank = inputs.get(0).rank() - 1;
        return Tensor.concat(featureAxis(rank) + 1, inputs.toArray(new Tensor[0]));
    }

    /** Keras's config: the base entries and "axis". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        return c;
    }
}
