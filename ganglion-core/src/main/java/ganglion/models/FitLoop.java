package ganglion.models;

import ganglion.Ganglion;
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
    private final int trainCount;
    private final Batcher xBatches;
    private final Batcher yBatches;
    private final int steps;
    private final int epochs;
    private final Validation validation;
    private final LogSlots slots;
    private final History history;
    private final CallbackList callbacks;

    /** Validation rows [start, start + count) of x and y; {@code split}: they are the tail of the training data. */
    private record Validation(Tensor x, Tensor y, int start, int count, boolean split) {
    }

    FitLoop(Model model, Tensor x, Tensor y, FitOptions o) {
        this.model = model;
        this.options = o;
        this.compiled = model.compiledFor("fit");
        int n = Trainer.samples("fit", x, y);
        this.validation = validation(x, y, n, o);
        this.trainCount = validation != null && validation.split() ? validation.start() : n;
        model.buildFor(Trainer.withoutBatch(x));
        if (validation != null && !validation.split()) {
            model.buildFor(Trainer.withoutBatch(validation.x()));
        }
        int[] predShape = Trainer.predictionShape(model, y);
        this.loss = compiled.loss(y.shape(), predShape);
        this.metrics = compiled.metrics(y.shape(), predShape);
        this.trainable = model.trainableVariables();
        compiled.optimizer.build(trainable);
        this.xBatches = new Batcher(x, 0, trainCount, o.batchSize());
        this.yBatches = new Batcher(y, 0, trainCount, o.batchSize());
        this.steps = xBatches.steps();
        this.epochs = o.epochs();
        this.slots = new LogSlots(metrics);

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
        this.history = h;
        this.callbacks = new CallbackList(list);
        callbacks.setModel(model);
        Map<String, Object> params = new HashMap<>();
        params.put("epochs", epochs);
        params.put("steps", steps);
        params.put("verbose", o.verbose());
        callbacks.setParams(params);
    }

    /** validationData wins over validationSplit, which takes the last samples before any shuffling. */
    private static Validation validation(Tensor x, Tensor y, int n, FitOptions o) {
        if (o.validationX() != null) {
            int count = Trainer.samples("fit (validationData)", o.validationX(), o.validationY());
            return new Validation(o.validationX(), o.validationY(), 0, count, false);
        }
        if (o.validationSplit() > 0) {
            int splitAt = (int) Math.floor(n * (1.0 - o.validationSplit()));
            if (splitAt == 0 || splitAt == n) {
                throw new IllegalArgumentException("Training data contains " + n + " samples, which is not sufficient "
                        + "to split it into a validation and training set as specified by validationSplit="
                        + o.validationSplit() + ". Either provide more data, or a different validationSplit.");
            }
            return new Validation(x, y, splitAt, n - splitAt, true);
        }
        return null;
    }

    History run() {
        model.setHistory(history);
        model.setStopTraining(false);
        int[] order = options.shuffle() ? new int[trainCount] : null;
        StepLogs validationLogs = validation == null ? null : slots.newLogs();
        Map<String, Double> epochLogs = new TreeMap<>();
        callbacks.onTrainBegin(new HashMap<>());
        try (Autograd.Scope grad = Autograd.enableGrad()) {
            for (int epoch = options.initialEpoch(); epoch < epochs; epoch++) {
                epochLogs = epoch(epoch, order, validationLogs);
                callbacks.onEpochEnd(epoch, epochLogs);
                if (model.stopTraining()) {
                    break;
                }
            }
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    /** One epoch of training, then validation; returns the epoch's logs. */
    private TreeMap<String, Double> epoch(int epoch, int[] order, StepLogs validationLogs) {
        Trainer.resetAll(metrics);
        StepLogs logs = slots.newLogs();
        callbacks.onEpochBegin(epoch, new HashMap<>());
        if (order != null) {
            shuffle(order, Ganglion.random());
        }
        double lossSum = 0;
        long seen = 0;
        for (int step = 0; step < steps; step++) {
            callbacks.onTrainBatchBegin(step, NO_LOGS);
            int rows = xBatches.rows(step);
            double value = trainStep(xBatches.batch(step, order), yBatches.batch(step, order), epoch, step);
            lossSum += value * rows;
            seen += rows;
            slots.fill(logs, lossSum / seen, metrics);
            callbacks.onTrainBatchEnd(step, logs);
            if (model.stopTraining()) {
                break;
            }
        }
        TreeMap<String, Double> epochLogs = logs.snapshot();
        if (validation != null) {
            Map<String, Double> val = Trainer.evaluateLoop(model, loss, metrics, slots, validationLogs, validation.x(),
                    validation.y(), validation.start(), validation.count(), options.batchSize(), callbacks);
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
            throw new NonFiniteLossException(epoch + 1, epochs, step + 1, steps, value);
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
