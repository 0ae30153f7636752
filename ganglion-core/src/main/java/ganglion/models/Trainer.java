package ganglion.models;

import ganglion.Tensor;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loops behind {@code fit} (delegated to {@link FitLoop}), {@code evaluate} and {@code predict} of one
 * model, as Keras's trainer, and the data checks they share. Holds no state of its own between calls, so
 * concurrent {@code predict} calls are safe.
 */
final class Trainer {

    private static final Map<String, Double> NO_LOGS = Map.of();

    private final Model model;

    Trainer(Model model) {
        this.model = model;
    }

    /** Keras's {@code fit()}: see {@link FitLoop}. */
    History fit(Tensor x, Tensor y, FitOptions o) {
        return new FitLoop(model, x, y, o).run();
    }

    /** Keras's {@code fit()} on an Iterable of {x, y} batches: see {@link FitLoop}. */
    History fit(Iterable<Tensor[]> batches, FitOptions o) {
        if (o == null) {
            throw new IllegalArgumentException("fit(): options must not be null; pass new FitOptions()");
        }
        return new FitLoop(model, batches, o).run();
    }

    // ------------------------------------------------------------------ evaluate

    Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, int verbose) {
        Compiled c = model.compiledFor("evaluate");
        checkBatchSize(batchSize);
        checkVerbose(verbose);
        int n = samples("evaluate", x, y);
        model.buildFor(withoutBatch(x));
        return evaluate(c, new BatchFeed.Rows(x, y, 0, n, batchSize, false), y, verbose);
    }

    /** evaluate() on an Iterable of {x, y} batches: {@code steps} of them, or all when steps is 0. */
    Map<String, Double> evaluate(Iterable<Tensor[]> batches, int steps, int verbose) {
        Compiled c = model.compiledFor("evaluate");
        checkSteps("evaluate", steps);
        checkVerbose(verbose);
        BatchFeed.Batches feed = new BatchFeed.Batches(batches, steps, true, "evaluate");
        Tensor[] first = feed.peek();
        model.buildFor(withoutBatch(first[0]));
        return evaluate(c, feed, first[1], verbose);
    }

    private Map<String, Double> evaluate(Compiled c, BatchFeed feed, Tensor sampleY, int verbose) {
        int[] predShape = predictionShape(model, sampleY);
        Loss loss = c.loss(sampleY.shape(), predShape);
        List<Metric> metrics = c.metrics(sampleY.shape(), predShape);
        LogSlots slots = new LogSlots(metrics);
        CallbackList callbacks = progressCallbacks(verbose, feed.steps());
        return evaluateLoop(model, loss, metrics, slots, slots.newLogs(), feed, callbacks);
    }

    /**
     * Runs the feed's batches in inference mode without gradients, with the test hooks; returns the sorted logs:
     * the batch-size-weighted mean loss (penalties included) and each metric.
     */
    static Map<String, Double> evaluateLoop(Model model, Loss lossFn, List<Metric> metrics, LogSlots slots,
                                            StepLogs logs, BatchFeed feed, CallbackList callbacks) {
        resetAll(metrics);
        int steps = feed.steps();
        double lossSum = 0;
        long seen = 0;
        feed.beginEpoch();
        callbacks.onTestBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int step = 0; steps < 0 || step < steps; step++) {
                if (!feed.next()) {
                    break;
                }
                callbacks.onTestBatchBegin(step, NO_LOGS);
                Tensor xb = feed.x();
                Tensor yb = feed.y();
                int rows = feed.rows();
                Tensor yPred = model.call(xb, false);
                Tensor loss = lossFn.compute(yb, yPred);
                Tensor penalty = model.regularizationLoss();
                if (penalty != null) {
                    loss = loss.add(penalty);
                }
                lossSum += (double) loss.item() * rows;
                seen += rows;
                for (int i = 0; i < metrics.size(); i++) {
                    metrics.get(i).update(yb, yPred);
                }
                slots.fill(logs, lossSum / seen, metrics);
                callbacks.onTestBatchEnd(step, logs);
            }
        }
        TreeMap<String, Double> result = logs.snapshot();
        callbacks.onTestEnd(result);
        return result;
    }

    // ------------------------------------------------------------------ predict

    Tensor predict(Tensor x, int batchSize, int verbose) {
        checkBatchSize(batchSize);
        checkVerbose(verbose);
        if (x == null) {
            throw new IllegalArgumentException("predict(): x must not be null");
        }
        if (x.rank() == 0) {
            throw new IllegalArgumentException("predict(): x must have a batch axis (axis 0); received a scalar");
        }
        int n = x.shape(0);
        if (n == 0) {
            throw new IllegalArgumentException("predict(): received empty data: x has 0 samples (shape "
                    + Shapes.str(x.shape()) + ")");
        }
        model.buildFor(withoutBatch(x));
        return predictLoop(new BatchFeed.Rows(x, null, 0, n, batchSize, false), n, verbose);
    }

    /**
     * predict() on an Iterable of batches ({x} or {x, y}: only x is used): {@code steps} of them, or all when
     * steps is 0; the outputs are concatenated along axis 0.
     */
    Tensor predict(Iterable<Tensor[]> batches, int steps, int verbose) {
        checkSteps("predict", steps);
        checkVerbose(verbose);
        BatchFeed.Batches feed = new BatchFeed.Batches(batches, steps, false, "predict");
        model.buildFor(withoutBatch(feed.peek()[0]));
        return predictLoop(feed, -1, verbose);
    }

    /** Runs the feed through the model; {@code total} is the number of samples when known, else -1. */
    private Tensor predictLoop(BatchFeed feed, int total, int verbose) {
        int steps = feed.steps();
        CallbackList callbacks = progressCallbacks(verbose, steps);
        float[] out = null;
        int[] outShape = null;
        int inner = 0;
        int filled = 0;
        feed.beginEpoch();
        callbacks.onPredictBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int step = 0; steps < 0 || step < steps; step++) {
                if (!feed.next()) {
                    break;
                }
                callbacks.onPredictBatchBegin(step, NO_LOGS);
                int rows = feed.rows();
                Tensor yb = model.call(feed.x(), false);
                int[] s = yb.shape();
                if (s.length == 0 || s[0] != rows) {
                    throw new IllegalStateException("Model '" + model.name() + "' returned shape " + Shapes.str(s)
                            + " for a batch of " + rows + " samples; outputs must keep the batch axis first");
                }
                if (out == null) {
                    inner = (int) (yb.size() / rows);
                    outShape = s.clone();
                    out = new float[Math.multiplyExact(total > 0 ? total : rows, inner)];
                } else if (!Arrays.equals(s, 1, s.length, outShape, 1, outShape.length)) {
                    throw new IllegalStateException("predict(): batch " + (step + 1) + " gave outputs of shape "
                            + Shapes.str(s) + ", earlier batches " + Shapes.str(outShape) + " (batch axis aside); "
                            + "all batches must have the same shape apart from the batch axis");
                }
                int need = Math.multiplyExact(filled + rows, inner);
                if (need > out.length) {
                    out = Arrays.copyOf(out, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, 2L * out.length)));
                }
                System.arraycopy(yb.buffer(), 0, out, filled * inner, rows * inner);
                filled += rows;
                callbacks.onPredictBatchEnd(step, NO_LOGS);
            }
        }
        callbacks.onPredictEnd(new HashMap<>());
        outShape[0] = filled;
        if (out.length != filled * inner) {
            out = Arrays.copyOf(out, filled * inner);
        }
        return Tensor.wrap(out, outShape);
    }

    // ------------------------------------------------------------------ helpers

    private CallbackList progressCallbacks(int verbose, int steps) {
        List<Callback> list = new ArrayList<>();
        if (verbose != 0) {
            list.add(new ProgbarLogger(model.output()));
        }
        CallbackList callbacks = new CallbackList(list);
        callbacks.setModel(model);
        Map<String, Object> params = new HashMap<>();
        params.put("epochs", 1);
        params.put("steps", steps < 0 ? null : steps);
        params.put("verbose", verbose);
        callbacks.setParams(params);
        return callbacks;
    }

    /** The prediction shape with batch axis, for resolving names such as "accuracy". */
    static int[] predictionShape(Model model, Tensor y) {
        int[] out = model.outputShape();
        if (out == null) {
            return y.shape();
        }
        int[] s = new int[out.length + 1];
        s[0] = y.shape(0);
        System.arraycopy(out, 0, s, 1, out.length);
        return s;
    }

    static void resetAll(List<Metric> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            metrics.get(i).reset();
        }
    }

    static int[] withoutBatch(Tensor x) {
        int[] s = x.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be a positive integer. Received: batchSize=" + batchSize);
        }
    }

    static void checkSteps(String where, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException(where + "(): steps must be 0 (all batches) or positive. Received: steps="
                    + steps);
        }
    }

    private static void checkVerbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        }
    }

    /** Checks x and y and returns the number of samples. */
    static int samples(String where, Tensor x, Tensor y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(where + "(): x and y must not be null");
        }
        if (x.rank() == 0 || y.rank() == 0) {
            throw new IllegalArgumentException(where + "(): x and y must have a batch axis (axis 0); received shapes x "
                    + Shapes.str(x.shape()) + " and y " + Shapes.str(y.shape()));
        }
        int nx = x.shape(0);
        int ny = y.shape(0);
        if (nx != ny) {
            throw new IllegalArgumentException(where + "(): x and y must have the same number of samples, but x has "
                    + nx + " (shape " + Shapes.str(x.shape()) + ") and y has " + ny + " (shape "
                    + Shapes.str(y.shape()) + "). Make sure every input and target array has one entry per sample.");
        }
        if (nx == 0) {
            throw new IllegalArgumentException(where + "(): received empty data: x has 0 samples (shape "
                    + Shapes.str(x.shape()) + "). Pass at least one sample.");
        }
        return nx;
    }
}
