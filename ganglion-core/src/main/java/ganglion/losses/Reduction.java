package ganglion.losses;

import java.util.Locale;

/**
 * How a {@link Loss} turns per-sample losses into the value it returns, as Keras's {@code reduction}
 * argument ({@code keras/src/losses/loss.py}).
 */
public enum Reduction {
    /** Sum of the (weighted) per-sample losses divided by their number: Keras's default. */
    SUM_OVER_BATCH_SIZE("sum_over_batch_size"),
    /** Same as {@link #SUM_OVER_BATCH_SIZE}. */
    MEAN("mean"),
    /** Sum of the weighted losses divided by the sum of the sample weights (their number when none). */
    MEAN_WITH_SAMPLE_WEIGHT("mean_with_sample_weight"),
    /** Sum of the (weighted) per-sample losses. */
    SUM("sum"),
    /** No reduction: the per-sample losses themselves. */
    NONE("none");

    private final String kerasName;

    Reduction(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The Keras string, e.g. "sum_over_batch_size". */
    public String kerasName() {
        return kerasName;
    }

    /** Parses a Keras reduction string; {@code null} means {@link #NONE}, as in Keras. */
    public static Reduction of(String name) {
        if (name == null) {
            return NONE;
        }
        for (Reduction r : values()) {
            if (r.kerasName.equals(name.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("Invalid value for argument `reduction`. Expected one of "
                + "[sum_over_batch_size, mean, mean_with_sample_weight, sum, none]. Received: reduction=" + name);
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
