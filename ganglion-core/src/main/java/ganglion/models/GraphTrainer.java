package ganglion.models;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.callbacks.Callback;
import ganglion.callbacks.CallbackList;
import ganglion.callbacks.ProgbarLogger;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.ops.Shapes;
import ganglion.losses.Loss;
import ganglion.metrics.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Training, evaluation and prediction of a model with several inputs or outputs, and the single-batch methods
 * ({@code trainOnBatch}, {@code testOnBatch}, {@code predictOnBatch}) of any model, as Keras's trainer does
 * them: the total loss is the weighted sum of each output's loss plus the regularization penalties; logs hold
 * "loss", each output's unweighted loss ({@code "<output>_loss"}, with several outputs) and each metric, as
 * batch-size-weighted running means over the epoch, sorted by name. The variables trained are those trainable
 * at the time of the step (Keras 3 reads {@code trainable} at each step).
 */
final class GraphTrainer {

    private static final Map<String, Double> NO_LOGS = Map.of();

    private final Model model;

    GraphTrainer(Model model) {
        this.model = model;
    }

    // ------------------------------------------------------------------ one batch

    /** Keras's {@code train_on_batch}: one optimizer step; this batch's loss and metrics, in Keras's order. */
    Map<String, Double> trainOnBatch(List<Tensor> xs, List<Tensor> ys) {
        OutputSpecs specs = model.outputSpecsFor("trainOnBatch");
        int n = samples("trainOnBatch", xs, ys);
        Accumulator acc = new Accumulator(specs);
        acc.reset();
        try (Autograd.Scope grad = Autograd.enableGrad()) {
            step(specs, xs, ys, true, model.trainableVariables(), acc, n, -1, -1, -1, -1, false);
        }
        return acc.ordered();
    }

    /** Keras's {@code test_on_batch}: loss and metrics of one batch in inference mode. */
    Map<String, Double> testOnBatch(List<Tensor> xs, List<Tensor> ys) {
        OutputSpecs specs = model.outputSpecsFor("testOnBatch");
        int n = samples("testOnBatch", xs, ys);
        Accumulator acc = new Accumulator(specs);
        acc.reset();
        try (Autograd.Scope none = Autograd.noGrad()) {
            step(specs, xs, ys, false, null, acc, n, -1, -1, -1, -1, false);
        }
        return acc.ordered();
    }

    /** Keras's {@code predict_on_batch}: every output for one batch, in inference mode, without gradients. */
    List<Tensor> predictOnBatch(List<Tensor> xs) {
        checkInputs("predictOnBatch", xs);
        try (Autograd.Scope none = Autograd.noGrad()) {
            return model.applyAll(xs, null, false);
        }
    }

    /**
     * Forward, loss (weighted sum plus penalties), optionally backward and an optimizer step, then metrics.
     * Adds the batch into {@code acc}.
     */
    private void step(OutputSpecs specs, List<Tensor> xs, List<Tensor> ys, boolean training, List<Variable> update,
                      Accumulator acc, int rows, int epoch, int epochs, int stepIndex, int steps, boolean stopOnNaN) {
        List<Tensor> preds = model.applyAll(xs, null, training);
        if (preds.size() != specs.size()) {
            throw new IllegalStateException("Model '" + model.name() + "' returned " + preds.size()
                    + " outputs but was compiled for " + specs.size());
        }
        if (ys.size() != preds.size()) {
            throw new IllegalArgumentException("Model '" + model.name() + "' has " + preds.size() + " output"
                    + (preds.size() == 1 ? "" : "s") + " " + specs.outputNames + " but " + ys.size() + " target"
                    + (ys.size() == 1 ? " was" : "s were") + " given; pass one y per output, in output order.");
        }
        List<int[]> yShapes = new ArrayList<>();
        List<int[]> pShapes = new ArrayList<>();
        for (int i = 0; i < preds.size(); i++) {
            yShapes.add(ys.get(i).shape());
            pShapes.add(preds.get(i).shape());
        }
        specs.resolve(yShapes, pShapes);
        Tensor total = null;
        double[] per = new double[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            Loss loss = specs.loss(i);
            if (loss == null) {
                continue;
            }
            Tensor li = loss.compute(ys.get(i), preds.get(i));
            per[i] = li.item();
            Tensor weighted = specs.weights[i] == 1.0 ? li : li.mul((float) specs.weights[i]);
            total = total == null ? weighted : total.add(weighted);
        }
        Tensor penalty = model.regularizationLoss();
        if (penalty != null) {
            total = total.add(penalty);
        }
        double value = total.item();
        if (stopOnNaN && !Double.isFinite(value)) {
            throw new NonFiniteLossException(epoch + 1, epochs, stepIndex + 1, steps, value);
        }
        if (update != null && total.requiresGrad()) {
            total.backward();
            specs.optimizer.apply(update);
        }
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int i = 0; i < specs.size(); i++) {
                for (Metric m : specs.metrics(i)) {
                    m.update(ys.get(i), preds.get(i));
                }
            }
        }
        acc.add(value, per, rows);
    }

    /** Running means of the losses over the batches seen, and the metrics' results. */
    private static final class Accumulator {
        private final OutputSpecs specs;
        private double lossSum;
        private double[] perSum;
        private long seen;

        Accumulator(OutputSpecs specs) {
            this.specs = specs;
            this.perSum = new double[specs.size()];
        }

        void reset() {
            lossSum = 0;
            Arrays.fill(perSum, 0);
            seen = 0;
            if (!specs.resolved()) {
                return;   // fresh metrics: resolved by the first step
            }
            for (int i = 0; i < specs.size(); i++) {
                for (Metric m : specs.metrics(i)) {
                    m.reset();
                }
            }
        }

        void add(double loss, double[] per, int rows) {
            lossSum += loss * rows;
            for (int i = 0; i < per.length; i++) {
                perSum[i] += per[i] * rows;
            }
            seen += rows;
        }

        /** The logs sorted by name, as Keras's progress line and History show them. */
        TreeMap<String, Double> sorted() {
            return new TreeMap<>(ordered());
        }

        /** The logs in Keras's {@code metrics_names} order. */
        Map<String, Double> ordered() {
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("loss", lossSum / seen);
            if (specs.logsPerOutputLoss()) {
                for (int i = 0; i < specs.size(); i++) {
                    if (specs.loss(i) != null) {
                        r.put(specs.outputNames.get(i) + "_loss", perSum[i] / seen);
                    }
                }
            }
            for (int i = 0; i < specs.size(); i++) {
                for (Metric m : specs.metrics(i)) {
                    r.put(m.name(), m.result());
                }
            }
            return r;
        }
    }

    // ------------------------------------------------------------------ feeds

    /**
     * Where the loops take their batches of several inputs and targets from: rows of in-memory tensors, or an
     * Iterable of flat batches {@code {x1, ..., xN, y1, ..., yM}}. After {@link #next()} returned true,
     * {@link #xs}, {@link #ys} and {@link #rows} describe the current batch.
     */
    private abstract static class Feed {
        List<Tensor> xs;
        List<Tensor> ys;
        int rows;

        /** Steps per epoch when known, else -1. */
        abstract int steps();

        abstract void beginEpoch();

        abstract boolean next();
    }

    /** Rows [start, start + count) of every x and y, optionally reshuffled before each epoch. */
    private static final class RowFeed extends Feed {
        private final List<Batcher> bx;
        private final List<Batcher> by;
        private final RowSchedule schedule;

        RowFeed(List<Tensor> xs, List<Tensor> ys, int start, int count, int batchSize, boolean shuffle) {
            this.bx = batchers(xs, start, count, batchSize);
            this.by = batchers(ys, start, count, batchSize);
            this.schedule = new RowSchedule(bx.get(0).steps(), count, shuffle);
        }

        /** Keeps at most {@code maxSteps} batches per epoch (0: all). */
        RowFeed limit(int maxSteps) {
            schedule.limit(maxSteps);
            return this;
        }

        @Override
        int steps() {
            return schedule.steps();
        }

        @Override
        void beginEpoch() {
            schedule.beginEpoch();
        }

        @Override
        boolean next() {
            int step = schedule.next();
            if (step < 0) {
                return false;
            }
            rows = bx.get(0).rows(step);
            xs = batch(bx, step, schedule.order());
            ys = batch(by, step, schedule.order());
            return true;
        }
    }

    /**
     * Flat batches {@code {x1, ..., xN, y1, ..., yM}} from an Iterable (a Dataset), split into the model's N inputs
     * and M targets; the step logic (full pass per epoch, or a carried-over iterator) is {@link BatchFeed.Batches}'.
     */
    private final class FlatFeed extends Feed {
        private final BatchFeed.Batches source;
        private final int inputs;
        private final int outputs;
        private final String what;
        private final String method;
        private final boolean targetsOptional;

        FlatFeed(Iterable<Tensor[]> batches, int stepsPerEpoch, String what, String stepsOption) {
            this(batches, stepsPerEpoch, what, stepsOption, "fit", false);
        }

        /**
         * @param method          the calling method, for error messages
         * @param targetsOptional whether batches may hold the inputs alone (predict), leaving {@link #ys} null
         */
        FlatFeed(Iterable<Tensor[]> batches, int stepsPerEpoch, String what, String stepsOption, String method,
                 boolean targetsOptional) {
            this.source = new BatchFeed.Batches(batches, stepsPerEpoch, false, method, stepsOption);
            this.inputs = model.isFunctional() ? model.inputs().size() : 1;
            this.outputs = model.isFunctional() ? model.outputs().size() : 1;
            this.what = what;
            this.method = method;
            this.targetsOptional = targetsOptional;
        }

        @Override
        int steps() {
            return source.steps();
        }

        @Override
        void beginEpoch() {
            source.beginEpoch();
        }

        @Override
        boolean next() {
            if (!source.next()) {
                return false;
            }
            Tensor[] b = source.batch();
            if (b.length != inputs + outputs && !(targetsOptional && b.length == inputs)) {
                throw new IllegalArgumentException(method + "(): model '" + model.name() + "' has " + inputs
                        + " input(s) and " + outputs + " output(s), so each batch of the " + what + " must be an "
                        + "array {x1, ..., x" + inputs + ", y1, ..., y" + outputs + "} of " + (inputs + outputs)
                        + " tensors (inputs in model order, then targets in output order)"
                        + (targetsOptional ? ", or of its " + inputs + " input(s) alone" : "")
                        + "; received an array of " + b.length + ".");
            }
            List<Tensor> x = new ArrayList<>(inputs);
            List<Tensor> y = new ArrayList<>(outputs);
            for (int i = 0; i < b.length; i++) {
                Tensor t = b[i];
                if (t == null || t.rank() == 0 || t.shape(0) != b[0].shape(0)) {
                    throw new IllegalArgumentException(method + "(): every tensor of a " + what + " batch must have the "
                            + "same number of samples on axis 0; tensor 0 has shape " + Shapes.str(b[0].shape())
                            + " and tensor " + i + " has " + (t == null ? "null" : "shape " + Shapes.str(t.shape())));
                }
                (i < inputs ? x : y).add(t);
            }
            xs = x;
            ys = y.isEmpty() ? null : y;
            rows = b[0].shape(0);
            return true;
        }

        long served() {
            return source.served();
        }

        /** Reads the first batch ahead (handed out again as the first step); fails when there is none. */
        void requireData() {
            source.peek();
        }

        boolean exhausted() {
            return source.exhausted();
        }
    }

    // ------------------------------------------------------------------ fit

    /** fit on lists of tensors, one per input and one per output; validationSplit takes the last samples. */
    History fit(List<Tensor> xs, List<Tensor> ys, FitOptions o) {
        OutputSpecs specs = model.outputSpecsFor("fit");
        int n = samples("fit", xs, ys);
        int trainCount = n;
        Feed validation;
        if (!o.hasValidationData() && o.validationSplit() > 0) {
            trainCount = FitLoop.splitAt(n, o.validationSplit());
            validation = new RowFeed(xs, ys, trainCount, n - trainCount, o.batchSize(), false)
                    .limit(o.validationSteps());
        } else {
            validation = validationFeed(o);
        }
        Feed train = new RowFeed(xs, ys, 0, trainCount, o.batchSize(), o.shuffle());
        int steps = o.stepsPerEpoch() > 0 ? Math.min(o.stepsPerEpoch(), train.steps()) : train.steps();
        return fitLoop(specs, train, steps, validation, o);
    }

    /**
     * fit on an Iterable of flat batches {@code {x1, ..., xN, y1, ..., yM}} (a functional model's N inputs, then its
     * M targets): an epoch is stepsPerEpoch batches, or one full pass.
     */
    History fit(Iterable<Tensor[]> batches, FitOptions o) {
        OutputSpecs specs = model.outputSpecsFor("fit");
        FlatFeed train = new FlatFeed(batches, o.stepsPerEpoch(), "training data", "stepsPerEpoch");
        train.requireData();
        Feed validation = validationFeed(o);
        return fitLoop(specs, train, train.steps(), validation, o);
    }

    /** The feed of validationData (lists of tensors or flat batches), or null. */
    private Feed validationFeed(FitOptions o) {
        if (o.validationBatches() != null) {
            return new FlatFeed(o.validationBatches(), o.validationSteps(), "validationData", "validationSteps");
        }
        if (o.validationXs() == null) {
            return null;
        }
        int count = samples("fit (validationData)", o.validationXs(), o.validationYs());
        return new RowFeed(o.validationXs(), o.validationYs(), 0, count, o.batchSize(), false)
                .limit(o.validationSteps());
    }

    /** Keras's epoch loop over a feed; {@code steps} is -1 when the data's length is unknown. */
    private History fitLoop(OutputSpecs specs, Feed train, int steps, Feed validation, FitOptions o) {
        int epochs = o.epochs();
        List<Callback> list = new ArrayList<>(o.callbacks());
        History history = null;
        boolean hasProgbar = false;
        for (Callback cb : list) {
            if (history == null && cb instanceof History) {
                history = (History) cb;
            }
            hasProgbar |= cb instanceof ProgbarLogger;
        }
        if (history == null) {
            history = new History();
            list.add(history);
        }
        if (o.verbose() != 0 && !hasProgbar) {
            list.add(new ProgbarLogger(model.output()));
        }
        CallbackList callbacks = new CallbackList(list);
        callbacks.setModel(model);
        Map<String, Object> params = new HashMap<>();
        params.put("epochs", epochs);
        params.put("steps", steps < 0 ? null : steps);
        params.put("verbose", o.verbose());
        callbacks.setParams(params);

        model.setHistory(history);
        model.setStopTraining(false);
        Accumulator acc = new Accumulator(specs);
        TreeMap<String, Double> epochLogs = new TreeMap<>();
        callbacks.onTrainBegin(new HashMap<>());
        try (Autograd.Scope grad = Autograd.enableGrad()) {
            for (int epoch = o.initialEpoch(); epoch < epochs; epoch++) {
                callbacks.onEpochBegin(epoch, new HashMap<>());
                train.beginEpoch();
                acc.reset();
                int seen = 0;
                for (int s = 0; steps < 0 || s < steps; s++) {
                    if (!train.next()) {
                        break;
                    }
                    callbacks.onTrainBatchBegin(s, NO_LOGS);
                    List<Variable> trainable = model.trainableVariables();
                    if (s == 0) {
                        specs.optimizer.build(trainable);
                    }
                    step(specs, train.xs, train.ys, true, trainable, acc, train.rows, epoch, epochs, s,
                            steps < 0 ? s + 1 : steps, o.stopOnNaN());
                    seen++;
                    callbacks.onTrainBatchEnd(s, acc.sorted());
                    if (model.stopTraining()) {
                        break;
                    }
                }
                if (train instanceof FlatFeed f && (seen == 0 || f.exhausted())) {
                    System.err.println("WARNING: fit(): your input ran out of data; interrupting training. Make sure "
                            + "that your batches can generate at least stepsPerEpoch * epochs batches.");
                    model.setStopTraining(true);
                }
                if (seen == 0) {
                    break;
                }
                epochLogs = acc.sorted();
                if (validation != null) {
                    long before = validation instanceof FlatFeed f ? f.served() : 0;
                    Map<String, Double> val = evaluateLoop(specs, validation, callbacks);
                    if (validation instanceof FlatFeed f && f.served() == before) {
                        throw new IllegalArgumentException("fit(): the validationData batches are empty: they "
                                + "yielded no batch at the end of epoch " + (epoch + 1) + ".");
                    }
                    for (Map.Entry<String, Double> e : val.entrySet()) {
                        epochLogs.put("val_" + e.getKey(), e.getValue());
                    }
                }
                callbacks.onEpochEnd(epoch, epochLogs);
                if (model.stopTraining()) {
                    break;
                }
            }
        }
        if (epochs > 0) {  // as Keras: the weights' moving averages (use_ema) replace them before on_train_end
            specs.optimizer.finalizeVariableValues(model.trainableVariables());
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    // ------------------------------------------------------------------ evaluate and predict

    Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, int batchSize, int verbose) {
        OutputSpecs specs = model.outputSpecsFor("evaluate");
        Trainer.checkBatchSize(batchSize);
        int n = samples("evaluate", xs, ys);
        CallbackList callbacks = progress(verbose, (n + batchSize - 1) / batchSize);
        return evaluateLoop(specs, new RowFeed(xs, ys, 0, n, batchSize, false), callbacks);
    }

    /** evaluate() on an Iterable of flat batches {x1..xN, y1..yM}: {@code steps} of them, or all when 0. */
    Map<String, Double> evaluate(Iterable<Tensor[]> batches, int steps, int verbose) {
        OutputSpecs specs = model.outputSpecsFor("evaluate");
        Trainer.checkSteps("evaluate", steps);
        FlatFeed feed = new FlatFeed(batches, steps, "evaluation data", "steps", "evaluate", false);
        feed.requireData();
        return evaluateLoop(specs, feed, progress(verbose, feed.steps()));
    }

    private Map<String, Double> evaluateLoop(OutputSpecs specs, Feed feed, CallbackList callbacks) {
        int steps = feed.steps();
        Accumulator acc = new Accumulator(specs);
        acc.reset();
        feed.beginEpoch();
        callbacks.onTestBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int s = 0; steps < 0 || s < steps; s++) {
                if (!feed.next()) {
                    break;
                }
                callbacks.onTestBatchBegin(s, NO_LOGS);
                step(specs, feed.xs, feed.ys, false, null, acc, feed.rows, -1, -1, -1, -1, false);
                callbacks.onTestBatchEnd(s, acc.sorted());
            }
        }
        TreeMap<String, Double> result = acc.sorted();
        callbacks.onTestEnd(result);
        return result;
    }

    /**
     * predict() on an Iterable of flat batches, {x1..xN} or {x1..xN, y1..yM} (targets ignored): one tensor per
     * output, the batches' predictions concatenated on axis 0.
     */
    List<Tensor> predict(Iterable<Tensor[]> batches, int steps, int verbose) {
        Trainer.checkSteps("predict", steps);
        FlatFeed feed = new FlatFeed(batches, steps, "prediction data", "steps", "predict", true);
        feed.requireData();
        int total = feed.steps();
        CallbackList callbacks = progress(verbose, total);
        List<List<Tensor>> perOutput = new ArrayList<>();
        feed.beginEpoch();
        callbacks.onPredictBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int s = 0; total < 0 || s < total; s++) {
                if (!feed.next()) {
                    break;
                }
                callbacks.onPredictBatchBegin(s, NO_LOGS);
                List<Tensor> ys = model.applyAll(feed.xs, null, false);
                for (int i = 0; i < ys.size(); i++) {
                    if (perOutput.size() <= i) {
                        perOutput.add(new ArrayList<>());
                    }
                    perOutput.get(i).add(ys.get(i));
                }
                callbacks.onPredictBatchEnd(s, NO_LOGS);
            }
        }
        callbacks.onPredictEnd(new HashMap<>());
        List<Tensor> r = new ArrayList<>();
        for (List<Tensor> parts : perOutput) {
            r.add(parts.size() == 1 ? parts.get(0) : Tensor.concat(0, parts.toArray(new Tensor[0])));
        }
        return r;
    }

    List<Tensor> predict(List<Tensor> xs, int batchSize, int verbose) {
        Trainer.checkBatchSize(batchSize);
        checkInputs("predict", xs);
        int n = xs.get(0).shape(0);
        List<Batcher> bx = batchers(xs, 0, n, batchSize);
        int steps = bx.get(0).steps();
        CallbackList callbacks = progress(verbose, steps);
        List<float[]> outs = null;
        List<int[]> shapes = null;
        int[] inner = null;
        callbacks.onPredictBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int s = 0; s < steps; s++) {
                callbacks.onPredictBatchBegin(s, NO_LOGS);
                int rows = bx.get(0).rows(s);
                List<Tensor> ys = model.applyAll(batch(bx, s, null), null, false);
                if (outs == null) {
                    outs = new ArrayList<>();
                    shapes = new ArrayList<>();
                    inner = new int[ys.size()];
                    for (int i = 0; i < ys.size(); i++) {
                        int[] sh = ys.get(i).shape();
                        inner[i] = (int) (ys.get(i).size() / rows);
                        sh[0] = n;
                        shapes.add(sh);
                        outs.add(new float[Math.multiplyExact(n, inner[i])]);
                    }
                }
                for (int i = 0; i < ys.size(); i++) {
                    System.arraycopy(ys.get(i).buffer(), 0, outs.get(i), s * batchSize * inner[i], rows * inner[i]);
                }
                callbacks.onPredictBatchEnd(s, NO_LOGS);
            }
        }
        callbacks.onPredictEnd(new HashMap<>());
        List<Tensor> r = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            r.add(Tensor.wrap(outs.get(i), shapes.get(i)));
        }
        return r;
    }

    // ------------------------------------------------------------------ helpers

    private CallbackList progress(int verbose, int steps) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        }
        List<Callback> list = new ArrayList<>();
        if (verbose != 0) {
            list.add(new ProgbarLogger(model.output()));
        }
        CallbackList callbacks = new CallbackList(list);
        callbacks.setModel(model);
        Map<String, Object> params = new HashMap<>();
        params.put("epochs", 1);
        params.put("steps", steps);
        params.put("verbose", verbose);
        callbacks.setParams(params);
        return callbacks;
    }

    private static List<Batcher> batchers(List<Tensor> ts, int start, int count, int batchSize) {
        List<Batcher> r = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            r.add(new Batcher(t, start, count, batchSize));
        }
        return r;
    }

    private static List<Tensor> batch(List<Batcher> bs, int step, int[] order) {
        List<Tensor> r = new ArrayList<>(bs.size());
        for (Batcher b : bs) {
            r.add(b.batch(step, order));
        }
        return r;
    }

    private void checkInputs(String where, List<Tensor> xs) {
        if (xs == null || xs.isEmpty()) {
            throw new IllegalArgumentException(where + "(): give at least one input tensor");
        }
        int n = -1;
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            if (x == null || x.rank() == 0) {
                throw new IllegalArgumentException(where + "(): input " + i + " must be a tensor with a batch axis");
            }
            if (n >= 0 && x.shape(0) != n) {
                throw new IllegalArgumentException(where + "(): all inputs must have the same number of samples; "
                        + "input 0 has " + n + " and input " + i + " has " + x.shape(0) + " (shape "
                        + Shapes.str(x.shape()) + ")");
            }
            n = x.shape(0);
        }
        if (n == 0) {
            throw new IllegalArgumentException(where + "(): received empty data (0 samples)");
        }
    }

    /** Checks every x and y and returns the number of samples. */
    private int samples(String where, List<Tensor> xs, List<Tensor> ys) {
        checkInputs(where, xs);
        if (ys == null || ys.isEmpty()) {
            throw new IllegalArgumentException(where + "(): give one target tensor per output");
        }
        int n = xs.get(0).shape(0);
        for (int i = 0; i < ys.size(); i++) {
            Tensor y = ys.get(i);
            if (y == null || y.rank() == 0 || y.shape(0) != n) {
                throw new IllegalArgumentException(where + "(): x and y must have the same number of samples, but x "
                        + "has " + n + " and y " + i + " has " + (y == null || y.rank() == 0 ? "no batch axis"
                        : y.shape(0) + " (shape " + Shapes.str(y.shape()) + ")")
                        + ". Make sure every input and target array has one entry per sample.");
            }
        }
        return n;
    }
}
