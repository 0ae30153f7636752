package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.LabeledData;
import ganglion.datasets.PimaIndiansDiabetes;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.util.Map;

/**
 * Binary classification on a real table, as chapters 10 and 11 of the tutorial: will a patient of the
 * Pima Indians Diabetes study develop diabetes? Eight measurements in, one sigmoid out:
 *
 * <pre>{@code
 * model = Sequential()
 * model.add(Dense(12, input_dim=8, activation='relu'))
 * model.add(Dense(8, activation='relu'))
 * model.add(Dense(1, activation='sigmoid'))
 * model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
 * }</pre>
 *
 * 20% of the rows are held out (stratified, fixed seed) and never seen in training. Two additions to the
 * tutorial make the result stable across seeds: the features are standardized with the training rows'
 * mean and standard deviation (what {@code keras.layers.Normalization} with {@code adapt()} does), and
 * the hidden kernels get Keras's default L2 penalty ({@code kernel_regularizer='l2'}, 0.01). Held-out
 * accuracy on this table is typically 0.75 to 0.80 and depends on the split.
 */
public final class PimaDiabetes {

    /** Held-out loss and accuracy, and the training history. */
    public record Result(double testLoss, double testAccuracy, History history) {
    }

    private PimaDiabetes() {
    }

    /** Splits, standardizes, trains for {@code epochs} and evaluates on the held-out 20%. */
    public static Result run(long seed, int epochs, int verbose) {
        return run(seed, seed, epochs, verbose);
    }

    /** As {@link #run(long, int, int)}, with separate seeds for the split and for training. */
    public static Result run(long splitSeed, long seed, int epochs, int verbose) {
        Ganglion.setRandomSeed(seed);
        LabeledData table = PimaIndiansDiabetes.loadData();                 // x [768, 8], y [768]
        TrainTestData d = table.stratifiedSplit(0.2, splitSeed);

        Tensor mean = d.xTrain().mean(0, true);
        Tensor std = d.xTrain().variance(0, true).sqrt().add(1e-7f);
        Tensor xTrain = d.xTrain().sub(mean).div(std);
        Tensor xTest = d.xTest().sub(mean).div(std);
        Tensor yTrain = d.yTrain().reshape(-1, 1);
        Tensor yTest = d.yTest().reshape(-1, 1);

        Sequential model = new Sequential();
        model.add(new Dense(12, "relu").inputShape(8).kernelRegularizer("l2"));
        model.add(new Dense(8, "relu").kernelRegularizer("l2"));
        model.add(new Dense(1, "sigmoid"));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "binary_crossentropy", "accuracy");
        History h = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, yTest, 32, verbose == 0 ? 0 : 2);
        return new Result(test.get("loss"), test.get("accuracy"), h);
    }

    /** Trains for 100 epochs with Keras's one-line-per-epoch output and prints the held-out accuracy. */
    public static void main(String[] args) {
        Result r = run(42, 100, 2);
        System.out.printf("%nHeld-out accuracy: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
    }
}
