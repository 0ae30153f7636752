package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Multiply}: the elementwise product of its inputs.
 */
public class Multiply extends Merge {

    public Multiply() {
    }

    @Override
    public Multiply name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            out = out.mul(inputs.get(i));
        }
        return out;
    }
}
