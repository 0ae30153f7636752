package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.LabeledData;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.utils.Utils;

import java.util.Map;

/**
 * Multi-class classification, as chapter 12 of the tutorial: the species of an iris from four
 * measurements, with one-hot targets ({@code to_categorical}), a softmax output and the categorical
 * cross-entropy:
 *
 * <pre>{@code
 * model = Sequential()
 * model.add(Dense(12, input_dim=4, activation='relu'))
 * model.add(Dense(8, activation='relu'))
 * model.add(Dense(3, activation='softmax'))
 * model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
 * }</pre>
 *
 * 20% of the flowers (10 of each species, fixed seed) are held out for the test.
 */
public final class Iris {

    /** Held-out loss and accuracy, and the training history. */
    public record Result(double testLoss, double testAccuracy, History history) {
    }

    private Iris() {
    }

    /** Splits, trains for {@code epochs} and evaluates on the held-out 20%. */
    public static Result run(long seed, int epochs, int verbose) {
        Ganglion.setRandomSeed(seed);
        LabeledData table = ganglion.datasets.Iris.loadData();           // x [150, 4], y [150] in 0..2
        TrainTestData d = table.stratifiedSplit(0.2, seed);
        Tensor yTrain = Utils.toCategorical(d.yTrain(), 3);              // one-hot, [120, 3]
        Tensor yTest = Utils.toCategorical(d.yTest(), 3);

        Sequential model = new Sequential();
        model.add(new Dense(12, "relu").inputShape(4));
        model.add(new Dense(8, "relu"));
        model.add(new Dense(3, "softmax"));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "categorical_crossentropy", "accuracy");
        History h = model.fit(d.xTrain(), yTrain, new FitOptions().epochs(epochs).batchSize(5).verbose(verbose));
        Map<String, Double> test = model.evaluate(d.xTest(), yTest, 32, verbose == 0 ? 0 : 2);
        return new Result(test.get("loss"), test.get("accuracy"), h);
    }

    /** Trains with Keras's one-line-per-epoch output and prints the held-out accuracy. */
    public static void main(String[] args) {
        Result r = run(42, 100, 2);
        System.out.printf("%nHeld-out accuracy: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
    }
}
