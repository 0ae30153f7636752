package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.EarlyStopping;
import ganglion.data.Column;
import ganglion.data.CsvOptions;
import ganglion.data.StandardScaler;
import ganglion.data.Table;
import ganglion.datasets.DataPaths;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.plot.Plots;
import ganglion.utils.TrainTestSplit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chapter 15 of the tutorial, "a model on real data": house-price regression with the pandas steps
 * {@code isnull().sum()}, {@code fillna(df.mean())}, {@code get_dummies}, {@code corr()} to choose the
 * columns most related to the price, then a Dense network trained with mean squared error and
 * {@code EarlyStopping}:
 * <pre>{@code
 * df = pd.get_dummies(df); df = df.fillna(df.mean())
 * cols_train = df.corr().sort_values('SalePrice', ascending=False)['SalePrice'].index[1:6]
 * model = Sequential([Dense(10, activation='relu', input_dim=n), Dense(30, activation='relu'),
 *                     Dense(40, activation='relu'), Dense(1)])
 * model.compile(optimizer='adam', loss='mean_squared_error')
 * history = model.fit(X_train, y_train, validation_split=0.25, epochs=2000, batch_size=32,
 *                     callbacks=[EarlyStopping(monitor='val_loss', patience=20)])
 * }</pre>
 * The book uses Kaggle's house-price table; here it is the Boston house-price table shipped with
 * scikit-learn (506 rows, price MEDV in $1000s). That table has no gaps, so 5% of the cells of three
 * columns are blanked with a fixed seed first, to show the missing-value handling (the file is not
 * changed). Writes {@code house_loss.png} and {@code house_predictions.png}.
 */
public final class HousePrices {

    /** The test error, the chosen columns and the figures. */
    public record Result(double testMae, double testRmse, List<String> features, Map<String, Integer> missingBefore,
                         List<Path> figures) {
    }

    private HousePrices() {
    }

    static Table load() {
        Path dir = DataPaths.standard().require("sklearn-small", "scikit-learn's toy data sets",
                List.of("boston_house_prices.csv"), "see ../shared/data/sklearn-small/SOURCE.txt");
        // line 1: "506,13,,,..." (counts), line 2: the header
        return Table.readCsv(dir.resolve("boston_house_prices.csv"), CsvOptions.defaults().skipRows(1));
    }

    /** Blanks {@code share} of the cells of the given columns (seeded), as real tables come. */
    static Table withGaps(Table t, double share, long seed, String... columns) {
        Random r = new Random(seed);
        for (String c : columns) {
            double[] v = t.numbers(c);
            for (int i = 0; i < v.length; i++) {
                if (r.nextDouble() < share) {
                    v[i] = Double.NaN;
                }
            }
            t = t.withColumn(Column.numeric(c, v));
        }
        return t;
    }

    public static Result run(Path figures, int maxEpochs, int verbose) {
        Ganglion.setRandomSeed(3);
        Table df = withGaps(load(), 0.05, 3, "RM", "LSTAT", "PTRATIO");
        Map<String, Integer> missing = df.isNull();
        System.out.println("Missing values per column (df.isnull().sum()):");
        missing.forEach((name, n) -> System.out.printf("  %-10s %d%n", name, n));

        df = df.oneHot("CHAS");                      // pd.get_dummies on the Charles-river flag
        df = df.fillNa(Table.Fill.MEAN);             // df.fillna(df.mean())
        Map<String, Double> byPrice = df.corr().sortedBy("MEDV");
        System.out.println("\nCorrelation with MEDV (df.corr().sort_values('MEDV', ascending=False)['MEDV']):");
        byPrice.forEach((name, r) -> System.out.printf("  %-10s % .4f%n", name, r));

        // the five columns most related to the price, by absolute correlation
        List<String> features = new ArrayList<>(byPrice.keySet());
        features.remove("MEDV");
        features.sort((a, b) -> Double.compare(Math.abs(byPrice.get(b)), Math.abs(byPrice.get(a))));
        features = new ArrayList<>(features.subList(0, 5));
        System.out.println("\nFeatures: " + features);

        Tensor x = df.toTensor(features.toArray(new String[0]));
        Tensor y = df.columnTensor("MEDV").reshape(-1, 1);
        TrainTestSplit s = TrainTestSplit.trainTestSplit(x, y, 0.2, 3);
        StandardScaler scaler = new StandardScaler().fit(s.xTrain());
        Tensor xTrain = scaler.transform(s.xTrain());
        Tensor xTest = scaler.transform(s.xTest());

        Sequential model = new Sequential();
        model.add(new Dense(10, "relu").inputShape(features.size()));
        model.add(new Dense(30, "relu"));
        model.add(new Dense(40, "relu"));
        model.add(new Dense(1));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "mse", "mae");
        EarlyStopping early = new EarlyStopping().monitor("val_loss").patience(20).restoreBestWeights(true)
                .verbose(verbose);
        History h = model.fit(xTrain, s.yTrain(), new FitOptions().epochs(maxEpochs).batchSize(32)
                .validationSplit(0.25).verbose(0).callbacks(early));

        Tensor predicted = model.predict(xTest, 32, 0);
        float[] p = predicted.toFloatArray();
        float[] a = s.yTest().toFloatArray();
        double se = 0;
        double ae = 0;
        for (int i = 0; i < a.length; i++) {
            se += (p[i] - a[i]) * (p[i] - a[i]);
            ae += Math.abs(p[i] - a[i]);
        }
        double rmse = Math.sqrt(se / a.length);
        double mae = ae / a.length;
        for (int i = 0; i < 5; i++) {
            System.out.printf("Actual price: %.2f, predicted price: %.2f%n", a[i], p[i]);
        }
        System.out.printf("Test MAE %.3f, RMSE %.3f (in $1000s) after %d epochs%n", mae, rmse, h.epoch().size());

        Path loss = Plots.history(h, "loss", "val_loss").save(figures.resolve("house_loss.png"));
        Path pva = Plots.predictedVsActual(s.yTest(), predicted, "House prices: predicted vs actual ($1000s)")
                .save(figures.resolve("house_predictions.png"));
        return new Result(mae, rmse, features, missing, List.of(loss, pva));
    }

    /** Arguments: the figures folder (default ./figures). */
    public static void main(String[] args) {
        Path figures = Path.of(args.length > 0 ? args[0] : "figures");
        Result r = run(figures, 2000, 1);
        System.out.println("Figures: " + r.figures());
    }
}
