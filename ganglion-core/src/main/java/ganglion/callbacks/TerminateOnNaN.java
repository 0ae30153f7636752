package ganglion.callbacks;

import java.util.Map;

/**
 * Stops training as soon as the loss becomes NaN or infinite, as Keras's
 * {@code keras.callbacks.TerminateOnNaN}, printing {@code "Batch N: Invalid loss, terminating training"}
 * (N is the 0-based batch index, as in Keras). Ganglion's {@code fit()} already stops with an exception on
 * a non-finite loss by default; this callback matters with {@code FitOptions.stopOnNaN(false)}, where fit
 * keeps going as Keras does.
 */
public class TerminateOnNaN extends Callback {

    private int terminatedBatch = -1;
    private int epoch;
    private int terminatedEpoch = -1;

    /** The 0-based batch at which training was stopped, or -1. */
    public int terminatedBatch() {
        return terminatedBatch;
    }

    /** The 0-based epoch at which training was stopped, or -1. */
    public int terminatedEpoch() {
        return terminatedEpoch;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        terminatedBatch = -1;
        terminatedEpoch = -1;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        this.epoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs == null ? null : logs.get("loss");
        if (loss != null && (loss.isNaN() || loss.isInfinite())) {
            model().output().println("Batch " + batch + ": Invalid loss, terminating training");
            terminatedBatch = batch;
            terminatedEpoch = epoch;
            model().setStopTraining(true);
        }
    }
}
