package ganglion.models;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.internal.ops.Shapes;
import ganglion.layers.Layer;
import ganglion.layers.SymbolicTensor;
import ganglion.losses.Loss;
import ganglion.metrics.Metric;
import ganglion.optimizers.Optimizer;
import ganglion.optimizers.Optimizers;

import ganglion.spi.ModelIO;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Keras model ({@code keras.Model}): layers plus training. {@code compile()} fixes the optimizer, loss
 * and metrics; {@code fit()} trains, {@code evaluate()} measures, {@code predict()} infers, and
 * {@code summary()} prints Keras's table. A model is itself a {@link Layer}, so models nest.
 * {@link Sequential} is the usual concrete model; subclasses may override {@link #layers()} and
 * {@link #call}.
 *
 * <p>Printing goes to {@link #output()}, {@code System.out} unless {@link #setOutput} says otherwise.
 *
 * <p>Thread safety: {@link #predict} may be called from many threads at once on the same model (it builds
 * the model under a lock on first use, then only reads the weights; it requires layers whose inference
 * pass keeps no per-call state, which holds for Ganglion's layers). {@code fit}, {@code evaluate},
 * {@code compile} and weight changes must not run concurrently with anything else on the model.
 */
public class Model extends Layer {

    private final Object buildLock = new Object();
    private final Trainer trainer = new Trainer(this);
    private Compiled compiled;
    private volatile boolean stopTraining;
    private History history;
    private volatile PrintStream output;
    /** The graph of a functional model (null for Sequential and subclassed models). */
    private Graph graph;
    /** Per-output compile settings (several outputs, or compile() with per-output losses). */
    private OutputSpecs outputSpecs;
    private final GraphTrainer graphTrainer = new GraphTrainer(this);

    protected Model() {
    }

    /**
     * A functional model from one input to one output, as Keras's {@code keras.Model(inputs, outputs)}:
     * <pre>{@code
     * SymbolicTensor in = Input.of(784);
     * SymbolicTensor out = new Dense(10, "softmax").apply(new Dense(64, "relu").apply(in));
     * Model model = new Model(in, out);
     * }</pre>
     * The model runs the recorded layer calls in graph order; a layer applied twice shares its weights; a
     * model is itself a layer ({@code model.apply(symbolic)}). Default names: "functional", "functional_1", ...
     */
    public Model(SymbolicTensor input, SymbolicTensor output) {
        this(input, output, null);
    }

    /** As {@link #Model(SymbolicTensor, SymbolicTensor)}, with a name (null: the default name). */
    public Model(SymbolicTensor input, SymbolicTensor output, String name) {
        this(Collections.singletonList(input), Collections.singletonList(output), name, true, true);
    }

    /** A functional model with several inputs and/or outputs (in the order given). */
    public Model(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs) {
        this(inputs, outputs, null);
    }

    /** As {@link #Model(List, List)}, with a name (null: the default name). */
    public Model(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        this(inputs, outputs, name, false, false);
    }

    private Model(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name, boolean singleInput,
                  boolean singleOutput) {
        super("functional");
        if (name != null) {
            name(name);
        }
        this.graph = new Graph(inputs, outputs);
        graph.singleInputStruct = singleInput;
        graph.singleOutputStruct = singleOutput;
        List<int[]> shapes = new ArrayList<>();
        for (SymbolicTensor t : graph.inputs) {
            shapes.add(t.shape());
        }
        ensureBuiltAll(shapes);
    }

    // ------------------------------------------------------------------ structure

    /**
     * The model's layers, in order: a Sequential model does not list its input; a functional model lists
     * its input layers too, in Keras's graph order. Empty by default.
     */
    public List<Layer> layers() {
        return graph != null ? graph.layers : List.of();
    }

    /** The layer with this name, as Keras's {@code get_layer(name)}. */
    public Layer getLayer(String layerName) {
        List<String> names = new ArrayList<>();
        for (Layer l : layers()) {
            if (l.name().equals(layerName)) {
                return l;
            }
            names.add(l.name());
        }
        throw new IllegalArgumentException("No such layer: " + layerName + ". Existing layers are: " + names + ".");
    }

    /** The layer at this index (0-based), as Keras's {@code get_layer(index=i)}. */
    public Layer getLayer(int index) {
        List<Layer> ls = layers();
        if (index < 0 || index >= ls.size()) {
            throw new IndexOutOfBoundsException("Was asked to retrieve layer at index " + index + " but model '"
                    + name() + "' only has " + ls.size() + " layers.");
        }
        return ls.get(index);
    }

    /** The forward computation: a functional model runs its graph; otherwise override it, or use Sequential. */
    @Override
    public Tensor call(Tensor input, boolean training) {
        if (graph != null) {
            return FunctionalSupport.callOne(this, graph, input, null, training);
        }
        throw new UnsupportedOperationException("Model '" + name() + "' (" + getClass().getSimpleName()
                + ") defines no call(): override call(), or use Sequential");
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (graph != null) {
            return FunctionalSupport.outputShapes(this, graph, List.of(inputShape)).get(0);
        }
        throw new UnsupportedOperationException("Model '" + name() + "' (" + getClass().getSimpleName()
                + ") defines no computeOutputShape(): override it, or use Sequential");
    }

    // ------------------------------------------------------------------ functional models

    /** Whether this is a functional model (built from symbolic inputs and outputs). */
    public boolean isFunctional() {
        return graph != null;
    }

    /** Keras's class name: "Functional" for {@code new Model(inputs, outputs)}. */
    @Override
    public String kerasClassName() {
        return graph != null && getClass() == Model.class ? "Functional" : super.kerasClassName();
    }

    /** The symbolic inputs of a functional model (Keras's {@code model.inputs}); empty otherwise. */
    public List<SymbolicTensor> inputs() {
        return graph != null ? graph.inputs : List.of();
    }

    /** The symbolic outputs of a functional model (Keras's {@code model.outputs}); empty otherwise. */
    public List<SymbolicTensor> outputs() {
        return graph != null ? graph.outputs : List.of();
    }

    /** The names of the output layers (Keras's {@code model.output_names}); empty for non-functional models. */
    public List<String> outputNames() {
        return graph != null ? graph.outputNames() : List.of();
    }

    @Override
    public Tensor call(Tensor input, Tensor mask, boolean training) {
        if (graph != null) {
            return FunctionalSupport.callOne(this, graph, input, mask, training);
        }
        return super.call(input, mask, training);
    }

    @Override
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (graph != null) {
            return graph.run(inputs, masks, training, name());
        }
        return super.callAll(inputs, masks, training);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (graph != null) {
            return FunctionalSupport.outputShapes(this, graph, inputShapes);
        }
        return super.computeOutputShapes(inputShapes);
    }

    /** A functional model's output masks: those of its latest run on these inputs (Keras's compute_mask). */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        if (graph != null) {
            return graph.outputMasks(inputs);
        }
        return super.computeMasks(inputs, masks);
    }

    @Override
    public boolean hasSeveralOutputs() {
        return graph != null ? graph.outputs.size() > 1 : super.hasSeveralOutputs();
    }

    @Override
    protected void buildAll(List<int[]> inputShapes) {
        if (graph == null) {
            super.buildAll(inputShapes);
        }
        // a functional model's layers were built when they were called on its symbolic inputs
    }

    /**
     * Keras's functional config: name, trainable, every layer with its class, config, name and
     * {@code inbound_nodes}, then {@code input_layers} and {@code output_layers}. Saving code adds Keras's
     * module, registered-name and build-config entries to each layer. Other models give the Layer config.
     */
    @Override
    public Map<String, Object> getConfig() {
        if (graph != null) {
            return FunctionalConfig.config(this, graph);
        }
        return super.getConfig();
    }

    /** Builds the model for a batch-less input shape, or checks that shape when built. Under a lock. */
    void buildFor(int[] inputShape) {
        synchronized (buildLock) {
            ensureBuilt(inputShape);
        }
    }

    // ------------------------------------------------------------------ saving

    /**
     * Saves the whole model (architecture, weights, optimizer state): a ".keras" name writes Keras 3's zip,
     * ".h5" the legacy HDF5 layout. Atomic: a failed save leaves an existing file intact.
     */
    public void save(Path path) {
        try {
            ModelIO.provider().save(this, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save model '" + name() + "' to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model saved by {@link #save} or by Keras (".keras" or ".h5"). */
    public static Model load(Path path) {
        try {
            return ModelIO.provider().load(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load a model from " + path + ": " + e.getMessage(), e);
        }
    }

    /** Saves the weights only (".weights.h5" as Keras 3, or ".h5" in the legacy layout). */
    public void saveWeights(Path path) {
        try {
            ModelIO.provider().saveWeights(this, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the weights of '" + name() + "' to " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Loads weights saved by {@link #saveWeights} or by Keras into this model (same architecture). */
    public void loadWeights(Path path) {
        try {
            ModelIO.provider().loadWeights(this, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load weights into '" + name() + "' from " + path + ": "
                    + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ weights

    /** Every variable of every layer, layer by layer (each layer: trainable, then non-trainable). */
    @Override
    public List<Variable> variables() {
        List<Variable> r = new ArrayList<>();
        for (Layer l : layers()) {
            r.addAll(l.variables());
        }
        return r;
    }

    /** The variables training updates, layer by layer (Keras's {@code model.trainable_variables}). */
    @Override
    public List<Variable> trainableVariables() {
        List<Variable> r = new ArrayList<>();
        if (!isTrainable()) {
            return r;   // Keras: a frozen model has no trainable weights, whatever its layers say
        }
        for (Layer l : layers()) {
            r.addAll(l.trainableVariables());
        }
        return r;
    }

    /** The variables training leaves alone, layer by layer. */
    @Override
    public List<Variable> nonTrainableVariables() {
        List<Variable> r = new ArrayList<>();
        if (!isTrainable()) {
            return variables();
        }
        for (Layer l : layers()) {
            r.addAll(l.nonTrainableVariables());
        }
        return r;
    }

    /** Sets every weight, in the order of {@link #getWeights()}; counts and shapes must match. */
    @Override
    public void setWeights(List<Tensor> weights) {
        List<Variable> vs = variables();
        if (weights.size() != vs.size()) {
            throw new IllegalArgumentException("You called setWeights(weights) on model '" + name()
                    + "' with a weight list of length " + weights.size() + ", but the model was expecting "
                    + vs.size() + " weights" + (isBuilt() ? "." : " (it is not built yet: build it or fit it first)."));
        }
        for (int i = 0; i < vs.size(); i++) {
            Variable v = vs.get(i);
            if (!Arrays.equals(v.shape(), weights.get(i).shape())) {
                throw new IllegalArgumentException("setWeights on model '" + name() + "': weight " + i + " ("
                        + v.path() + ") has shape " + Shapes.str(v.shape()) + " but the value given has shape "
                        + Shapes.str(weights.get(i).shape()));
            }
        }
        for (int i = 0; i < vs.size(); i++) {
            vs.get(i).assign(weights.get(i));
        }
    }

    /** Number of scalars in all weights of all layers. */
    @Override
    public long countParams() {
        long n = 0;
        for (Layer l : layers()) {
            n += l.countParams();
        }
        return n;
    }

    /** The sum of all layers' regularization penalties, or null when there are none. */
    @Override
    public Tensor regularizationLoss() {
        Tensor total = null;
        for (Layer l : layers()) {
            Tensor p = l.regularizationLoss();
            if (p != null) {
                total = total == null ? p : total.add(p);
            }
        }
        return total;
    }

    /** Freezes (false) or unfreezes (true) every layer of the model. */
    @Override
    public void setTrainable(boolean trainable) {
        super.setTrainable(trainable);
        for (Layer l : layers()) {
            l.setTrainable(trainable);
        }
    }

    // ------------------------------------------------------------------ compile

    /**
     * Configures training by Keras names, as {@code model.compile(optimizer="adam",
     * loss="categorical_crossentropy", metrics=["accuracy"])}. Unknown names fail here, listing the valid
     * ones; "accuracy" and "crossentropy" are resolved from the data's shapes at the first fit/evaluate.
     */
    public void compile(String optimizer, String loss, String... metrics) {
        this.compiled = new Compiled(Optimizers.get(optimizer), loss, List.of(metrics));
    }

    /** Configures training with a named optimizer and a loss object. */
    public void compile(String optimizer, Loss loss, String... metrics) {
        this.compiled = new Compiled(Optimizers.get(optimizer), loss, List.of(metrics));
    }

    /** Configures training with an optimizer object and a named loss. */
    public void compile(Optimizer optimizer, String loss, String... metrics) {
        this.compiled = new Compiled(optimizer, loss, List.of(metrics));
    }

    /** Configures training with optimizer and loss objects; metrics by name. */
    public void compile(Optimizer optimizer, Loss loss, String... metrics) {
        this.compiled = new Compiled(optimizer, loss, List.of(metrics));
    }

    /** Configures training with metric objects. */
    public void compile(Optimizer optimizer, Loss loss, Metric metric, Metric... moreMetrics) {
        List<Object> ms = new ArrayList<>();
        ms.add(metric);
        ms.addAll(Arrays.asList(moreMetrics));
        this.compiled = new Compiled(optimizer, loss, ms);
    }

    /** Configures training with metrics given as names (String) or objects (Metric), mixed. */
    public void compile(Optimizer optimizer, Loss loss, List<?> metrics) {
        this.compiled = new Compiled(optimizer, loss, metrics);
    }

    /** Configures training by names, with metrics given as names or objects, mixed. */
    public void compile(String optimizer, String loss, List<?> metrics) {
        this.compiled = new Compiled(Optimizers.get(optimizer), loss, metrics);
    }

    /** Whether {@code compile()} has been called. */
    public boolean isCompiled() {
        return compiled != null;
    }

    /** The optimizer given to {@code compile()}, or null. */
    public Optimizer optimizer() {
        return compiled == null ? null : compiled.optimizer;
    }

    /** The loss given to {@code compile()}, or null (also while a shape-dependent name awaits the data). */
    public Loss loss() {
        return compiled == null ? null : compiled.resolvedLoss();
    }

    /**
     * What {@code compile()} was given (loss and metric names stay names until the data resolves them), or null
     * before compile(). Saving writes it as Keras's {@code compile_config}.
     */
    public CompileSettings compileSettings() {
        if (compiled == null) {
            return null;
        }
        if (outputSpecs != null && outputSpecs.source == compiled) {
            CompileSettings perOutput = outputSpecs.settings();
            if (perOutput.perOutput()) {
                return perOutput;
            }
        }
        List<Object> loss = new ArrayList<>();
        loss.add(compiled.lossSpec());
        return new CompileSettings(compiled.optimizer, compileOutputNames(), Collections.unmodifiableList(loss),
                List.of(1.0), List.of(compiled.metricSpecs()), false);
    }

    /** The metric objects in use (resolved at the first fit or evaluate; empty before). */
    public List<Metric> metrics() {
        return compiled == null ? List.of() : compiled.resolvedMetrics();
    }

    Compiled compiledFor(String method) {
        if (compiled == null) {
            throw new IllegalStateException("You must call compile() before " + method + "() on model '" + name()
                    + "', e.g. model.compile(\"adam\", \"categorical_crossentropy\", \"accuracy\").");
        }
        return compiled;
    }

    // ------------------------------------------------------------------ several outputs, single batches

    /**
     * Configures training with a loss per output, keyed by output layer name, as Keras's
     * {@code compile(loss={"out_a": "mse", ...}, loss_weights={...}, metrics={"out_a": ["mae"]})}. An output
     * without a loss is not trained towards. {@code lossWeights} and {@code metrics} may be null. With several
     * outputs the logs hold "loss" (the weighted total), "&lt;output&gt;_loss" (unweighted) and
     * "&lt;output&gt;_&lt;metric&gt;".
     */
    public void compile(String optimizer, Map<String, ?> losses, Map<String, ? extends Number> lossWeights,
                        Map<String, ? extends List<?>> metrics) {
        compile(Optimizers.get(optimizer), losses, lossWeights, metrics);
    }

    /** As {@link #compile(String, Map, Map, Map)} with an optimizer object. */
    public void compile(Optimizer optimizer, Map<String, ?> losses, Map<String, ? extends Number> lossWeights,
                        Map<String, ? extends List<?>> metrics) {
        setOutputSpecs(OutputSpecs.fromMaps(optimizer, losses, lossWeights, metrics, compileOutputNames()));
    }

    /**
     * Configures training with a loss per output in output order (Keras's list form); {@code lossWeights} and
     * {@code metrics} (one list per output) may be null, entries may be null.
     */
    public void compile(String optimizer, List<?> losses, List<? extends Number> lossWeights,
                        List<? extends List<?>> metrics) {
        compile(Optimizers.get(optimizer), losses, lossWeights, metrics);
    }

    /** As {@link #compile(String, List, List, List)} with an optimizer object. */
    public void compile(Optimizer optimizer, List<?> losses, List<? extends Number> lossWeights,
                        List<? extends List<?>> metrics) {
        setOutputSpecs(OutputSpecs.fromLists(optimizer, losses, lossWeights, metrics, compileOutputNames()));
    }

    private List<String> compileOutputNames() {
        return graph != null ? graph.outputNames() : List.of(name());
    }

    private void setOutputSpecs(OutputSpecs specs) {
        int first = 0;
        while (specs.lossSpec(first) == null) {
            first++;
        }
        // the single-output loops (and optimizer(), isCompiled(), summary) see the first output's settings
        this.compiled = new Compiled(specs.optimizer, specs.lossSpec(first),
                specs.size() == 1 ? specs.metricSpecs(0) : List.of());
        this.outputSpecs = specs;
        specs.source = compiled;
    }

    /** The per-output settings for the multi-output loops: from the per-output compile, or the plain one. */
    OutputSpecs outputSpecsFor(String method) {
        Compiled c = compiledFor(method);
        OutputSpecs specs = outputSpecs;
        if (specs == null || specs.source != c) {
            specs = OutputSpecs.broadcast(c.optimizer, c.lossSpec(), c.metricSpecs(), compileOutputNames());
            specs.source = c;
            outputSpecs = specs;
        }
        return specs;
    }

    /**
     * Trains a model with several inputs and/or outputs: one tensor per {@code Input.of(...)} and one target per
     * output, in order (Keras's {@code fit([x1, x2], [y1, y2])}). Options as for {@link #fit(Tensor, Tensor,
     * FitOptions)}; validation data comes as lists ({@link FitOptions#validationData(List, List)}) or as a Dataset
     * of flat batches {@code {x1, ..., xN, y1, ..., yM}} ({@link FitOptions#validationData(Iterable)}).
     */
    public History fit(List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        return graphTrainer.fit(xs, ys, options);
    }

    /** Loss and metrics of a model with several inputs and/or outputs, with batch 32 and a progress bar. */
    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys) {
        return evaluate(xs, ys, 32, 1);
    }

    /** Loss and metrics of a model with several inputs and/or outputs; keys sorted by name. */
    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, int batchSize, int verbose) {
        return graphTrainer.evaluate(xs, ys, batchSize, verbose);
    }

    /** Every output of a model with several inputs and/or outputs, batch by batch (batch 32, progress line). */
    public List<Tensor> predict(List<Tensor> xs) {
        return predict(xs, 32, 1);
    }

    /** Every output for the inputs {@code xs}, in inference mode, concatenated over the batches. */
    public List<Tensor> predict(List<Tensor> xs, int batchSize, int verbose) {
        return graphTrainer.predict(xs, batchSize, verbose);
    }

    /**
     * Keras's {@code train_on_batch(x, y)}: one optimizer step on this batch, training the variables trainable
     * now. Returns this batch's loss and metrics in Keras's order ("loss" first): the return_dict form.
     */
    public Map<String, Double> trainOnBatch(Tensor x, Tensor y) {
        return trainOnBatch(List.of(x), List.of(y));
    }

    /** {@code trainOnBatch} for several inputs and/or outputs. */
    public Map<String, Double> trainOnBatch(List<Tensor> xs, List<Tensor> ys) {
        return graphTrainer.trainOnBatch(xs, ys);
    }

    /** Keras's {@code test_on_batch(x, y)}: this batch's loss and metrics in inference mode, "loss" first. */
    public Map<String, Double> testOnBatch(Tensor x, Tensor y) {
        return testOnBatch(List.of(x), List.of(y));
    }

    /** {@code testOnBatch} for several inputs and/or outputs. */
    public Map<String, Double> testOnBatch(List<Tensor> xs, List<Tensor> ys) {
        return graphTrainer.testOnBatch(xs, ys);
    }

    /** Keras's {@code predict_on_batch(x)}: the (first) output for this batch, inference mode, no gradients. */
    public Tensor predictOnBatch(Tensor x) {
        return predictOnBatch(List.of(x)).get(0);
    }

    /** {@code predictOnBatch} for several inputs: every output. */
    public List<Tensor> predictOnBatch(List<Tensor> xs) {
        return graphTrainer.predictOnBatch(xs);
    }

    // ------------------------------------------------------------------ training

    /** Trains for {@code epochs} epochs in batches of {@code batchSize}, as Keras's {@code fit(x, y, ...)}. */
    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** Trains with Keras's defaults: one epoch, batch 32, shuffled, with a progress bar. */
    public History fit(Tensor x, Tensor y) {
        return fit(x, y, new FitOptions());
    }

    /**
     * Trains as Keras's {@code fit()}: per epoch, per batch: forward in training mode, loss plus
     * regularization penalties, backward, optimizer step; the printed loss and metrics are running means
     * over the epoch. Validation runs silently after each epoch and is logged as {@code val_*}.
     *
     * @throws IllegalStateException    before {@code compile()}
     * @throws IllegalArgumentException for mismatched, empty or wrongly shaped data
     * @throws NonFiniteLossException   when the loss becomes NaN or infinite (see {@link FitOptions#stopOnNaN})
     */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        return trainer.fit(x, y, options);
    }

    /**
     * Trains on an Iterable of batches, each {@code new Tensor[]{x, y}} (Keras's {@code fit(generator)}, e.g.
     * {@code ImageDataGenerator.flow} or a {@code Dataset}). An epoch is {@link FitOptions#stepsPerEpoch} batches,
     * or one full pass when that is 0; the progress bar shows "N/Unknown" until the count is known. Batch size and
     * shuffling belong to the data; validationSplit is not supported here, validationData is (tensors, or a Dataset
     * with {@link FitOptions#validationSteps}). A functional model with several inputs or outputs takes flat batches
     * {@code {x1, ..., xN, y1, ..., yM}}: its N inputs in order, then one target per output.
     */
    public History fit(Iterable<Tensor[]> batches, FitOptions options) {
        return trainer.fit(batches, options);
    }

    /** Loss and metrics on (x, y) with batch 32 and a progress bar, as Keras's {@code evaluate()}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 32, 1);
    }

    /**
     * Loss and metrics on (x, y), in inference mode: keys "loss" and each metric's name, in alphabetical
     * order. {@code verbose} 1 prints a progress bar, 2 one line, 0 nothing.
     */
    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, int verbose) {
        return trainer.evaluate(x, y, batchSize, verbose);
    }

    /** Loss and metrics over every {x, y} batch of {@code batches}, with a progress bar. */
    public Map<String, Double> evaluate(Iterable<Tensor[]> batches) {
        return trainer.evaluate(batches, 0, 1);
    }

    /**
     * Loss and metrics over {@code steps} {x, y} batches of {@code batches} (0: all of them). A functional model
     * with several inputs or outputs takes flat batches {@code {x1, ..., xN, y1, ..., yM}}, as fit does.
     */
    public Map<String, Double> evaluate(Iterable<Tensor[]> batches, int steps, int verbose) {
        if (FitLoop.severalInputsOrOutputs(this)) {
            return graphTrainer.evaluate(batches, steps, verbose);
        }
        return trainer.evaluate(batches, steps, verbose);
    }

    /** Predictions for x in batches of 32, with a progress line as Keras prints it. Needs no compile. */
    public Tensor predict(Tensor x) {
        return predict(x, 32, 1);
    }

    /** Predictions for x in batches of {@code batchSize}, with a progress line. */
    public Tensor predict(Tensor x, int batchSize) {
        return predict(x, batchSize, 1);
    }

    /**
     * Predictions for x: the model run in inference mode (training=false, no gradients recorded), batch
     * by batch, outputs concatenated along axis 0. Needs no {@code compile()}. Safe to call from many
     * threads at once (see the class comment); pass {@code verbose=0} to print nothing.
     */
    public Tensor predict(Tensor x, int batchSize, int verbose) {
        return trainer.predict(x, batchSize, verbose);
    }

    /** Predictions for every batch ({x} or {x, y}; only x is used) of {@code batches}, concatenated on axis 0. */
    public Tensor predict(Iterable<Tensor[]> batches) {
        return trainer.predict(batches, 0, 1);
    }

    /**
     * Predictions for {@code steps} batches of {@code batches} (0: all of them), concatenated on axis 0. A functional
     * model with several inputs takes batches {@code {x1, ..., xN}} (targets after them are ignored); one with several
     * outputs needs {@link #predictOutputs(Iterable, int, int)}.
     */
    public Tensor predict(Iterable<Tensor[]> batches, int steps, int verbose) {
        if (FitLoop.severalInputsOrOutputs(this)) {
            if (outputs().size() > 1) {
                throw new IllegalArgumentException("predict(): model '" + name() + "' has " + outputs().size()
                        + " outputs " + outputNames() + "; use predictOutputs(batches, steps, verbose), which returns "
                        + "one tensor per output.");
            }
            return graphTrainer.predict(batches, steps, verbose).get(0);
        }
        return trainer.predict(batches, steps, verbose);
    }

    /**
     * Predictions of every output for {@code steps} batches of {@code batches} (0: all of them): batches
     * {@code {x1, ..., xN}} or {@code {x1, ..., xN, y1, ..., yM}} (targets ignored), one tensor per output in output
     * order, each concatenated on axis 0. Works for any model (a single output gives a list of one).
     */
    public List<Tensor> predictOutputs(Iterable<Tensor[]> batches, int steps, int verbose) {
        if (FitLoop.severalInputsOrOutputs(this)) {
            return graphTrainer.predict(batches, steps, verbose);
        }
        return List.of(trainer.predict(batches, steps, verbose));
    }

    /** Whether training should stop: callbacks set it (EarlyStopping); fit checks it after each batch and epoch. */
    public boolean stopTraining() {
        return stopTraining;
    }

    /** Asks {@code fit()} to stop after the current batch (Keras's {@code model.stop_training = True}). */
    public void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    /** The History of the last {@code fit()}, or null (Keras's {@code model.history}). */
    public History history() {
        return history;
    }

    void setHistory(History history) {
        this.history = history;
    }

    /** Where fit/evaluate/predict progress and {@code summary()} print: {@code System.out} by default. */
    public PrintStream output() {
        PrintStream o = output;
        return o != null ? o : System.out;
    }

    /** Prints progress and summaries to {@code out} (null: back to {@code System.out}). */
    public void setOutput(PrintStream out) {
        this.output = out;
    }

    // ------------------------------------------------------------------ summary

    /**
     * Prints Keras's summary table to {@link #output()}: 88 characters wide, or 108 with a "Connected to"
     * column for functional models that are not a simple chain.
     */
    public void summary() {
        summary(defaultSummaryWidth());
    }

    private int defaultSummaryWidth() {
        return graph != null && !graph.sequentialLike() ? 108 : 88;
    }

    /** Prints the summary table with the given total width. */
    public void summary(int lineLength) {
        PrintStream o = output();
        o.print(summaryString(lineLength));
        o.flush();
    }

    /** Keras 3's summary as text at its default width (see {@link #summary()}), each line ending in "\n". */
    public String summaryString() {
        return summaryString(defaultSummaryWidth());
    }

    /**
     * Keras 3's summary as text: {@code Model: "name"}, the table (layer name and class, output shape with
     * None for the batch, parameter count), then total, trainable and non-trainable parameters with their
     * sizes, and the optimizer's once it is built (after {@code fit()}).
     */
    public String summaryString(int lineLength) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(name()).append("\"\n");
        if (graph != null) {
            sb.append(GraphSummary.table(graph, lineLength));
        } else {
            int[] columns = SummaryTable.columnWidths(new double[]{0.45, 0.80, 1.0}, lineLength);
            int[] widths = SummaryTable.renderedWidths(columns, lineLength);
            List<String[]> rows = new ArrayList<>();
            for (Layer l : layers()) {
                int[] out = l.outputShape();
                String shape = out == null ? "?" : Layer.withBatch(out);
                String params = l.isBuilt() ? thousands(l.countParams()) : "0 (unbuilt)";
                rows.add(new String[]{l.name() + " (" + l.kerasClassName() + ")", shape, params});
            }
            sb.append(SummaryTable.render(new String[]{"Layer (type)", "Output Shape", "Param #"},
                    new boolean[]{false, false, true}, rows, widths));
        }
        long trainable = 0;
        for (Variable v : trainableVariables()) {
            trainable += v.size();
        }
        long nonTrainable = 0;
        for (Variable v : nonTrainableVariables()) {
            nonTrainable += v.size();
        }
        long optimizerCount = 0;
        double optimizerBytes = 0;
        boolean optimizerBuilt = compiled != null && !compiled.optimizer.builtVariables().isEmpty();
        if (optimizerBuilt) {
            for (Tensor t : compiled.optimizer.stateTensors()) {
                optimizerCount += t.size();
            }
            // The iteration counter is an int64 (Keras's TensorFlow backend); everything else float32.
            optimizerBytes = 8 + 4.0 * (optimizerCount - 1);
        }
        long total = trainable + nonTrainable + optimizerCount;
        double totalBytes = 4.0 * (trainable + nonTrainable) + optimizerBytes;
        footer(sb, " Total params: ", total, totalBytes);
        footer(sb, " Trainable params: ", trainable, 4.0 * trainable);
        footer(sb, " Non-trainable params: ", nonTrainable, 4.0 * nonTrainable);
        if (optimizerBuilt) {
            footer(sb, " Optimizer params: ", optimizerCount, optimizerBytes);
        }
        return sb.toString();
    }

    private static void footer(StringBuilder sb, String label, long count, double bytes) {
        sb.append(label).append(thousands(count)).append(" (").append(SummaryTable.readableSize(bytes)).append(")\n");
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
