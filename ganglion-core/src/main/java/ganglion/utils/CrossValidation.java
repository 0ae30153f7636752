package ganglion.utils;

import ganglion.Tensor;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * K-fold cross-validation of a Keras model, the loop of the tutorials' chapter 13 (scikit-learn's
 * {@code cross_validate} with a fresh model per fold): for every fold, a new compiled model from the
 * factory is fitted on the training rows and evaluated on the test rows.
 *
 * <pre>{@code
 * CrossValidation.Result r = CrossValidation.crossValidate(() -> buildModel(), x, y,
 *         new StratifiedKFold(10).shuffle(true).seed(0), new FitOptions().epochs(100).batchSize(5).verbose(0));
 * System.out.println(r.scores("accuracy") + " mean " + r.mean("accuracy"));
 * }</pre>
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * The result: per fold the {@code evaluate()} map on its test rows ("loss" and each metric) and the
     * fit's History.
     */
    public record Result(List<Map<String, Double>> foldScores, List<History> histories) {

        public Result {
            foldScores = Collections.unmodifiableList(new ArrayList<>(foldScores));
            histories = Collections.unmodifiableList(new ArrayList<>(histories));
        }

        /** The value of one key ("loss", "accuracy", ...) per fold. */
        public List<Double> scores(String key) {
            List<Double> r = new ArrayList<>(foldScores.size());
            for (Map<String, Double> m : foldScores) {
                Double v = m.get(key);
                if (v == null) {
                    throw new IllegalArgumentException("No score named '" + key + "'; the folds report " + m.keySet());
                }
                r.add(v);
            }
            return r;
        }

        /** The mean over folds of one key. */
        public double mean(String key) {
            double s = 0;
            List<Double> v = scores(key);
            for (double d : v) {
                s += d;
            }
            return s / v.size();
        }

        /** The population standard deviation over folds (numpy's {@code std}). */
        public double std(String key) {
            double m = mean(key);
            double s = 0;
            List<Double> v = scores(key);
            for (double d : v) {
                s += (d - m) * (d - m);
            }
            return Math.sqrt(s / v.size());
        }

        /** The mean over folds of every key. */
        public Map<String, Double> means() {
            Map<String, Double> r = new LinkedHashMap<>();
            if (!foldScores.isEmpty()) {
                for (String k : foldScores.get(0).keySet()) {
                    r.put(k, mean(k));
                }
            }
            return r;
        }
    }

    /**
     * Fits {@code modelFactory.get()} (a new compiled model) on each fold's training rows with
     * {@code fitOptions}, then evaluates it (silently) on the fold's test rows.
     */
    public static Result crossValidate(Supplier<? extends Model> modelFactory, Tensor x, Tensor y,
                                       CrossValidator folds, FitOptions fitOptions) {
        if (x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("crossValidate: x has " + x.shape(0) + " rows but y has " + y.shape(0));
        }
        List<Map<String, Double>> scores = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        for (Fold f : folds.split(x, y)) {
            Model m = modelFactory.get();
            if (m == null || !m.isCompiled()) {
                throw new IllegalArgumentException("crossValidate: the model factory must return a new compiled model "
                        + "for every fold (fold " + f.index() + " got " + (m == null ? "null" : "an uncompiled model") + ")");
            }
            histories.add(m.fit(f.train(x), f.train(y), fitOptions));
            scores.add(m.evaluate(f.test(x), f.test(y), fitOptions.batchSize(), 0));
        }
        return new Result(scores, histories);
    }
}
