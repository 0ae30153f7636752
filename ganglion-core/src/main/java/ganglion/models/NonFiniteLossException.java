package ganglion.models;

/**
 * Thrown by {@code fit()} when the training loss becomes NaN or infinite (unless
 * {@code FitOptions.stopOnNaN(false)}). Keras keeps going in that case; Ganglion stops, says where it
 * happened and what usually fixes it.
 */
public class NonFiniteLossException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int step;
    private final double loss;

    /** {@code epoch} and {@code step} are 1-based, as printed. */
    public NonFiniteLossException(int epoch, int epochs, int step, int steps, double loss) {
        super("The loss became " + (Double.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity")
                + " at epoch " + epoch + "/" + epochs + ", step " + step + "/" + steps + "; training stopped. "
                + "Fixes that usually help: lower the learning rate (e.g. new Adam(1e-4)), check the data for NaN or "
                + "infinite values (x and y), normalise the inputs (e.g. x.div(255f)), and check that the loss "
                + "matches the last activation and the labels. Use FitOptions.stopOnNaN(false) to keep training anyway.");
        this.epoch = epoch;
        this.step = step;
        this.loss = loss;
    }

    /** The 1-based epoch in which the loss went bad. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based step (batch) within that epoch. */
    public int step() {
        return step;
    }

    /** The loss value: NaN or ±infinity. */
    public double loss() {
        return loss;
    }
}
