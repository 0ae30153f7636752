package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Node;

/** Lets op helpers outside a Node subclass add gradients into an input. */
final class GradSink extends Node {

    private GradSink() {
        super();
    }

    static void add(Tensor t, float[] grad) {
        accumulate(t, grad);
    }

    /** The gradient buffer of t, allocated as zeros when absent. */
    static float[] of(Tensor t) {
        return gradOf(t);
    }

    @Override
    public void backward(Tensor output, float[] gradOutput) {
        throw new UnsupportedOperationException();
    }
}
