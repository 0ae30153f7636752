package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Maximum}: the elementwise maximum of its inputs.
 */
public class Maximum extends Merge {

    public Maximum() {
    }

    @Override
    public Maximum name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            out = out.maximum(inputs.get(i));
        }
        return out;
    }
}
