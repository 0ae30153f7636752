package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.util.List;

/**
 * Linear regression with one neuron, as chapter 5 of the tutorial: hours studied {@code x} against
 * exam score {@code y}, one {@code Dense(1)} unit with a linear activation, plain SGD on the mean
 * squared error for 2,000 epochs. Least squares gives {@code y = 2.3 x + 79}; gradient descent gets there.
 *
 * <pre>{@code
 * model = Sequential()
 * model.add(Dense(1, input_dim=1, activation='linear'))
 * model.compile(optimizer='sgd', loss='mse')
 * model.fit(x, y, epochs=2000)
 * }</pre>
 */
public final class LinearRegression {

    /** What the fit learned: the line's slope and intercept, its final loss, and the score predicted for 7 hours. */
    public record Result(double slope, double intercept, double finalLoss, double predictionFor7Hours) {
    }

    private LinearRegression() {
    }

    /**
     * Trains the one-neuron model with {@code seed} and returns the learned line.
     *
     * @param verbose 0 silent, 1 prints the model summary, 2 also one line per epoch (Keras's verbose=2)
     */
    public static Result run(long seed, int verbose) {
        Ganglion.setRandomSeed(seed);
        Tensor x = Tensor.of(new float[]{2, 4, 6, 8}, 4, 1);      // hours studied
        Tensor y = Tensor.of(new float[]{81, 93, 91, 97}, 4, 1);  // exam scores

        Sequential model = new Sequential();
        model.add(new Dense(1, "linear").inputShape(1));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("sgd", "mse");
        History h = model.fit(x, y, new FitOptions().epochs(2000).verbose(verbose == 2 ? 2 : 0));

        List<Tensor> w = model.layers().get(0).getWeights();      // kernel (1, 1), bias (1)
        List<Double> loss = h.history().get("loss");
        Tensor hour = Tensor.of(new float[]{7}, 1, 1);
        float predicted = model.predict(hour, 32, 0).get(0, 0);
        return new Result(w.get(0).get(0, 0), w.get(1).get(0), loss.get(loss.size() - 1), predicted);
    }

    /** Prints the loss every 400 epochs, the learned line and the predicted score for 7 hours. */
    public static void main(String[] args) {
        Result r = run(42, 1);
        System.out.printf("Learned line: score = %.3f * hours + %.3f (least squares: 2.300 * hours + 79.000)%n",
                r.slope(), r.intercept());
        System.out.printf("Final loss (mse): %.4f%n", r.finalLoss());
        System.out.printf("Predicted score after 7 hours of study: %.2f%n", r.predictionFor7Hours());
    }
}
