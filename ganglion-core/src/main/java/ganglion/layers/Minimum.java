package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Minimum}: the elementwise minimum of its inputs.
 */
public class Minimum extends Merge {

    public Minimum() {
    }

    @Override
    public Minimum name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            out = out.minimum(inputs.get(i));
        }
        return out;
    }
}
