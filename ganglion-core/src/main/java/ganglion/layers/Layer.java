package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.internal.ops.Shapes;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every Keras layer ({@code keras.layers.Layer}). A layer is configured through its constructor and
 * fluent setters, builds its weights once it knows its input shape ({@link #build}), and computes its output in
 * {@link #call} with differentiable tensor ops only (no backward code).
 *
 * <p>Shapes here never include the batch axis: {@code inputShape(28, 28, 1)} is Keras's
 * {@code input_shape=(28, 28, 1)}. An axis of unknown length (Keras's None) is -1.
 *
 * <p>Names: a layer gets its Keras default name ("dense", "dense_1", ...) when constructed; {@link #name(String)}
 * replaces it (and gives an unused default back). Weights: {@link #getWeights()} lists them in Keras order,
 * weights created trainable first, then the others (e.g. BatchNormalization: gamma, beta, moving_mean,
 * moving_variance), whatever the layer's current trainable state.
 *
 * <p>Threads: building is synchronized and happens once; afterwards {@link #apply(Tensor, boolean)} with
 * {@code training=false} only reads the weights, so one built layer serves concurrent predictions.
 */
public abstract class Layer {

    private final Object nameLock = new Object();
    private volatile String name;
    private String defaultNameBase;
    private boolean defaultNamed;
    private int[] declaredInputShape;
    private volatile boolean built;
    private int[] builtInputShape;
    private int[] builtOutputShape;
    private List<int[]> builtInputShapes;
    private volatile boolean trainable = true;
    private final List<Variable> variables = new ArrayList<>();
    /** The variables created non-trainable (moving statistics): never unfrozen by setTrainable(true). */
    private final List<Variable> createdNonTrainable = new ArrayList<>();
    private final Map<Variable, Regularizer> regularizers = new LinkedHashMap<>();
    private Regularizer activityRegularizer;
    private volatile Tensor lastActivityLoss;

    /** Every call of this layer on symbolic tensors (Keras's {@code _inbound_nodes}), in call order. */
    private final List<LayerCall> inboundNodes = new ArrayList<>();

    protected Layer() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty() && c.getSuperclass() != null) {
            c = c.getSuperclass();   // anonymous subclasses take their parent's name
        }
        defaultNameBase = NameScope.snakeCase(c.getSimpleName());
        name = NameScope.uniqueName(defaultNameBase);
        defaultNamed = true;
    }

    /**
     * A layer whose default names come from {@code defaultNameBase} rather than its class name (Keras's
     * functional models are "functional", "functional_1", ... although Java's class is {@code Model}).
     */
    protected Layer(String defaultNameBase) {
        this.defaultNameBase = defaultNameBase;
        name = NameScope.uniqueName(defaultNameBase);
        defaultNamed = true;
    }

    // ---------------------------------------------------------------- identity and configuration

    /** The layer's name: the one given, or a unique Keras-style default such as "dense_1". */
    public String name() {
        return name;
    }

    /**
     * Sets the name (before the layer is added to a model). Subclasses override it to return their own type.
     *
     * @throws IllegalArgumentException for an empty name or one containing '/'
     */
    public Layer name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name must not be empty");
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException("Argument `name` must be a string and cannot contain character `/`. "
                    + "Received: name=" + name + " (of type String)");
        }
        synchronized (nameLock) {
            if (defaultNamed) {
                NameScope.release(defaultNameBase, this.name);
                defaultNamed = false;
            }
            this.name = name;
            for (Variable v : variables) {
                v.setPath(name + "/" + v.name());
            }
        }
        return this;
    }

    /**
     * Declares the input shape without the batch axis, as Keras's {@code input_shape}; -1 marks an axis of
     * unknown length. Subclasses override it to return their own type.
     */
    public Layer inputShape(int... shape) {
        checkNotBuilt("inputShape");
        if (shape == null) {
            throw new IllegalArgumentException(describe() + ": inputShape must not be null");
        }
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

    /**
     * The class name Keras knows this layer by ({@code layer.__class__.__name__}): the Java class's simple name
     * unless a subclass says otherwise (a functional {@code Model} is "Functional"). Summaries and saved
     * configs use it.
     */
    public String kerasClassName() {
        return getClass().getSimpleName();
    }

    /** "Layer 'dense' (Dense)": how error messages name this layer. */
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
     * shape ({@link #checkInputShape}); -1 axes match anything. Thread-safe: concurrent first calls build once.
     */
    public final void ensureBuilt(int[] inputShape) {
        if (!built) {
            synchronized (this) {
                if (!built) {
                    buildOnce(inputShape.clone());
                    return;
                }
            }
        }
        checkInputShape(inputShape);
    }

    private void buildOnce(int[] in) {
        try {
            build(in);
            builtOutputShape = computeOutputShape(in);
        } catch (RuntimeException e) {
            variables.clear();
            createdNonTrainable.clear();
            regularizers.clear();
            throw e;
        }
        builtInputShape = in;
        synchronized (nameLock) {
            for (Variable v : variables) {
                v.setPath(name + "/" + v.name());
            }
        }
        built = true;
    }

    /** Creates the weights. Layers without weights need not override it. */
    protected void build(int[] inputShape) {
    }

    /** The output shape (without batch axis) for an input shape (without batch axis); -1 stays unknown. */
    public abstract int[] computeOutputShape(int[] inputShape);

    /** The input shape the layer was built for (without batch axis), or null when unbuilt. */
    public int[] builtInputShape() {
        return builtInputShape == null ? null : builtInputShape.clone();
    }

    /** The output shape without batch axis, as Keras's {@code layer.output.shape[1:]}; null when unbuilt. */
    public int[] outputShape() {
        return builtOutputShape == null ? null : builtOutputShape.clone();
    }

    /**
     * Checks a batch-less input shape against the built one, with a message naming the layer and both shapes.
     * Layers that accept more (Dense: any rank with the right last axis) override it.
     */
    protected void checkInputShape(int[] shape) {
        if (!isCompatible(builtInputShape, shape)) {
            throw incompatibleInput(builtInputShape, shape);
        }
    }

    /** As Keras's {@code InputSpec(ndim=rank)}: any lengths, but this many axes (without batch). */
    protected final void requireInputRank(int[] shape, int rank) {
        if (shape.length != rank) {
            throw incompatibleInput(builtInputShape, shape);
        }
    }

    /**
     * As Keras's {@code InputSpec(ndim=rank, axes={axis: n})}: this many axes (without batch), and on {@code axis}
     * the length the layer was built for (e.g. the channels of a convolution); other axes may differ.
     */
    protected final void requireInputRankAndAxis(int[] shape, int rank, int axis) {
        if (shape.length != rank || (shape[axis] != builtInputShape[axis] && shape[axis] != -1)) {
            throw incompatibleInput(builtInputShape, shape);
        }
    }

    /** Whether two batch-less shapes have equal ranks and agree wherever both lengths are known. */
    protected static boolean isCompatible(int[] expected, int[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] != -1 && actual[i] != -1 && expected[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** The standard shape-mismatch error: layer, expected and received shapes (with batch axis), and a fix. */
    protected IllegalArgumentException incompatibleInput(int[] expected, int[] actual) {
        return new IllegalArgumentException(describe() + " expects input of shape " + withBatch(expected)
                + " but received input with shape " + withBatch(actual)
                + ". Reshape the data to match, or give the model's first layer inputShape"
                + withoutBatch(actual) + " so that the layers are built for this shape.");
    }

    /** "(None, 28, 28, 1)" */
    public static String withBatch(int[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : shape) {
            sb.append(", ").append(d < 0 ? "None" : String.valueOf(d));
        }
        return sb.append(')').toString();
    }

    /** "(28, 28, 1)"; a single axis prints as "(784,)" as a Python tuple does. */
    static String withoutBatch(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "None" : String.valueOf(shape[i]));
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    // ---------------------------------------------------------------- calling

    /**
     * Runs the layer on a batch: builds it on first use (from the input's shape), checks the input shape,
     * calls {@link #call}, and records the activity penalty when the layer has an activity regularizer.
     * Models call this (not {@link #call}) so that all of that happens.
     */
    public Tensor apply(Tensor input, boolean training) {
        int[] shape = input.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException(describe() + " received a scalar; it expects a batch of inputs");
        }
        int[] noBatch = Arrays.copyOfRange(shape, 1, shape.length);
        ensureBuilt(noBatch);
        Tensor out = call(input, training);
        Regularizer ar = activityRegularizer;
        if (ar != null) {
            lastActivityLoss = ar.apply(out);
        }
        return out;
    }

    /** Runs the layer in inference mode, as Keras's {@code layer(x)}. */
    public Tensor apply(Tensor input) {
        return apply(input, false);
    }

    /** The forward computation on a batch (with batch axis), written with tensor ops. */
    public abstract Tensor call(Tensor input, boolean training);

    // ---------------------------------------------------------------- masks (Keras's mask protocol)

    /**
     * Keras's {@code supports_masking}: whether an incoming mask passes through this layer unchanged. Layers
     * that keep the time axis (Dropout, Activation, Dense on sequences, ...) return true; the default is false,
     * which drops the mask, as Keras does for layers that do not declare support.
     */
    public boolean supportsMasking() {
        return false;
    }

    /**
     * Keras's {@code compute_mask}: the mask of this layer's output given its input and the incoming mask
     * (shape [batch, time], 1 for real steps and 0 for padding; null for none). The default passes the mask on
     * when {@link #supportsMasking()}, else returns null. Embedding(maskZero) creates one; Masking too.
     */
    public Tensor computeMask(Tensor input, Tensor mask) {
        return supportsMasking() ? mask : null;
    }

    /**
     * The forward computation with the incoming mask (null when there is none). The default ignores the mask
     * and calls {@link #call(Tensor, boolean)}; recurrent layers, 1-D pooling and attention override it.
     */
    public Tensor call(Tensor input, Tensor mask, boolean training) {
        return call(input, training);
    }

    /** {@link #apply(Tensor, boolean)} with an incoming mask (null for none): models use this to pass masks on. */
    public Tensor apply(Tensor input, Tensor mask, boolean training) {
        if (mask == null) {
            return apply(input, training);
        }
        int[] shape = input.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException(describe() + " received a scalar; it expects a batch of inputs");
        }
        ensureBuilt(Arrays.copyOfRange(shape, 1, shape.length));
        Tensor out = call(input, mask, training);
        Regularizer ar = activityRegularizer;
        if (ar != null) {
            lastActivityLoss = ar.apply(out);
        }
        return out;
    }

    // ---------------------------------------------------------------- several inputs or outputs

    /**
     * Runs the layer on several inputs (with their masks, entries may be null) and returns every output.
     * This is the general entry the functional API uses. The default handles the common case of one input
     * and one output through {@link #apply(Tensor, Tensor, boolean)}. Layers with several inputs (merges,
     * Attention) or several outputs (recurrent layers with {@code returnState}) override
     * {@link #callAll} and {@link #computeOutputShapes}, and build in {@link #buildAll}.
     */
    public List<Tensor> applyAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.size() == 1 && !hasSeveralOutputs()) {
            Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
            return List.of(apply(inputs.get(0), m, training));
        }
        List<int[]> shapes = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            int[] s = t.shape();
            if (s.length == 0) {
                throw new IllegalArgumentException(describe() + " received a scalar; it expects a batch of inputs");
            }
            shapes.add(Arrays.copyOfRange(s, 1, s.length));
        }
        ensureBuiltAll(shapes);
        List<Tensor> out = callAll(inputs, masks, training);
        Regularizer ar = activityRegularizer;
        if (ar != null && !out.isEmpty()) {
            lastActivityLoss = ar.apply(out.get(0));
        }
        return out;
    }

    /**
     * The forward computation on several inputs; returns every output. The default takes exactly one input
     * and returns {@code call(input, mask, training)}.
     */
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(describe() + " takes one input but was called on "
                    + inputs.size() + " inputs");
        }
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        return List.of(call(inputs.get(0), m, training));
    }

    /** The masks of every output of {@link #callAll}; by default {@link #computeMask} of the single input. */
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        Tensor out = inputs.size() == 1 ? computeMask(inputs.get(0), m) : null;
        List<Tensor> r = new ArrayList<>();
        int n = hasSeveralOutputs() ? computeOutputShapes(inputShapesOf(inputs)).size() : 1;
        for (int i = 0; i < n; i++) {
            r.add(i == 0 ? out : null);
        }
        return r;
    }

    private static List<int[]> inputShapesOf(List<Tensor> inputs) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            int[] s = t.shape();
            shapes.add(Arrays.copyOfRange(s, 1, s.length));
        }
        return shapes;
    }

    /** Whether {@link #callAll} returns more than one tensor (e.g. an LSTM with returnState). */
    public boolean hasSeveralOutputs() {
        return false;
    }

    /**
     * Output shapes (without batch axis) for several input shapes. The default: exactly one input and one
     * output, {@link #computeOutputShape}.
     */
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException(describe() + " takes one input but was given "
                    + inputShapes.size() + " input shapes");
        }
        return List.of(computeOutputShape(inputShapes.get(0)));
    }

    /**
     * Builds the layer for several input shapes, once. With one input this is {@link #ensureBuilt}; with
     * more it calls {@link #buildAll} (layers taking several inputs override that) and records the first
     * shape as the built input shape.
     */
    public final void ensureBuiltAll(List<int[]> inputShapes) {
        if (inputShapes.size() == 1) {
            ensureBuilt(inputShapes.get(0));
            return;
        }
        if (!built) {
            synchronized (this) {
                if (!built) {
                    try {
                        buildAll(inputShapes);
                        builtOutputShape = computeOutputShapes(inputShapes).get(0);
                    } catch (RuntimeException e) {
                        variables.clear();
                        createdNonTrainable.clear();
                        regularizers.clear();
                        throw e;
                    }
                    builtInputShape = inputShapes.get(0).clone();
                    builtInputShapes = new ArrayList<>();
                    for (int[] s : inputShapes) {
                        builtInputShapes.add(s.clone());
                    }
                    synchronized (nameLock) {
                        for (Variable v : variables) {
                            v.setPath(name + "/" + v.name());
                        }
                    }
                    built = true;
                }
            }
        }
    }

    /** Creates the weights of a layer with several inputs. The default refuses several inputs. */
    protected void buildAll(List<int[]> inputShapes) {
        throw new IllegalArgumentException(describe() + " takes one input but was called on "
                + inputShapes.size() + " inputs");
    }

    /** Every input shape the layer was built for (one entry for single-input layers); null while unbuilt. */
    public List<int[]> builtInputShapes() {
        if (builtInputShapes != null) {
            return builtInputShapes;
        }
        return builtInputShape == null ? null : List.of(builtInputShape);
    }

    /**
     * Calls the layer on symbolic tensors (the functional API, as calling a Keras layer on {@code keras.Input}):
     * builds the layer for the inputs' shapes, records the call (a node of the graph: calling a layer twice
     * shares its weights) and returns the symbolic output. Layers with several outputs return the first
     * here; {@link #applyAll(SymbolicTensor...)} returns them all.
     */
    public SymbolicTensor apply(SymbolicTensor... inputs) {
        return applyAll(inputs).get(0);
    }

    /** As {@link #apply(SymbolicTensor...)}, returning every output (e.g. an LSTM with returnState). */
    public List<SymbolicTensor> applyAll(SymbolicTensor... inputs) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException(describe() + ": apply() needs at least one input");
        }
        return applyAll(Arrays.asList(inputs));
    }

    /** As {@link #applyAll(SymbolicTensor...)}, with the inputs as a list (Keras's {@code layer([a, b])}). */
    public List<SymbolicTensor> applyAll(List<SymbolicTensor> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(describe() + ": apply() needs at least one input");
        }
        List<int[]> shapes = new ArrayList<>(inputs.size());
        for (SymbolicTensor t : inputs) {
            if (t == null) {
                throw new IllegalArgumentException(describe() + ": apply() received a null input");
            }
            shapes.add(t.shape());
        }
        List<int[]> out = symbolicCallAll(shapes);
        LayerCall call = new LayerCall(this, List.copyOf(inputs), out);
        synchronized (inboundNodes) {
            call.setIndex(inboundNodes.size());
            inboundNodes.add(call);
        }
        return call.outputs();
    }

    /**
     * Every recorded call of this layer on symbolic tensors, in order (Keras's {@code layer._inbound_nodes}):
     * a layer shared by two branches has two. A snapshot.
     */
    public List<LayerCall> inboundNodes() {
        synchronized (inboundNodes) {
            return List.copyOf(inboundNodes);
        }
    }

    /** Records the call that creates an input layer's tensor (no inputs). */
    final SymbolicTensor recordInput(int[] shape) {
        LayerCall call = new LayerCall(this, List.of(), List.of(shape));
        synchronized (inboundNodes) {
            call.setIndex(inboundNodes.size());
            inboundNodes.add(call);
        }
        return call.outputs().get(0);
    }

    /**
     * Whether a call on several inputs passes them as one list, as Keras's merges and Attention do
     * ({@code Add()([a, b])}); false for layers called with separate arguments (Keras's
     * {@code MultiHeadAttention(query, value)}). Saved configs write the call's {@code args} accordingly.
     */
    public boolean callArgsAsList() {
        return true;
    }

    /**
     * The keyword under which Keras passes this layer's inputs after the first, or null when they are positional
     * (or a list, see {@link #callArgsAsList}). Recurrent layers and Bidirectional return "initial_state": Keras
     * writes {@code LSTM(8)(x, initial_state=[h, c])} as {@code args: [x], kwargs: {initial_state: [h, c]}}.
     */
    public String extraInputsKeyword() {
        return null;
    }

    /**
     * Builds the layer for symbolic input shapes and returns every output shape. The default builds through
     * {@link #symbolicCall} and, for layers with several outputs, asks {@link #computeOutputShapes}.
     */
    protected List<int[]> symbolicCallAll(List<int[]> inputShapes) {
        int[] first = symbolicCall(inputShapes);
        if (!hasSeveralOutputs()) {
            return List.of(first);
        }
        return computeOutputShapes(inputShapes);
    }

    /**
     * Builds the layer for symbolic input shapes and returns the (first) output shape. The default builds
     * with {@link #ensureBuiltAll} and asks {@link #computeOutputShapes}.
     */
    protected int[] symbolicCall(List<int[]> inputShapes) {
        ensureBuiltAll(inputShapes);
        return computeOutputShapes(inputShapes).get(0);
    }

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
        if (!isTrainable) {
            createdNonTrainable.add(v);
        }
        if (regularizer != null) {
            regularizers.put(v, regularizer);
        }
        return v;
    }

    /** Creates a trainable weight (see {@link #addWeight(String, int[], Initializer, Regularizer, boolean)}). */
    protected Variable addWeight(String weightName, int[] shape, Initializer initializer, Regularizer regularizer) {
        return addWeight(weightName, shape, initializer, regularizer, true);
    }

    /**
     * Every variable in Keras order ({@code layer.weights}): those created trainable, then those created
     * non-trainable, each group in creation order. Freezing the layer does not change the order.
     */
    public List<Variable> variables() {
        List<Variable> all = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            if (!createdNonTrainable.contains(v)) {
                all.add(v);
            }
        }
        all.addAll(createdNonTrainable);
        return all;
    }

    /** Variables that receive gradients ({@code trainable_weights}). Empty when the layer is frozen. */
    public List<Variable> trainableVariables() {
        List<Variable> r = new ArrayList<>();
        if (!trainable) {
            return r;
        }
        for (Variable v : variables()) {
            if (v.trainable()) {
                r.add(v);
            }
        }
        return r;
    }

    /** Variables that do not receive gradients (moving statistics, or all of a frozen layer's), in Keras order. */
    public List<Variable> nonTrainableVariables() {
        List<Variable> r = new ArrayList<>();
        for (Variable v : variables()) {
            if (!trainable || !v.trainable()) {
                r.add(v);
            }
        }
        return r;
    }

    /** The variables in creation order. */
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
                    + weights.size() + " were given"
                    + (built ? "" : "; the layer is not built yet: call it on data or give it an inputShape first"));
        }
        for (int i = 0; i < vs.size(); i++) {
            Variable v = vs.get(i);
            Tensor w = weights.get(i);
            if (!Arrays.equals(w.shape(), v.shape())) {
                throw new IllegalArgumentException(describe() + ": weight " + i + " ('" + v.name() + "') has shape "
                        + Shapes.str(v.shape()) + " but the value given has shape " + Shapes.str(w.shape()));
            }
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

    /** Weights that never train (those created non-trainable, e.g. moving statistics). */
    protected boolean isAlwaysNonTrainable(Variable v) {
        return createdNonTrainable.contains(v);
    }

    // ---------------------------------------------------------------- regularization

    /** Sets the penalty on the layer's output (Keras's {@code activity_regularizer}); null removes it. */
    public Layer activityRegularizer(Regularizer regularizer) {
        this.activityRegularizer = regularizer;
        return this;
    }

    /** The penalty on the layer's output, or null. */
    public Regularizer activityRegularizer() {
        return activityRegularizer;
    }

    /**
     * The sum of this layer's penalties, as Keras's {@code sum(layer.losses)}: each trainable weight's
     * regularizer applied to it, plus the activity penalty of the latest {@link #apply(Tensor, boolean)} (Keras
     * does not divide it by the batch size). Null when there is none.
     */
    public Tensor regularizationLoss() {
        Tensor total = lastActivityLoss;
        if (!trainable) {
            return total;
        }
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
     * {@code get_config()} gives them. Subclasses add their own entries to the base ones
     * ({@code name}, {@code trainable}, {@code dtype}, and {@code activity_regularizer} when set).
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("trainable", trainable);
        c.put("dtype", dtypePolicy());
        if (activityRegularizer != null) {
            c.put("activity_regularizer", Regularizers.serialize(activityRegularizer));
        }
        return c;
    }

    /** Keras's {@code build_config}: {"input_shape": [null, ...]}, or null when the layer is unbuilt. */
    public Map<String, Object> getBuildConfig() {
        if (builtInputShape == null) {
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("input_shape", shapeList(builtInputShape, true));
        return c;
    }

    /** The serialized float32 DTypePolicy Keras 3 writes under "dtype". */
    protected static Map<String, Object> dtypePolicy() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("name", "float32");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras");
        m.put("class_name", "DTypePolicy");
        m.put("config", inner);
        m.put("registered_name", null);
        return m;
    }

    /** A shape as a config list: -1 becomes null (None); {@code withBatch} puts a null batch axis first. */
    protected static List<Integer> shapeList(int[] shape, boolean withBatch) {
        List<Integer> l = new ArrayList<>(shape.length + 1);
        if (withBatch) {
            l.add(null);
        }
        for (int d : shape) {
            l.add(d < 0 ? null : d);
        }
        return l;
    }

    @Override
    public String toString() {
        return name() + " (" + getClass().getSimpleName() + ")";
    }
}
