package ganglion.callbacks;

import java.util.Map;

/**
 * Sets the learning rate at the start of every epoch from a schedule, as Keras's
 * {@code keras.callbacks.LearningRateScheduler}: {@code schedule.apply(epoch, currentLr)} with a 0-based
 * epoch. Each epoch's logs gain "learning_rate". With {@code verbose > 0} it prints
 * {@code "Epoch N: LearningRateScheduler setting learning rate to 0.001."}.
 *
 * <pre>{@code
 * new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))
 * }</pre>
 */
public class LearningRateScheduler extends Callback {

    /** A learning-rate schedule: the new rate from the 0-based epoch and the current rate. */
    @FunctionalInterface
    public interface Schedule {
        double apply(int epoch, double learningRate);
    }

    private final Schedule schedule;
    private int verbose;

    public LearningRateScheduler(Schedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("LearningRateScheduler: schedule must not be null");
        }
        this.schedule = schedule;
    }

    public LearningRateScheduler(Schedule schedule, int verbose) {
        this(schedule);
        this.verbose = verbose;
    }

    /** @param verbose 1 prints the rate set each epoch; default 0 */
    public LearningRateScheduler verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double lr = schedule.apply(epoch, model().optimizer().learningRate());
        if (!Double.isFinite(lr)) {
            throw new IllegalArgumentException("The output of the schedule function should be a finite float. Got: "
                    + lr + " at epoch " + epoch);
        }
        model().optimizer().setLearningRate((float) lr);
        if (verbose > 0) {
            model().output().print("\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
                    + PyTemplate.repr(lr) + ".\n");
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) model().optimizer().learningRate());
    }
}
