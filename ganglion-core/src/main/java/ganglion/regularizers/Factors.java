package ganglion.regularizers;

/** Validation and config values shared by the penalty regularizers. */
final class Factors {

    private Factors() {
    }

    /** Keras's {@code validate_float_arg}: finite and non-negative. */
    static float check(double value, String name) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("Invalid value for argument " + name
                    + ": expected a non-negative float. Received: " + name + "=" + value);
        }
        return (float) value;
    }

    /**
     * The factor as Keras's config reports it: Keras keeps factors as float32 tensors and writes
     * {@code float(tensor)}, so 0.01 is saved as 0.009999999776482582.
     */
    static double configValue(float factor) {
        return factor;
    }
}
