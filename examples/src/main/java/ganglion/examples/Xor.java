package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;

/**
 * The XOR problem of chapters 7 and 8: no single perceptron separates {@code (0,1), (1,0)} from
 * {@code (0,0), (1,1)}, but a hidden layer does. A {@code Dense(8, "tanh")} hidden layer and a sigmoid
 * output, trained with Adam on the binary cross-entropy, classify all four points.
 */
public final class Xor {

    static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final float[] TARGETS = {0, 1, 1, 0};

    /** How many of the four points are right, and the predicted probabilities. */
    public record Result(int correct, float[] outputs) {
    }

    private Xor() {
    }

    /**
     * Trains the two-layer network with {@code seed}.
     *
     * @param verbose 0 silent, 1 prints the model summary, 2 also one line per epoch (Keras's verbose=2)
     */
    public static Result run(long seed, int verbose) {
        Ganglion.setRandomSeed(seed);
        Tensor x = Tensor.of(INPUTS);
        Tensor y = Tensor.of(TARGETS, 4, 1);

        Sequential model = new Sequential();
        model.add(new Dense(8, "tanh").inputShape(2));   // the hidden layer a single perceptron lacks
        model.add(new Dense(1, "sigmoid"));
        if (verbose > 0) {
            model.summary();
        }
        model.compile(new Adam(0.05f), "binary_crossentropy", "accuracy");
        model.fit(x, y, new FitOptions().epochs(300).batchSize(4).verbose(verbose == 2 ? 2 : 0));

        float[] out = model.predict(x, 4, 0).toFloatArray();
        int correct = 0;
        for (int i = 0; i < 4; i++) {
            correct += (out[i] > 0.5f) == (TARGETS[i] == 1f) ? 1 : 0;
        }
        return new Result(correct, out);
    }

    /** Prints the network's answer for each of the four inputs. */
    public static void main(String[] args) {
        Result r = run(42, 1);
        for (int i = 0; i < 4; i++) {
            System.out.printf("%.0f XOR %.0f = %.0f  (network: %.3f)%n", INPUTS[i][0], INPUTS[i][1], TARGETS[i],
                    r.outputs()[i]);
        }
        System.out.println("Solved " + r.correct() + "/4");
    }
}
