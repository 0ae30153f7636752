package ganglion.callbacks;

import java.util.Locale;

/**
 * Whether a monitored quantity should go down ("min") or up ("max"), as Keras's callbacks decide it from
 * {@code mode}: "min" and "max" are explicit; "auto" looks at the metric's name without its "val_" prefix.
 */
final class MonitorMode {

    private MonitorMode() {
    }

    /** Checks a mode string: "auto", "min" or "max". */
    static String check(String callback, String mode) {
        String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        if (!m.equals("auto") && !m.equals("min") && !m.equals("max")) {
            throw new IllegalArgumentException(callback + ": mode must be one of 'auto', 'min', 'max'. Received: mode="
                    + mode);
        }
        return m;
    }

    /**
     * True when larger values are better. "auto": accuracy-like names ("acc", "auc", "precision", "recall",
     * "f1", "fmeasure") go up; losses and errors go down.
     *
     * @return null in "auto" mode for a name that says neither
     */
    static Boolean higherIsBetter(String mode, String monitor) {
        if (mode.equals("max")) {
            return true;
        }
        if (mode.equals("min")) {
            return false;
        }
        String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        name = name.toLowerCase(Locale.ROOT);
        if (name.contains("acc") || name.contains("auc") || name.startsWith("precision") || name.startsWith("recall")
                || name.startsWith("f1") || name.startsWith("fmeasure") || name.contains("r2")) {
            return true;
        }
        if (name.contains("loss") || name.contains("error") || name.equals("mse") || name.equals("mae")
                || name.equals("mape") || name.equals("msle") || name.contains("crossentropy") || name.equals("rmse")
                || name.contains("hinge") || name.contains("divergence") || name.equals("logcosh")
                || name.equals("poisson")) {
            return false;
        }
        return null;
    }
}
