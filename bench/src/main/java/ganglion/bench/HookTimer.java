package ganglion.bench;

import ganglion.callbacks.Callback;
import ganglion.models.Model;

import java.util.Map;

/**
 * A callback wrapper that measures how long the training thread spends inside another callback's hooks: the
 * one-time {@code onTrainBegin} and {@code onTrainEnd}, the per-batch hooks and the per-epoch hooks (test hooks
 * count with the epoch). Every arm of {@link DashboardOverhead} is wrapped the same way (the plain arm wraps a
 * callback that does nothing), so the two clock reads per hook cost the same in every arm.
 */
final class HookTimer extends Callback {

    private final Callback inner;
    long beginNanos;
    long endNanos;
    long batchNanos;
    long epochNanos;
    long batches;
    long epochs;
    /** When each epoch ended (nanoTime), for calibration. */
    final long[] epochEnds;

    HookTimer(Callback inner, int maxEpochs) {
        this.inner = inner;
        this.epochEnds = new long[maxEpochs];
    }

    @Override
    public void setModel(Model model) {
        super.setModel(model);
        inner.setModel(model);
    }

    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        inner.setParams(params);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTrainBegin(logs);
        beginNanos += System.nanoTime() - t;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTrainEnd(logs);
        endNanos += System.nanoTime() - t;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onEpochBegin(epoch, logs);
        epochNanos += System.nanoTime() - t;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onEpochEnd(epoch, logs);
        long t1 = System.nanoTime();
        epochNanos += t1 - t;
        if (epochs < epochEnds.length) {
            epochEnds[(int) epochs] = t1;
        }
        epochs++;
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTrainBatchBegin(batch, logs);
        batchNanos += System.nanoTime() - t;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTrainBatchEnd(batch, logs);
        batchNanos += System.nanoTime() - t;
        batches++;
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTestBegin(logs);
        epochNanos += System.nanoTime() - t;
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTestEnd(logs);
        epochNanos += System.nanoTime() - t;
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        long t = System.nanoTime();
        inner.onTestBatchEnd(batch, logs);
        epochNanos += System.nanoTime() - t;
    }
}
