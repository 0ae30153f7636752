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

    // ------------------------------------------------------------------ evaluate

    Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, int verbose) {
        Compiled c = model.compiledFor("evaluate");
        checkBatchSize(batchSize);
        checkVerbose(verbose);
        int n = samples("evaluate", x, y);
        model.buildFor(withoutBatch(x));
        int[] predShape = predictionShape(model, y);
        Loss loss = c.loss(y.shape(), predShape);
        List<Metric> metrics = c.metrics(y.shape(), predShape);
        LogSlots slots = new LogSlots(metrics);
        CallbackList callbacks = progressCallbacks(verbose, (n + batchSize - 1) / batchSize);
        return evaluateLoop(model, loss, metrics, slots, slots.newLogs(), x, y, 0, n, batchSize, callbacks);
    }

    /**
     * Runs rows [start, start + count) in inference mode without gradients, with the test hooks; returns the
     * sorted logs: the batch-size-weighted mean loss (penalties included) and each metric.
     */
    static Map<String, Double> evaluateLoop(Model model, Loss lossFn, List<Metric> metrics, LogSlots slots,
                                            StepLogs logs, Tensor x, Tensor y, int start, int count, int batchSize,
                                            CallbackList callbacks) {
        resetAll(metrics);
        Batcher bx = new Batcher(x, start, count, batchSize);
        Batcher by = new Batcher(y, start, count, batchSize);
        int steps = bx.steps();
        double lossSum = 0;
        long seen = 0;
        callbacks.onTestBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int step = 0; step < steps; step++) {
                callbacks.onTestBatchBegin(step, NO_LOGS);
                Tensor xb = bx.batch(step, null);
                Tensor yb = by.batch(step, null);
                int rows = bx.rows(step);
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
        Batcher bx = new Batcher(x, 0, n, batchSize);
        int steps = bx.steps();
        CallbackList callbacks = progressCallbacks(verbose, steps);
        float[] out = null;
        int[] outShape = null;
        int inner = 0;
        callbacks.onPredictBegin(new HashMap<>());
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int step = 0; step < steps; step++) {
                callbacks.onPredictBatchBegin(step, NO_LOGS);
                int rows = bx.rows(step);
                Tensor yb = model.call(bx.batch(step, null), false);
                int[] s = yb.shape();
                if (s.length == 0 || s[0] != rows) {
                    throw new IllegalStateException("Model '" + model.name() + "' returned shape " + Shapes.str(s)
                            + " for a batch of " + rows + " samples; outputs must keep the batch axis first");
                }
                if (out == null) {
                    inner = (int) (yb.size() / rows);
                    outShape = s.clone();
                    outShape[0] = n;
                    out = new float[Math.multiplyExact(n, inner)];
                }
                System.arraycopy(yb.buffer(), 0, out, step * batchSize * inner, rows * inner);
                callbacks.onPredictBatchEnd(step, NO_LOGS);
            }
        }
        callbacks.onPredictEnd(new HashMap<>());
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
        params.put("steps", steps);
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

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be a positive integer. Received: batchSize=" + batchSize);
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
