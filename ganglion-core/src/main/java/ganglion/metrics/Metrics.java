package ganglion.metrics;

import ganglion.losses.Loss;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Looks metrics up by their Keras names, as {@code keras.metrics.get} and {@code compile()} do
 * ({@code keras/src/metrics/__init__.py}, {@code keras/src/trainers/compile_utils.py}).
 *
 * <p>Accepted names: class names ("CategoricalAccuracy"), their snake_case forms ("categorical_accuracy"),
 * and Keras's aliases "mse", "MSE", "mae", "MAE", "mape", "MAPE", "msle", "MSLE", "bce", "BCE". Loss names
 * ("binary_crossentropy", "kl_divergence", ...) give the running mean of that loss.
 */
public final class Metrics {

    private static final Map<String, Supplier<Metric>> BY_NAME = new LinkedHashMap<>();

    static {
        put(Accuracy::new, "Accuracy", "accuracy");
        put(BinaryAccuracy::new, "BinaryAccuracy", "binary_accuracy");
        put(CategoricalAccuracy::new, "CategoricalAccuracy", "categorical_accuracy");
        put(SparseCategoricalAccuracy::new, "SparseCategoricalAccuracy", "sparse_categorical_accuracy");
        put(TopKCategoricalAccuracy::new, "TopKCategoricalAccuracy", "top_k_categorical_accuracy");
        put(SparseTopKCategoricalAccuracy::new, "SparseTopKCategoricalAccuracy", "sparse_top_k_categorical_accuracy");
        put(MeanSquaredError::new, "MeanSquaredError", "mean_squared_error", "mse", "MSE");
        put(MeanAbsoluteError::new, "MeanAbsoluteError", "mean_absolute_error", "mae", "MAE");
        put(RootMeanSquaredError::new, "RootMeanSquaredError", "root_mean_squared_error");
        put(Precision::new, "Precision", "precision");
        put(Recall::new, "Recall", "recall");
        put(Mean::new, "Mean", "mean");
        put(AUC::new, "AUC", "auc");
        loss("binary_crossentropy", ganglion.losses.BinaryCrossentropy::new, "BinaryCrossentropy", "bce", "BCE");
        loss("categorical_crossentropy", ganglion.losses.CategoricalCrossentropy::new, "CategoricalCrossentropy");
        loss("sparse_categorical_crossentropy", ganglion.losses.SparseCategoricalCrossentropy::new,
                "SparseCategoricalCrossentropy");
        loss("kl_divergence", ganglion.losses.KLDivergence::new, "KLDivergence");
        loss("poisson", ganglion.losses.Poisson::new, "Poisson");
        loss("hinge", ganglion.losses.Hinge::new, "Hinge");
        loss("squared_hinge", ganglion.losses.SquaredHinge::new, "SquaredHinge");
        loss("categorical_hinge", ganglion.losses.CategoricalHinge::new, "CategoricalHinge");
        loss("mean_absolute_percentage_error", ganglion.losses.MeanAbsolutePercentageError::new,
                "MeanAbsolutePercentageError", "mape", "MAPE");
        loss("mean_squared_logarithmic_error", ganglion.losses.MeanSquaredLogarithmicError::new,
                "MeanSquaredLogarithmicError", "msle", "MSLE");
        BY_NAME.put("LogCoshError", () -> lossMetric("logcosh", new ganglion.losses.LogCosh()));
        BY_NAME.put("log_cosh_error", () -> lossMetric("logcosh", new ganglion.losses.LogCosh()));
    }

    private Metrics() {
    }

    private static void put(Supplier<Metric> make, String... names) {
        for (String n : names) {
            BY_NAME.put(n, make);
        }
    }

    private static void loss(String name, Supplier<Loss> make, String... more) {
        Supplier<Metric> m = () -> lossMetric(name, make.get());
        BY_NAME.put(name, m);
        for (String n : more) {
            BY_NAME.put(n, m);
        }
    }

    private static Metric lossMetric(String name, Loss loss) {
        return new MeanMetricWrapper(loss::call, name);
    }

    /**
     * The metric with this Keras name and the class's default name (as {@code keras.metrics.get}; "accuracy"
     * gives the exact-match {@link Accuracy}).
     *
     * @throws IllegalArgumentException naming every valid identifier when the name is unknown
     */
    public static Metric get(String identifier) {
        Supplier<Metric> s = identifier == null ? null : BY_NAME.get(identifier);
        if (s == null) {
            String hint = "acc".equalsIgnoreCase(identifier) ? " (\"acc\" is resolved from the label and output "
                    + "shapes: use get(name, yTrueShape, yPredShape))" : "";
            throw new IllegalArgumentException("Could not interpret metric identifier: '" + identifier + "'" + hint
                    + ". Valid names: " + names());
        }
        return s.get();
    }

    /**
     * The metric {@code compile()} builds for this name, given the shapes of one batch of labels and predictions
     * (Keras's {@code compile_utils.get_metric}). "accuracy" and "acc" (any case) become
     * {@link BinaryAccuracy} when the predictions' last axis is 1, {@link SparseCategoricalAccuracy} when the
     * labels have a lower rank than the predictions or a last axis of 1 while the predictions' is longer, and
     * {@link CategoricalAccuracy} otherwise. The metric is named by the string given, as in Keras's logs
     * ("acc" stays "acc", "mse" stays "mse").
     */
    public static Metric get(String identifier, int[] yTrueShape, int[] yPredShape) {
        if (identifier != null) {
            String lower = identifier.toLowerCase(Locale.ROOT);
            if (lower.equals("accuracy") || lower.equals("acc")) {
                if (isBinary(yPredShape)) {
                    return new BinaryAccuracy(identifier, 0.5f);
                }
                if (isSparseCategorical(yTrueShape, yPredShape)) {
                    return new SparseCategoricalAccuracy(identifier);
                }
                return new CategoricalAccuracy(identifier);
            }
        }
        return get(identifier).name(identifier);
    }

    /** Keras's binary case: the predictions' last axis has length 1. */
    static boolean isBinary(int[] yPredShape) {
        return yPredShape.length > 0 && yPredShape[yPredShape.length - 1] == 1;
    }

    /** Keras's sparse case: lower label rank, or a label last axis of 1 against a longer prediction axis. */
    static boolean isSparseCategorical(int[] yTrueShape, int[] yPredShape) {
        int tLast = yTrueShape.length == 0 ? -1 : yTrueShape[yTrueShape.length - 1];
        int pLast = yPredShape.length == 0 ? -1 : yPredShape[yPredShape.length - 1];
        return yTrueShape.length < yPredShape.length || (tLast == 1 && pLast > 1);
    }

    /** Every name {@link #get(String)} accepts, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }
}
