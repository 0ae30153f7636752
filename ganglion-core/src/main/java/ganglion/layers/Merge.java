package ganglion.layers;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The base of Keras's merge layers ({@code keras.layers.Add}, {@code Concatenate}, ...; Keras's
 * {@code layers/merging/base_merge.py}): a layer called on a list of tensors that returns one tensor. In the
 * functional API: {@code new Add().apply(a, b)}. Elementwise merges need equal shapes, except that an axis of
 * length 1 broadcasts. The output mask is the AND of the input masks (when any input has one).
 */
public abstract class Merge extends Layer {

    protected Merge() {
    }

    /** The merged tensor of two or more batches (with batch axis). */
    protected abstract Tensor merge(List<Tensor> inputs);

    /** The output shape (without batch axis) for the input shapes; elementwise merges broadcast. */
    protected int[] mergedShape(List<int[]> shapes) {
        int[] out = shapes.get(0).clone();
        for (int k = 1; k < shapes.size(); k++) {
            int[] s = shapes.get(k);
            if (s.length != out.length) {
                throw incompatible(shapes);
            }
            for (int i = 0; i < out.length; i++) {
                int a = out[i];
                int b = s[i];
                if (a == -1 || b == -1) {
                    out[i] = a == 1 ? b : b == 1 ? a : -1;
                } else if (a == 1) {
                    out[i] = b;
                } else if (b != 1 && a != b) {
                    throw incompatible(shapes);
                }
            }
        }
        return out;
    }

    /** The error for shapes that cannot be merged, naming the layer and every shape. */
    protected IllegalArgumentException incompatible(List<int[]> shapes) {
        List<String> s = new ArrayList<>();
        for (int[] sh : shapes) {
            s.add(withBatch(sh));
        }
        return new IllegalArgumentException(describe() + ": inputs have incompatible shapes. Received shapes "
                + String.join(" and ", s) + ". Elementwise merges need equal shapes (an axis of length 1 "
                + "broadcasts); reshape the inputs, or use Concatenate.");
    }

    @Override
    protected void build(int[] inputShape) {
        // a merge of a single input: nothing to check
    }

    @Override
    protected void buildAll(List<int[]> inputShapes) {
        mergedShape(inputShapes);
    }

    /** A merge of a single input returns it unchanged, as Keras's merges do on a list of one. */
    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (inputShapes.size() == 1) {
            return List.of(computeOutputShape(inputShapes.get(0)));
        }
        return List.of(mergedShape(inputShapes));
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return input;
    }

    @Override
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(describe() + " should be called on a list of at least 1 input.");
        }
        if (inputs.size() == 1) {
            return List.of(inputs.get(0));
        }
        List<int[]> shapes = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            int[] s = t.shape();
            shapes.add(Arrays.copyOfRange(s, 1, s.length));
        }
        mergedShape(shapes);
        return List.of(merge(inputs));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The AND of the input masks ({@code [batch, time]} 0/1), or null when no input has a mask. */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor out = null;
        if (masks != null) {
            for (Tensor m : masks) {
                if (m != null) {
                    out = out == null ? m : out.mul(m);
                }
            }
        }
        List<Tensor> r = new ArrayList<>(1);
        r.add(out);
        return r;
    }

    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        return mask;
    }
}
