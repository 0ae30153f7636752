package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;

/**
 * Logistic regression, as chapter 6 of the tutorial: hours studied against pass (1) or fail (0), one
 * {@code Dense(1)} unit with a sigmoid, SGD on the binary cross-entropy for 5,000 epochs.
 *
 * <pre>{@code
 * model = Sequential()
 * model.add(Dense(1, input_dim=1, activation='sigmoid'))
 * model.compile(optimizer='sgd', loss='binary_crossentropy')
 * model.fit(x, y, epochs=5000)
 * }</pre>
 */
public final class LogisticRegression {

    /** Hours studied. */
    static final float[] HOURS = {2, 4, 6, 8, 10, 12, 14};
    /** Passed (1) or failed (0). */
    static final float[] PASSED = {0, 0, 0, 1, 1, 1, 1};

    /** Share of the seven students classified right (probability above 0.5) and the pass probabilities. */
    public record Result(double accuracy, float[] passProbability, double probabilityFor7Hours) {
    }

    private LogisticRegression() {
    }

    /**
     * Trains the sigmoid neuron with {@code seed}.
     *
     * @param verbose 0 silent, 1 prints the model summary, 2 also one line per epoch (Keras's verbose=2)
     */
    public static Result run(long seed, int verbose) {
        Ganglion.setRandomSeed(seed);
        Tensor x = Tensor.of(HOURS, HOURS.length, 1);
        Tensor y = Tensor.of(PASSED, PASSED.length, 1);

        Sequential model = new Sequential();
        model.add(new Dense(1, "sigmoid").inputShape(1));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("sgd", "binary_crossentropy");
        model.fit(x, y, new FitOptions().epochs(5000).verbose(verbose == 2 ? 2 : 0));

        float[] p = model.predict(x, 32, 0).toFloatArray();
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] > 0.5f) == (PASSED[i] == 1f) ? 1 : 0;
        }
        float at7 = model.predict(Tensor.of(new float[]{7}, 1, 1), 32, 0).get(0, 0);
        return new Result((double) right / p.length, p, at7);
    }

    /** Prints the predicted pass probability for each number of hours. */
    public static void main(String[] args) {
        Result r = run(42, 1);
        for (int i = 0; i < HOURS.length; i++) {
            System.out.printf("%2.0f hours: pass probability %.3f (actual: %s)%n", HOURS[i], r.passProbability()[i],
                    PASSED[i] == 1f ? "passed" : "failed");
        }
        System.out.printf("7 hours: pass probability %.3f%n", r.probabilityFor7Hours());
        System.out.printf("Accuracy: %.4f%n", r.accuracy());
    }
}
