package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/**
 * Keras's {@code keras.layers.Add}: the elementwise sum of its inputs, e.g. {@code new Add().apply(a, b)}.
 */
public class Add extends Merge {

    public Add() {
    }

    @Override
    public Add name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            out = out.add(inputs.get(i));
        }
        return out;
    }
}
