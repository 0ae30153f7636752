package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.data.CsvOptions;
import ganglion.data.StandardScaler;
import ganglion.data.Table;
import ganglion.datasets.DataPaths;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.plot.Plots;
import ganglion.utils.ClassificationReport;
import ganglion.utils.ConfusionMatrix;
import ganglion.utils.CrossValidation;
import ganglion.utils.StratifiedKFold;
import ganglion.utils.TrainTestSplit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 13 of the tutorial, "checking a model's performance": a held-out test set, then k-fold
 * cross-validation, on a real table. The book uses the sonar table (208 rows, 60 features, two classes);
 * here it is scikit-learn's breast-cancer table (569 rows, 30 features, malignant/benign), the same kind
 * of problem:
 * <pre>{@code
 * X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=seed)
 * model = Sequential([Dense(24, activation='relu', input_dim=30), Dense(10, activation='relu'),
 *                     Dense(1, activation='sigmoid')])
 * model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
 * print(classification_report(y_test, model.predict(X_test) > 0.5))
 * skf = StratifiedKFold(n_splits=5, shuffle=True)
 * for train, test in skf.split(X, y): ... model.fit(X[train], y[train]); model.evaluate(X[test], y[test])
 * }</pre>
 * Writes {@code confusion_matrix.png} and {@code kfold_accuracy.png} into the figures folder (first
 * argument, default {@code ./figures}).
 */
public final class KFoldExample {

    /** Held-out accuracy, the per-fold accuracies and their mean. */
    public record Result(double testAccuracy, List<Double> foldAccuracies, double meanAccuracy, List<Path> figures) {
    }

    private KFoldExample() {
    }

    /** The breast-cancer table: features [569, 30] standardized, labels [569, 1] (0 malignant, 1 benign). */
    static Tensor[] loadBreastCancer() {
        Path csv = DataPaths.standard().require("sklearn-small", "scikit-learn's toy data sets",
                List.of("breast_cancer.csv"), "see ../shared/data/sklearn-small/SOURCE.txt").resolve("breast_cancer.csv");
        // first line: "569,30,malignant,benign" (counts and class names), then 30 features and the class
        Table t = Table.readCsv(csv, CsvOptions.defaults().skipRows(1).header(false));
        Table features = t.drop("30");
        Tensor x = new StandardScaler().fitTransform(features.toTensor());
        Tensor y = t.columnTensor("30").reshape(-1, 1);
        return new Tensor[]{x, y};
    }

    static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Dense(24, "relu").inputShape(30));
        m.add(new Dense(10, "relu"));
        m.add(new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy", "accuracy");
        return m;
    }

    public static Result run(Path figures, int epochs, int folds, int verbose) {
        Ganglion.setRandomSeed(42);
        Tensor[] data = loadBreastCancer();
        Tensor x = data[0];
        Tensor y = data[1];

        // 1. train / test split
        TrainTestSplit s = TrainTestSplit.trainTestSplit(x, y, 0.3, 42, y);
        Sequential m = model();
        m.fit(s.xTrain(), s.yTrain(), new FitOptions().epochs(epochs).batchSize(16).verbose(verbose == 0 ? 0 : 2));
        double testAccuracy = m.evaluate(s.xTest(), s.yTest(), 32, 0).get("accuracy");
        Tensor predicted = m.predict(s.xTest(), 32, 0);
        String[] names = {"malignant", "benign"};
        System.out.println("\n Test accuracy: " + String.format("%.4f", testAccuracy) + "\n");
        System.out.println(ClassificationReport.of(s.yTest(), predicted, names));
        int[][] cm = ConfusionMatrix.confusionMatrix(s.yTest(), predicted);
        Path cmPng = Plots.confusionMatrix(cm, names).save(figures.resolve("confusion_matrix.png"));

        // 2. k-fold cross-validation (stratified, shuffled)
        CrossValidation.Result cv = CrossValidation.crossValidate(KFoldExample::model, x, y,
                new StratifiedKFold(folds).shuffle(true).seed(42), new FitOptions().epochs(epochs).batchSize(16)
                        .verbose(0));
        List<Double> acc = cv.scores("accuracy");
        StringBuilder line = new StringBuilder();
        for (double a : acc) {
            line.append(line.length() == 0 ? "" : ", ").append(String.format("'%.4f'", a));
        }
        System.out.println("\n " + folds + " fold accuracy: [" + line + "]");
        System.out.printf(" mean accuracy: %.4f (std %.4f)%n", cv.mean("accuracy"), cv.std("accuracy"));
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        for (int k = 0; k < folds; k++) {
            curves.put("fold " + (k + 1) + " training accuracy", cv.histories().get(k).history().get("accuracy"));
        }
        Path cvPng = Plots.curves(folds + "-fold cross-validation", "epoch", "accuracy", curves)
                .save(figures.resolve("kfold_accuracy.png"));
        return new Result(testAccuracy, acc, cv.mean("accuracy"), List.of(cmPng, cvPng));
    }

    /** Arguments: the figures folder (default ./figures). */
    public static void main(String[] args) {
        Path figures = Path.of(args.length > 0 ? args[0] : "figures");
        Result r = run(figures, 50, 5, 1);
        System.out.println("Figures: " + r.figures());
    }
}
