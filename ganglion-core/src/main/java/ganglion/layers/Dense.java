package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code Dense}: the regular densely-connected layer, {@code output = activation(dot(input, kernel) + bias)}.
 * The kernel has shape {@code (input_dim, units)}, the bias {@code (units,)}.
 *
 * <p><b>Input shape:</b> {@code (batch_size, ..., input_dim)}, rank at least 2; on higher ranks the kernel acts
 * on the last axis. <b>Output shape:</b> {@code (batch_size, ..., units)}.
 *
 * <pre>{@code
 * new Dense(128, "relu").inputShape(784);
 * new Dense(10).activation("softmax").kernelRegularizer(Regularizers.l2(1e-4));
 * }</pre>
 */
public class Dense extends Layer {

    private final int units;
    private ganglion.activations.Activation activation = Activations.LINEAR;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializers.ZEROS;
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;
    private Variable kernel;
    private Variable bias;

    /**
     * @param units dimensionality of the output space (positive)
     * @throws IllegalArgumentException when units is not positive
     */
    public Dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. "
                    + "Received: units=" + units);
        }
        this.units = units;
    }

    /** {@code Dense(units, activation=name)}. */
    public Dense(int units, String activation) {
        this(units);
        activation(activation);
    }

    /** {@code Dense(units, activation=fn)}. */
    public Dense(int units, ganglion.activations.Activation activation) {
        this(units);
        activation(activation);
    }

    public int units() {
        return units;
    }

    /** @param activation Keras activation name; default none ("linear") */
    public Dense activation(String activation) {
        return activation(Activations.get(activation));
    }

    /** @param activation the activation function; default {@link Activations#LINEAR} */
    public Dense activation(ganglion.activations.Activation activation) {
        checkNotBuilt("activation");
        this.activation = activation == null ? Activations.LINEAR : activation;
        return this;
    }

    public ganglion.activations.Activation activation() {
        return activation;
    }

    /** @param useBias whether the layer adds a bias vector; default true */
    public Dense useBias(boolean useBias) {
        checkNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    public boolean useBias() {
        return useBias;
    }

    /** @param name Keras initializer name for the kernel; default "glorot_uniform" */
    public Dense kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** @param initializer the kernel initializer; default {@code GlorotUniform} */
    public Dense kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        this.kernelInitializer = Objects.requireNonNull(initializer, "kernelInitializer");
        return this;
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    /** @param name Keras initializer name for the bias; default "zeros" */
    public Dense biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param initializer the bias initializer; default {@code Zeros} */
    public Dense biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        this.biasInitializer = Objects.requireNonNull(initializer, "biasInitializer");
        return this;
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    /** @param name Keras regularizer name ("l1", "l2", "l1_l2") for the kernel; default none */
    public Dense kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the kernel; default none (null) */
    public Dense kernelRegularizer(Regularizer regularizer) {
        checkNotBuilt("kernelRegularizer");
        this.kernelRegularizer = regularizer;
        return this;
    }

    public Regularizer kernelRegularizer() {
        return kernelRegularizer;
    }

    /** @param name Keras regularizer name for the bias; default none */
    public Dense biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the bias; default none (null) */
    public Dense biasRegularizer(Regularizer regularizer) {
        checkNotBuilt("biasRegularizer");
        this.biasRegularizer = regularizer;
        return this;
    }

    public Regularizer biasRegularizer() {
        return biasRegularizer;
    }

    /** @param name Keras regularizer name for the layer's output; default none */
    public Dense activityRegularizer(String name) {
        return activityRegularizer(Regularizers.get(name));
    }

    /** @param regularizer penalty on the layer's output; default none (null) */
    @Override
    public Dense activityRegularizer(Regularizer regularizer) {
        super.activityRegularizer(regularizer);
        return this;
    }

    @Override
    public Regularizer activityRegularizer() {
        return super.activityRegularizer();
    }

    @Override
    public Dense inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Dense name(String name) {
        super.name(name);
        return this;
    }

    /** The kernel weight, shape (input_dim, units); null before the layer is built. */
    public Variable kernel() {
        return kernel;
    }

    /** The bias weight, shape (units,); null before the layer is built or without a bias. */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void build(int[] inputShape) {
        if (inputShape.length == 0) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected min_ndim=2, found ndim=1. Full shape received: (None,). Dense needs a feature axis: "
                    + "reshape the data to (batch, features).");
        }
        int inputDim = inputShape[inputShape.length - 1];
        if (inputDim < 0) {
            throw new IllegalArgumentException(describe() + ": the last dimension of the inputs to a Dense layer "
                    + "should be defined. Found None in input shape " + withBatch(inputShape) + ".");
        }
        kernel = addWeight("kernel", new int[]{inputDim, units}, kernelInitializer, kernelRegularizer);
        if (useBias) {
            bias = addWeight("bias", new int[]{units}, biasInitializer, biasRegularizer);
        }
    }

    /** Accepts any rank at least 1 (without batch) whose last axis matches the built one, as Keras's InputSpec. */
    @Override
    protected void checkInputShape(int[] shape) {
        int[] built = builtInputShape();
        int last = built[built.length - 1];
        if (shape.length == 0 || (shape[shape.length - 1] != last && shape[shape.length - 1] != -1)) {
            throw incompatibleInput(built, shape);
        }
    }

    /** Keras's {@code supports_masking = True}: an incoming mask passes through unchanged. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length == 0) {
            throw new IllegalArgumentException(describe() + " expects inputs of rank at least 2 (batch, features); "
                    + "received shape (None,)");
        }
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        Tensor y = input.matmul(kernel.value());
        if (bias != null) {
            y = y.add(bias.value());
        }
        return activation.apply(y);
    }

    /** Keras's Dense config: units, activation, use_bias, initializers, regularizers, constraints. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("units", units);
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
        c.put("quantization_config", null);
        return c;
    }
}
