package ganglion.internal.autodiff;

import ganglion.Tensor;

/**
 * One recorded operation of the autograd tape: it remembers its inputs (and whatever it saved from the
 * forward pass) and, given the gradient of its output, adds each input's gradient into that input.
 * Ops create one Node per call, and only when some input requires a gradient and grad mode is on.
 *
 * <p>Rules for implementations: never write into {@code gradOutput}; either write with {@code +=} into
 * {@link #gradOf(Tensor)}, or hand a whole array over with {@link #accumulate(Tensor, float[])} (which may
 * adopt it without copying; {@code gradOutput} itself may be handed over, as the last use of it).
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

    /**
     * Adds {@code grad} into the gradient of {@code input}, if it requires one. The array may be adopted
     * as the input's gradient buffer: do not write into it afterwards.
     */
    protected static void accumulate(Tensor input, float[] grad) {
        if (input.requiresGrad()) {
            Autograd.accumulate(input, grad);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
