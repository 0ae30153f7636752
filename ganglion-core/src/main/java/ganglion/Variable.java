package ganglion;

import ganglion.internal.ops.Shapes;

import java.util.Arrays;

/**
 * A weight: a named tensor that a layer owns and an optimizer updates in place (Keras's
 * {@code keras.Variable}). Trainable variables receive gradients; non-trainable ones (BatchNormalization's
 * moving statistics, or anything frozen) do not.
 */
public final class Variable {

    private final String name;
    private String path;
    private final Tensor value;
    private boolean trainable;

    /** A variable initialised with a copy of {@code initial}. */
    public Variable(String name, Tensor initial, boolean trainable) {
        this.name = name;
        this.path = name;
        this.value = initial.copy();
        this.trainable = trainable;
        this.value.requiresGrad(trainable);
    }

    /** The short name, e.g. "kernel". */
    public String name() {
        return name;
    }

    /** The full path, e.g. "dense/kernel", as Keras 3's {@code variable.path}. */
    public String path() {
        return path;
    }

    /** Sets the full path (done by the owning layer). */
    public void setPath(String path) {
        this.path = path;
    }

    /** The live tensor. Its buffer is updated in place by optimizers and {@link #assign}. */
    public Tensor value() {
        return value;
    }

    public int[] shape() {
        return value.shape();
    }

    public boolean trainable() {
        return trainable;
    }

    /** Freezes or unfreezes this variable. A frozen variable gets no gradient. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        value.requiresGrad(trainable);
        if (!trainable) {
            value.setGradBuffer(null);
        }
    }

    /** The gradient accumulated by the last backward pass, or null. */
    public float[] gradBuffer() {
        return value.gradBufferOrNull();
    }

    /** Clears the gradient. */
    public void zeroGrad() {
        value.zeroGrad();
    }

    /** Copies new values in; the shape must match exactly. */
    public void assign(Tensor newValue) {
        if (!Arrays.equals(newValue.shape(), value.shape())) {
            throw new IllegalArgumentException("Variable '" + path + "' has shape " + Shapes.str(value.shape())
                    + "; cannot assign a value of shape " + Shapes.str(newValue.shape()));
        }
        System.arraycopy(newValue.buffer(), 0, value.buffer(), 0, value.buffer().length);
    }

    /** Number of scalars. */
    public long size() {
        return value.size();
    }

    @Override
    public String toString() {
        return "Variable(" + path + ", shape=" + Shapes.str(value.shape()) + (trainable ? "" : ", non-trainable") + ")";
    }
}
