package ganglion.losses;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Looks losses up by their Keras names, as {@code keras.losses.get} and {@code compile()} do
 * ({@code keras/src/losses/__init__.py}, {@code keras/src/trainers/compile_utils.py}).
 *
 * <p>Accepted names: the class names ("CategoricalCrossentropy"), the function names
 * ("categorical_crossentropy") and Keras's aliases ("mse", "MSE", "mae", "MAE", "mape", "MAPE", "msle",
 * "MSLE", "bce", "BCE", "kld", "KLD"). A loss obtained from a function name or alias is named by that string,
 * as {@code compile(loss="mse")} names it; one obtained from a class name keeps the class's default name.
 */
public final class Losses {

    private static final Map<String, Supplier<Loss>> CLASSES = new LinkedHashMap<>();
    private static final Map<String, Supplier<Loss>> FUNCTIONS = new LinkedHashMap<>();

    static {
        klass("MeanSquaredError", MeanSquaredError::new, "mean_squared_error", "mse", "MSE");
        klass("MeanAbsoluteError", MeanAbsoluteError::new, "mean_absolute_error", "mae", "MAE");
        klass("MeanAbsolutePercentageError", MeanAbsolutePercentageError::new, "mean_absolute_percentage_error",
                "mape", "MAPE");
        klass("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::new, "mean_squared_logarithmic_error",
                "msle", "MSLE");
        klass("BinaryCrossentropy", BinaryCrossentropy::new, "binary_crossentropy", "bce", "BCE");
        klass("CategoricalCrossentropy", CategoricalCrossentropy::new, "categorical_crossentropy");
        klass("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy::new, "sparse_categorical_crossentropy");
        klass("Huber", Huber::new, "huber");
        klass("LogCosh", LogCosh::new, "log_cosh");
        klass("Hinge", Hinge::new, "hinge");
        klass("SquaredHinge", SquaredHinge::new, "squared_hinge");
        klass("CategoricalHinge", CategoricalHinge::new, "categorical_hinge");
        klass("KLDivergence", KLDivergence::new, "kl_divergence", "kld", "KLD");
        klass("Poisson", Poisson::new, "poisson");
    }

    private Losses() {
    }

    private static void klass(String className, Supplier<Loss> make, String... functionNames) {
        CLASSES.put(className, make);
        for (String f : functionNames) {
            FUNCTIONS.put(f, make);
        }
    }

    /**
     * The loss with this Keras name.
     *
     * @throws IllegalArgumentException naming every valid identifier when the name is unknown
     */
    public static Loss get(String identifier) {
        if (identifier == null) {
            throw new IllegalArgumentException("Could not interpret loss identifier: null. Valid names: " + names());
        }
        Supplier<Loss> f = FUNCTIONS.get(identifier);
        if (f != null) {
            return f.get().name(identifier);
        }
        Supplier<Loss> c = CLASSES.get(identifier);
        if (c != null) {
            return c.get();
        }
        String hint = "";
        if (identifier.equalsIgnoreCase("crossentropy") || identifier.equalsIgnoreCase("ce")) {
            hint = " (\"" + identifier + "\" is resolved from the label and output shapes: use "
                    + "get(name, yTrueShape, yPredShape))";
        }
        throw new IllegalArgumentException("Could not interpret loss identifier: '" + identifier + "'" + hint
                + ". Valid names: " + names());
    }

    /**
     * The loss {@code compile()} uses for this name given the shapes of one batch of labels and predictions
     * (Keras's {@code compile_utils.get_loss}): "crossentropy" and "ce" (any case) become binary, sparse
     * categorical or categorical crossentropy, decided by the shapes as for "accuracy"; other names are looked
     * up with {@link #get(String)}.
     */
    public static Loss get(String identifier, int[] yTrueShape, int[] yPredShape) {
        if (identifier != null) {
            String lower = identifier.toLowerCase(Locale.ROOT);
            if (lower.equals("crossentropy") || lower.equals("ce")) {
                Loss l;
                if (isBinary(yPredShape)) {
                    l = new BinaryCrossentropy();
                } else if (isSparseCategorical(yTrueShape, yPredShape)) {
                    l = new SparseCategoricalCrossentropy();
                } else {
                    l = new CategoricalCrossentropy();
                }
                return l.name(identifier);
            }
        }
        return get(identifier);
    }

    /** Keras's binary case: the predictions' last axis has length 1. */
    static boolean isBinary(int[] yPredShape) {
        return yPredShape.length > 0 && yPredShape[yPredShape.length - 1] == 1;
    }

    /**
     * Keras's sparse case: the labels have a lower rank than the predictions, or a last axis of length 1
     * while the predictions' is longer.
     */
    static boolean isSparseCategorical(int[] yTrueShape, int[] yPredShape) {
        int tLast = yTrueShape.length == 0 ? -1 : yTrueShape[yTrueShape.length - 1];
        int pLast = yPredShape.length == 0 ? -1 : yPredShape[yPredShape.length - 1];
        return yTrueShape.length < yPredShape.length || (tLast == 1 && pLast > 1);
    }

    /** Every name {@link #get(String)} accepts, sorted. */
    public static Set<String> names() {
        Set<String> s = new TreeSet<>(CLASSES.keySet());
        s.addAll(FUNCTIONS.keySet());
        return s;
    }

    /**
     * Rebuilds a loss from its Keras class name and {@code get_config()} dictionary, as
     * {@code keras.losses.deserialize} does. Known keys: name, reduction, from_logits, label_smoothing, axis,
     * delta; others are ignored.
     */
    public static Loss fromConfig(String className, Map<String, ?> config) {
        Supplier<Loss> c = CLASSES.get(className);
        if (c == null) {
            c = FUNCTIONS.get(className);
        }
        if (c == null) {
            throw new IllegalArgumentException("Unknown loss class '" + className + "'. Valid names: " + names());
        }
        Loss l = c.get();
        Object v;
        if ((v = config.get("name")) instanceof String s) {
            l.name(s);
        }
        if (config.containsKey("reduction")) {
            Object r = config.get("reduction");
            l.reduction(r == null ? null : r.toString());
        }
        boolean fromLogits = config.get("from_logits") instanceof Boolean b && b;
        float smoothing = (v = config.get("label_smoothing")) instanceof Number num ? num.floatValue() : 0f;
        Integer axis = (v = config.get("axis")) instanceof Number num ? num.intValue() : null;
        if (l instanceof CategoricalCrossentropy cc) {
            cc.fromLogits(fromLogits).labelSmoothing(smoothing);
            if (axis != null) {
                cc.axis(axis);
            }
        } else if (l instanceof BinaryCrossentropy bc) {
            bc.fromLogits(fromLogits).labelSmoothing(smoothing);
            if (axis != null) {
                bc.axis(axis);
            }
        } else if (l instanceof SparseCategoricalCrossentropy sc) {
            sc.fromLogits(fromLogits);
        } else if (l instanceof Huber h && (v = config.get("delta")) instanceof Number num) {
            h.delta(num.floatValue());
        }
        return l;
    }
}
