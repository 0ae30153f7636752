package ganglion.callbacks;

import ganglion.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stops training when a monitored quantity has stopped improving, as Keras's
 * {@code keras.callbacks.EarlyStopping}. An epoch improves when {@code current - minDelta} beats the best
 * value so far (for "max": {@code current - minDelta > best}); after {@code patience} epochs without
 * improvement, fit stops and, with {@code verbose > 0}, prints {@code "Epoch N: early stopping"}. With
 * {@code restoreBestWeights}, the weights of the best epoch are put back at the end of training (printing
 * {@code "Restoring model weights from the end of the best epoch: N."}).
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(100).validationSplit(0.2)
 *         .callbacks(new EarlyStopping().monitor("val_loss").patience(5).restoreBestWeights(true)));
 * }</pre>
 */
public class EarlyStopping extends Callback {

    private String monitor = "val_loss";
    private double minDelta;
    private int patience;
    private int verbose;
    private String mode = "auto";
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;

    private Boolean higherIsBetter;
    private int wait;
    private int stoppedEpoch;
    private Double best;
    private List<Tensor> bestWeights;
    private int bestEpoch;

    /** Keras's defaults: monitor "val_loss", minDelta 0, patience 0, mode "auto". */
    public EarlyStopping() {
    }

    /** @param monitor the log to watch; default "val_loss" */
    public EarlyStopping monitor(String monitor) {
        if (monitor == null || monitor.isEmpty()) {
            throw new IllegalArgumentException("EarlyStopping: monitor must be a metric name such as \"val_loss\"");
        }
        this.monitor = monitor;
        return this;
    }

    /** @param minDelta the least change that counts as an improvement (its absolute value is used); default 0 */
    public EarlyStopping minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    /** @param patience epochs without improvement before stopping; default 0 */
    public EarlyStopping patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be >= 0. Received: patience=" + patience);
        }
        this.patience = patience;
        return this;
    }

    /** @param verbose 1 prints the stop and restore messages; default 0 */
    public EarlyStopping verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** @param mode "auto" (from the name), "min" or "max"; default "auto" */
    public EarlyStopping mode(String mode) {
        this.mode = MonitorMode.check("EarlyStopping", mode);
        return this;
    }

    /** @param baseline a value to reach: patience restarts only for epochs that also beat it; default none */
    public EarlyStopping baseline(double baseline) {
        this.baseline = baseline;
        return this;
    }

    /** @param restore put back the best epoch's weights at the end of training; default false */
    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    /** @param epoch epochs to wait (warm-up) before watching; default 0 */
    public EarlyStopping startFromEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("EarlyStopping: startFromEpoch must be >= 0. Received: " + epoch);
        }
        this.startFromEpoch = epoch;
        return this;
    }

    /** The 0-based epoch at which training was stopped, or 0 if it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The 0-based epoch with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value seen, or null before the first watched epoch. */
    public Double best() {
        return best;
    }

    /** Epochs since the last improvement. */
    public int waited() {
        return wait;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        wait = 0;
        stoppedEpoch = 0;
        best = null;
        bestWeights = null;
        bestEpoch = 0;
        higherIsBetter = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (higherIsBetter == null) {
            higherIsBetter = MonitorMode.higherIsBetter(mode, monitor);
            if (higherIsBetter == null) {
                throw new IllegalArgumentException("EarlyStopping callback received monitor=" + monitor + " but "
                        + "Ganglion isn't able to automatically determine whether that metric should be maximized or "
                        + "minimized. Pass mode(\"max\") in order to do early stopping based on the highest metric "
                        + "value, or pass mode(\"min\") in order to use the lowest value.");
            }
        }
        Double current = logs == null ? null : logs.get(monitor);
        if (current == null) {
            System.err.println("WARNING: Early stopping conditioned on metric `" + monitor + "` which is not available. "
                    + "Available metrics are: " + String.join(",", logs == null ? List.of() : logs.keySet()));
            return;
        }
        if (epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model().getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model().getWeights();
            }
            if (baseline == null || isImprovement(current, baseline)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().setStopTraining(true);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) {
            model().output().println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) {
                model().output().println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1)
                        + ".");
            }
            model().setWeights(bestWeights);
        }
    }

    private boolean isImprovement(double value, Double reference) {
        if (reference == null) {
            return true;
        }
        return higherIsBetter ? value - minDelta > reference : value + minDelta < reference;
    }
}
