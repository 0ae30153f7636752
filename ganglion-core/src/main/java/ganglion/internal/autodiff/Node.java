package ganglion.internal.autodiff;

import ganglion.Tensor;

/**
 * One recorded operation of the autograd tape: it remembers its inputs (and whatever it saved from the
 * forward pass) and, given the gradient of its output, adds each input's gradient into that input.
 * Ops create one Node per call, and only when some input requires a gradient and grad mode is on.
 */
public abstract class Node {

    private final Tensor[] inputs;

    protected Node(Tensor... inputs) {
        this.inputs = inputs;
    }

    /** The tensors this op read. */
    public final Tensor[] inputs() {
        return inputs;
    }

    /** The op's name, for error messages and debugging. */
    public String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "op" : n;
    }

    /**
     * Propagates {@code gradOutput} (same size as {@code output}) to the inputs. Implementations call
     * {@link #accumulate(Tensor, float[])} or write into {@link #gradOf(Tensor)} for inputs that
     * {@link Tensor#requiresGrad()}, and skip the others.
     */
    public abstract void backward(Tensor output, float[] gradOutput);

    /** The gradient buffer of an input (allocated as zeros on first use), for in-place accumulation. */
    protected static float[] gradOf(Tensor input) {
        return Autograd.gradBuffer(input);
    }

    /** Adds {@code grad} into the gradient of {@code input}, if it requires one. */
    protected static void accumulate(Tensor input, float[] grad) {
        if (input.requiresGrad()) {
            Autograd.accumulate(input, grad);
        }
    }
}
