package ganglion.callbacks;

import ganglion.optimizers.Optimizer;

import java.util.Map;

/**
 * Lowers the learning rate when a monitored quantity stops improving, as Keras's
 * {@code keras.callbacks.ReduceLROnPlateau}: after {@code patience} epochs without an improvement larger
 * than {@code minDelta}, {@code lr = max(lr * factor, minLr)}, then {@code cooldown} epochs pass before
 * counting again. Each epoch's logs gain "learning_rate". With {@code verbose > 0} it prints
 * {@code "Epoch N: ReduceLROnPlateau reducing learning rate to 0.0001."}.
 */
public class ReduceLROnPlateau extends Callback {

    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private int verbose;
    private String mode = "auto";
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private boolean higherIsBetter;
    private double best;
    private int wait;
    private int cooldownCounter;

    /** Keras's defaults: monitor "val_loss", factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLr 0. */
    public ReduceLROnPlateau() {
    }

    /** @param monitor the log to watch; default "val_loss" */
    public ReduceLROnPlateau monitor(String monitor) {
        this.monitor = monitor;
        return this;
    }

    /** @param factor the multiplier, below 1; default 0.1 */
    public ReduceLROnPlateau factor(double factor) {
        if (factor >= 1.0) {
            throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received factor="
                    + factor);
        }
        this.factor = factor;
        return this;
    }

    /** @param patience epochs without improvement before reducing; default 10 */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = patience;
        return this;
    }

    /** @param verbose 1 prints each reduction; default 0 */
    public ReduceLROnPlateau verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** @param mode "auto" ("acc" in the name means max), "min" or "max"; default "auto" */
    public ReduceLROnPlateau mode(String mode) {
        this.mode = MonitorMode.check("ReduceLROnPlateau", mode);
        return this;
    }

    /** @param minDelta the least change counted as improvement; default 1e-4 */
    public ReduceLROnPlateau minDelta(double minDelta) {
        this.minDelta = minDelta;
        return this;
    }

    /** @param cooldown epochs to wait after a reduction; default 0 */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    /** @param minLr the lowest learning rate; default 0 */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = minLr;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        higherIsBetter = !(mode.equals("min") || (mode.equals("auto") && !monitor.contains("acc")));
        best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        cooldownCounter = 0;
        wait = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Optimizer opt = model().optimizer();
        logs.put("learning_rate", (double) opt.learningRate());
        Double current = logs.get(monitor);
        if (current == null) {
            System.err.println("WARNING: Learning rate reduction is conditioned on metric `" + monitor + "` which is not "
                    + "available. Available metrics are: " + String.join(",", logs.keySet()) + ".");
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        boolean improved = higherIsBetter ? current > best + minDelta : current < best - minDelta;
        if (improved) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= patience) {
                double oldLr = opt.learningRate();
                if (oldLr > (float) minLr) {
                    double newLr = Math.max(oldLr * factor, minLr);
                    opt.setLearningRate((float) newLr);
                    if (verbose > 0) {
                        model().output().print("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                                + PyTemplate.repr(newLr) + ".\n");
                    }
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }
}
