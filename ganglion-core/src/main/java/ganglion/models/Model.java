package ganglion.models;

import ganglion.Tensor;
import ganglion.layers.Layer;

/** A Keras model: layers plus training. (Skeleton; the training loop is filled in by the models work.) */
public class Model extends Layer {

    protected Model() {
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        throw new UnsupportedOperationException("not yet");
    }
}
