package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Average}: the elementwise mean of its inputs.
 */
public class Average extends Merge {

    public Average() {
    }

    @Override
    public Average name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            out = out.add(inputs.get(i));
        }
        return out.div((float) inputs.size());
    }
}
