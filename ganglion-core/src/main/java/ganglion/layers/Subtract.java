package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Subtract}: the first input minus the second (exactly two inputs).
 */
public class Subtract extends Merge {

    public Subtract() {
    }

    @Override
    public Subtract name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected int[] mergedShape(List<int[]> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException(describe() + ": a Subtract layer should be called on exactly 2 "
                    + "inputs. Received: " + shapes.size() + " inputs.");
        }
        return super.mergedShape(shapes);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return inputs.get(0).sub(inputs.get(1));
    }
}
