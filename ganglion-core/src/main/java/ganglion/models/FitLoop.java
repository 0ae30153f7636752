package ganglion.models;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.callbacks.Callback;
import ganglion.callbacks.CallbackList;
import ganglion.callbacks.ProgbarLogger;
import ganglion.internal.autodiff.Autograd;
import ganglion.losses.Loss;
import ganglion.metrics.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One call of {@code fit()}: checks and splits the data, builds the model, optimizer and callbacks, then runs
 * Keras's loop. Per step: forward in training mode, loss plus regularization penalties, backward, optimizer
 * step, metrics (without gradients); the logs are batch-size-weighted running means over the epoch. After
 * each epoch the validation data is evaluated silently and logged as {@code val_*}.
 */
final class FitLoop {

    private static final Map<String, Double> NO_LOGS = Map.of();

    private final Model model;
    private final FitOptions options;
    private final Compiled compiled;
    private final Loss loss;
    private final List<Metric> metrics;
    private final List<Variable> trainable;
    private final BatchFeed feed;
    /** Steps per epoch, or -1 when the data does not say (an Iterable without stepsPerEpoch). */
    private int steps;
    private final int epochs;
    /** The batches evaluated after each epoch (validationData or validationSplit), or null. */
    private final BatchFeed validationFeed;
    private final LogSlots slots;
    private final History history;
    private final CallbackList callbacks;
    /** Set for a functional model with several inputs or outputs: fit(Iterable) then runs in GraphTrainer. */
    private final Iterable<Tensor[]> graphBatches;

    FitLoop(Model model, Tensor x, Tensor y, FitOptions o) {
        this.model = model;
        this.options = o;
        this.graphBatches = null;
        this.compiled = model.compiledFor("fit");
        int n = Trainer.samples("fit", x, y);
        int trainCount = n;
        if (!o.hasValidationData() && o.validationSplit() > 0) {
            trainCount = splitAt(n, o.validationSplit());
            validationFeed = new BatchFeed.Rows(x, y, trainCount, n - trainCount, o.batchSize(), false)
                    .limit(o.validationSteps());
        } else {
            validationFeed = validationData(model, o);
        }
        this.feed = new BatchFeed.Rows(x, y, 0, trainCount, o.batchSize(), o.shuffle());
        int fullSteps = feed.steps();
        this.steps = o.stepsPerEpoch() > 0 ? Math.min(o.stepsPerEpoch(), fullSteps) : fullSteps;
        model.buildFor(Trainer.withoutBatch(x));
        if (o.validationX() != null) {
            model.buildFor(Trainer.withoutBatch(o.validationX()));
        }
        int[] predShape = Trainer.predictionShape(model, y);
        this.loss = compiled.loss(y.shape(), predShape);
        this.metrics = compiled.metrics(y.shape(), predShape);
        this.trainable = model.trainableVariables();
        this.epochs = o.epochs();
        this.slots = new LogSlots(metrics);
        this.history = attachCallbacks(o);
        this.callbacks = callbackList;
    }

    /**
     * fit() on an Iterable of {x, y} batches (a Keras generator or PyDataset): the model is built from the first
     * batch; {@link FitOptions#stepsPerEpoch} batches make an epoch, or one full pass when it is not set. Shuffling
     * and batch size are the data's business; validationSplit is not supported (as in Keras), validationData is.
     */
    FitLoop(Model model, Iterable<Tensor[]> batches, FitOptions o) {
        this.model = model;
        this.options = o;
        if (o.validationSplit() > 0 && !o.hasValidationData()) {
            throw new IllegalArgumentException("fit(): validationSplit is only supported for tensor inputs x and y, "
                    + "not for an Iterable of batches. Pass validationData(xVal, yVal) or validationData(dataset) "
                    + "instead.");
        }
        if (severalInputsOrOutputs(model)) {
            // flat batches {x1..xN, y1..yM}: the multi-input/output loop
            this.graphBatches = batches;
            this.compiled = null;
            this.loss = null;
            this.metrics = null;
            this.trainable = null;
            this.feed = null;
            this.validationFeed = null;
            this.epochs = 0;
            this.slots = null;
            this.history = null;
            this.callbacks = null;
            return;
        }
        this.graphBatches = null;
        this.compiled = model.compiledFor("fit");
        BatchFeed.Batches b = new BatchFeed.Batches(batches, o.stepsPerEpoch(), true, "fit", "stepsPerEpoch");
        this.validationFeed = validationData(model, o);
        Tensor[] first = b.peek();
        this.feed = b;
        this.steps = b.steps();
        model.buildFor(Trainer.withoutBatch(first[0]));
        if (o.validationX() != null) {
            model.buildFor(Trainer.withoutBatch(o.validationX()));
        }
        int[] predShape = Trainer.predictionShape(model, first[1]);
        this.loss = compiled.loss(first[1].shape(), predShape);
        this.metrics = compiled.metrics(first[1].shape(), predShape);
        this.trainable = model.trainableVariables();
        this.epochs = o.epochs();
        this.slots = new LogSlots(metrics);
        this.history = attachCallbacks(o);
        this.callbacks = callbackList;
    }

    private CallbackList callbackList;

    /** Builds the optimizer and the callback list (History and a progress bar added when missing). */
    private History attachCallbacks(FitOptions o) {
        compiled.optimizer.build(trainable);
        List<Callback> list = new ArrayList<>(o.callbacks());
        History h = null;
        boolean hasProgbar = false;
        for (Callback cb : list) {
            if (h == null && cb instanceof History) {
                h = (History) cb;
            }
            hasProgbar |= cb instanceof ProgbarLogger;
        }
        if (h == null) {
            h = new History();
            list.add(h);
        }
        if (o.verbose() != 0 && !hasProgbar) {
            list.add(new ProgbarLogger(model.output()));
        }
        CallbackList cbs = new CallbackList(list);
        cbs.setModel(model);
        Map<String, Object> params = new HashMap<>();
        params.put("epochs", epochs);
        params.put("steps", steps < 0 ? null : steps);
        params.put("verbose", o.verbose());
        cbs.setParams(params);
        callbackList = cbs;
        return h;
    }

    /** Whether fit must use the loop for several inputs or outputs (a functional model with more than one). */
    static boolean severalInputsOrOutputs(Model model) {
        return model.isFunctional() && (model.inputs().size() > 1 || model.outputs().size() > 1);
    }

    /** Where validationSplit cuts n samples: the training part is [0, splitAt), the validation part the rest. */
    static int splitAt(int n, double split) {
        int splitAt = (int) Math.floor(n * (1.0 - split));
        if (splitAt == 0 || splitAt == n) {
            throw new IllegalArgumentException("Training data contains " + n + " samples, which is not sufficient "
                    + "to split it into a validation and training set as specified by validationSplit="
                    + split + ". Either provide more data, or a different validationSplit.");
        }
        return splitAt;
    }

    /** The feed of validationData (tensors or batches) for a one-input, one-output model, or null when none. */
    private static BatchFeed validationData(Model model, FitOptions o) {
        if (o.validationBatches() != null) {
            return new BatchFeed.Batches(o.validationBatches(), o.validationSteps(), true, "fit", "validationSteps");
        }
        if (o.validationXs() == null) {
            return null;
        }
        if (o.validationX() == null || o.validationY() == null) {
            throw new IllegalArgumentException("fit(): model '" + model.name() + "' takes one input and gives one "
                    + "output, but validationData was given " + o.validationXs().size() + " input tensor(s) and "
                    + o.validationYs().size() + " target tensor(s). Pass validationData(xVal, yVal).");
        }
        int count = Trainer.samples("fit (validationData)", o.validationX(), o.validationY());
        return new BatchFeed.Rows(o.validationX(), o.validationY(), 0, count, o.batchSize(), false)
                .limit(o.validationSteps());
    }

    History run() {
        if (graphBatches != null) {
            return new GraphTrainer(model).fit(graphBatches, options);
        }
        model.setHistory(history);
        model.setStopTraining(false);
        StepLogs validationLogs = validationFeed == null ? null : slots.newLogs();
        Map<String, Double> epochLogs = new TreeMap<>();
        callbacks.onTrainBegin(new HashMap<>());
        try (Autograd.Scope grad = Autograd.enableGrad()) {
            for (int epoch = options.initialEpoch(); epoch < epochs; epoch++) {
                epochLogs = epoch(epoch, validationLogs);
                callbacks.onEpochEnd(epoch, epochLogs);
                if (model.stopTraining()) {
                    break;
                }
            }
        }
        if (epochs > 0) {  // as Keras: the weights' moving averages (use_ema) replace them before on_train_end
            compiled.optimizer.finalizeVariableValues(model.trainableVariables());
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** One epoch of training, then validation; returns the epoch's logs. */
    private TreeMap<String, Double> epoch(int epoch, StepLogs validationLogs) {
        Trainer.resetAll(metrics);
        StepLogs logs = slots.newLogs();
        callbacks.onEpochBegin(epoch, new HashMap<>());
        feed.beginEpoch();
        double lossSum = 0;
        long seen = 0;
        for (int step = 0; steps < 0 || step < steps; step++) {
            if (!feed.next()) {
                break;
            }
            callbacks.onTrainBatchBegin(step, NO_LOGS);
            int rows = feed.rows();
            double value = trainStep(feed.x(), feed.y(), epoch, step);
            lossSum += value * rows;
            seen += rows;
            slots.fill(logs, lossSum / seen, metrics);
            callbacks.onTrainBatchEnd(step, logs);
            if (model.stopTraining()) {
                break;
            }
        }
        if (feed instanceof BatchFeed.Batches && (seen == 0 || ((BatchFeed.Batches) feed).exhausted())) {
            System.err.println("WARNING: fit(): your input ran out of data; interrupting training. Make sure that "
                    + "your batches can generate at least stepsPerEpoch * epochs batches.");
            model.setStopTraining(true);
        }
        TreeMap<String, Double> epochLogs = logs.snapshot();
        if (seen == 0) {
            return epochLogs;
        }
        if (validationFeed != null) {
            long before = validationFeed instanceof BatchFeed.Batches v ? v.served() : 0;
            Map<String, Double> val = Trainer.evaluateLoop(model, loss, metrics, slots, validationLogs,
                    validationFeed, callbacks);
            if (validationFeed instanceof BatchFeed.Batches v && v.served() == before) {
                throw new IllegalArgumentException("fit(): the validationData batches are empty: they yielded no "
                        + "batch at the end of epoch " + (epoch + 1) + ". Pass at least one {x, y} batch.");
            }
            for (Map.Entry<String, Double> e : val.entrySet()) {
                epochLogs.put("val_" + e.getKey(), e.getValue());
            }
        }
        return epochLogs;
    }

    /** One optimizer step on a batch; returns the batch loss. */
    private double trainStep(Tensor xb, Tensor yb, int epoch, int step) {
        Tensor yPred = model.call(xb, true);
        Tensor total = loss.compute(yb, yPred);
        Tensor penalty = model.regularizationLoss();
        if (penalty != null) {
            total = total.add(penalty);
        }
        double value = total.item();
        if (options.stopOnNaN() && !Double.isFinite(value)) {
            throw new NonFiniteLossException(epoch + 1, epochs, step + 1, steps < 0 ? step + 1 : steps, value);
        }
        if (total.requiresGrad()) {
            total.backward();
            compiled.optimizer.apply(trainable);
        }
        if (!metrics.isEmpty()) {
            try (Autograd.Scope none = Autograd.noGrad()) {
                for (int i = 0; i < metrics.size(); i++) {
                    metrics.get(i).update(yb, yPred);
                }
            }
        }
        return value;
    }

    /** Fisher-Yates over the identity: a fresh permutation from the seeded source. */
    static void shuffle(int[] order, Random random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
