package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.internal.ops.Shapes;
import ganglion.regularizers.Regularizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every Keras layer. A layer is configured through its constructor and fluent setters, builds
 * its weights once it knows its input shape ({@link #build}), and computes its output in {@link #call}
 * with differentiable tensor ops only (no backward code).
 *
 * <p>Shapes here never include the batch axis: {@code inputShape(28, 28, 1)} is Keras's
 * {@code input_shape=(28, 28, 1)}. An axis of unknown length (Keras's None) is -1.
 */
public abstract class Layer {

    private String name;
    private int[] declaredInputShape;
    private int[] builtInputShape;
    private int[] builtOutputShape;
    private boolean built;
    private boolean trainable = true;
    private final List<Variable> variables = new ArrayList<>();
    private final Map<Variable, Regularizer> regularizers = new LinkedHashMap<>();

    protected Layer() {
    }

    // ---------------------------------------------------------------- identity and configuration

    /** The layer's name: the one given, or a unique Keras-style default such as "dense_1". */
    public String name() {
        if (name == null) {
            name = NameScope.uniqueName(NameScope.snakeCase(getClass().getSimpleName()));
        }
        return name;
    }

    /** Sets the name (before the layer is added to a model). */
    public Layer name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name must not be empty");
        }
        this.name = name;
        return this;
    }

    /** Declares the input shape without the batch axis, as Keras's {@code input_shape}. */
    public Layer inputShape(int... shape) {
        checkNotBuilt("inputShape");
        for (int d : shape) {
            if (d == 0 || d < -1) {
                throw new IllegalArgumentException(describe() + ": invalid inputShape " + Arrays.toString(shape)
                        + "; lengths must be positive (or -1 for unknown)");
            }
        }
        this.declaredInputShape = shape.clone();
        return this;
    }

    /** The input shape given with {@link #inputShape}, or null. */
    public int[] declaredInputShape() {
        return declaredInputShape == null ? null : declaredInputShape.clone();
    }

    /** "dense (Dense)": how error messages name this layer. */
    public String describe() {
        return "Layer '" + name() + "' (" + getClass().getSimpleName() + ")";
    }

    /** Throws when the layer is already built: setters may only change an unbuilt layer. */
    protected final void checkNotBuilt(String setter) {
        if (built) {
            throw new IllegalStateException(describe() + ": " + setter + "() must be called before the layer is built");
        }
    }

    // ---------------------------------------------------------------- building

    /** Whether the weights exist. */
    public boolean isBuilt() {
        return built;
    }

    /**
     * Builds the layer for an input shape (without batch axis), once. Later calls must pass a compatible
     * shape; -1 axes match anything.
     */
    public final void ensureBuilt(int[] inputShape) {
        if (built) {
            checkInputShape(inputShape);
            return;
        }
        int[] in = inputShape.clone();
        build(in);
        builtInputShape = in;
        builtOutputShape = computeOutputShape(in);
        built = true;
        for (Variable v : variables) {
            v.setPath(name() + "/" + v.name());
        }
    }

    /** Creates the weights. Layers without weights need not override it. */
    protected void build(int[] inputShape) {
    }

    /** The output shape (without batch axis) for an input shape (without batch axis). */
    public abstract int[] computeOutputShape(int[] inputShape);

    /** The input shape the layer was built for (without batch axis), or null when unbuilt. */
    public int[] builtInputShape() {
        return builtInputShape == null ? null : builtInputShape.clone();
    }

    /** The output shape without batch axis, as Keras's {@code layer.output.shape[1:]}; null when unbuilt. */
    public int[] outputShape() {
        return builtOutputShape == null ? null : builtOutputShape.clone();
    }

    /** Checks a batch-less input shape against the built one, with a message naming the layer and both shapes. */
    protected void checkInputShape(int[] shape) {
        int[] expected = builtInputShape;
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = expected[i] == -1 || shape[i] == -1 || expected[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(describe() + " expects input of shape " + withBatch(expected)
                    + " but received input with shape " + withBatch(shape)
                    + ". Reshape the data or rebuild the model with inputShape" + Arrays.toString(shape).replace('[', '(').replace(']', ')') + ".");
        }
    }

    /** "(None, 28, 28, 1)" */
    public static String withBatch(int[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) {
            sb.append(", ").append(d < 0 ? "None" : String.valueOf(d));
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- calling

    /**
     * Runs the layer on a batch: builds it on first use (from the input's shape), checks the input
     * shape, then calls {@link #call}.
     */
    public Tensor apply(Tensor input, boolean training) {
        int[] shape = input.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException(describe() + " received a scalar; it expects a batch of inputs");
        }
        int[] noBatch = Arrays.copyOfRange(shape, 1, shape.length);
        ensureBuilt(noBatch);
        return call(input, training);
    }

    /** The forward computation on a batch (with batch axis), written with tensor ops. */
    public abstract Tensor call(Tensor input, boolean training);

    // ---------------------------------------------------------------- weights

    /**
     * Creates a weight, as Keras's {@code add_weight}: initialised now, trainable unless told otherwise,
     * with an optional regularizer whose penalty joins the loss.
     */
    protected Variable addWeight(String weightName, int[] shape, Initializer initializer,
                                 Regularizer regularizer, boolean isTrainable) {
        Tensor init = initializer.create(shape);
        if (!Arrays.equals(init.shape(), shape)) {
            throw new IllegalStateException("initializer " + initializer.name() + " gave shape "
                    + Shapes.str(init.shape()) + " for " + Shapes.str(shape));
        }
        Variable v = new Variable(weightName, init, isTrainable && trainable);
        variables.add(v);
        if (regularizer != null) {
            regularizers.put(v, regularizer);
        }
        return v;
    }

    /** Every variable in Keras order: trainable ones first, then non-trainable ones. */
    public List<Variable> variables() {
        List<Variable> all = new ArrayList<>(trainableVariables());
        all.addAll(nonTrainableVariables());
        return all;
    }

    /** Variables that receive gradients. Empty when the layer is frozen. */
    public List<Variable> trainableVariables() {
        List<Variable> r = new ArrayList<>();
        for (Variable v : variables) {
            if (v.trainable()) {
                r.add(v);
            }
        }
        return r;
    }

    /** Variables that do not receive gradients (moving statistics, or all of a frozen layer's). */
    public List<Variable> nonTrainableVariables() {
        List<Variable> r = new ArrayList<>();
        for (Variable v : variables) {
            if (!v.trainable()) {
                r.add(v);
            }
        }
        return r;
    }

    /** The variables in creation order (the order Keras's h5 files use for this layer). */
    protected List<Variable> ownVariables() {
        return Collections.unmodifiableList(variables);
    }

    /** Copies of the weight values in Keras order (e.g. Dense: kernel, bias). */
    public List<Tensor> getWeights() {
        List<Tensor> r = new ArrayList<>();
        for (Variable v : variables()) {
            r.add(v.value().copy());
        }
        return r;
    }

    /** Sets the weight values in Keras order; counts and shapes must match. */
    public void setWeights(List<Tensor> weights) {
        List<Variable> vs = variables();
        if (weights.size() != vs.size()) {
            throw new IllegalArgumentException(describe() + " has " + vs.size() + " weights but "
                    + weights.size() + " were given");
        }
        for (int i = 0; i < vs.size(); i++) {
            vs.get(i).assign(weights.get(i));
        }
    }

    /** Number of scalars in all weights. */
    public long countParams() {
        long n = 0;
        for (Variable v : variables) {
            n += v.size();
        }
        return n;
    }

    /** Whether the layer's weights train. */
    public boolean isTrainable() {
        return trainable;
    }

    /** Freezes (false) or unfreezes (true) every weight that was created trainable. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (Variable v : variables) {
            if (!isAlwaysNonTrainable(v)) {
                v.setTrainable(trainable);
            }
        }
    }

    /** Weights that never train (e.g. moving statistics). Override to name them. */
    protected boolean isAlwaysNonTrainable(Variable v) {
        return false;
    }

    /** The sum of this layer's regularization penalties, or null when it has none. */
    public Tensor regularizationLoss() {
        Tensor total = null;
        for (Map.Entry<Variable, Regularizer> e : regularizers.entrySet()) {
            if (!e.getKey().trainable()) {
                continue;
            }
            Tensor p = e.getValue().apply(e.getKey().value());
            total = total == null ? p : total.add(p);
        }
        return total;
    }

    // ---------------------------------------------------------------- config

    /**
     * The layer's Keras config: the constructor arguments under their Keras (snake_case) names, as
     * {@code get_config()} gives them. Subclasses add their own entries to the base ones.
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("trainable", trainable);
        c.put("dtype", "float32");
        return c;
    }

    @Override
    public String toString() {
        return name() + " (" + getClass().getSimpleName() + ")";
    }
}
