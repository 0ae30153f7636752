package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.DatasetNotFoundException;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.IdxReader;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * The main job: a multi-layer perceptron on Fashion-MNIST, as TensorFlow's beginner tutorial:
 *
 * <pre>{@code
 * (x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
 * x_train, x_test = x_train / 255.0, x_test / 255.0
 * model = keras.Sequential([Flatten(input_shape=(28, 28)), Dense(512, activation='relu'),
 *                           Dropout(0.2), Dense(10, activation='softmax')])
 * model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
 * model.fit(x_train, y_train, epochs=5)
 * model.evaluate(x_test, y_test, verbose=2)
 * }</pre>
 *
 * <p>It runs on any machine, offline: when the full data set (60,000 + 10,000 images) is not installed,
 * it says so and trains on the real 6,000 + 1,000-image sample shipped inside this module (made by
 * {@code examples/scripts/make_fashion_sample.py}). Arguments: {@code --sample} forces the sample,
 * {@code --epochs N} changes the number of epochs (5), {@code --seed N} the random seed (42).
 */
public final class FashionMnistMlp {

    /** Class-path folder of the shipped sample. */
    public static final String SAMPLE_RESOURCE = "/ganglion/examples/fashion-mnist-sample/";

    /** The data to train on, where it came from, and whether it is the full data set. */
    public record Data(TrainTestData data, boolean full, String source) {
    }

    /** Test loss and accuracy after training, and the training history. */
    public record Result(double testLoss, double testAccuracy, History history) {
    }

    private FashionMnistMlp() {
    }

    /** Flatten, Dense 512 relu, Dropout 0.2, Dense 10 softmax, for 28x28 inputs. */
    public static Sequential buildModel() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(512, "relu"));
        model.add(new Dropout(0.2));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    /**
     * The full data set if {@link FashionMnist#loadData()} finds it, otherwise the shipped sample; the
     * choice, and how to get the full set, is printed to {@code log}.
     */
    public static Data loadData(PrintStream log) {
        try {
            var dir = FashionMnist.locate();
            TrainTestData d = FashionMnist.loadData(dir);
            log.println("Fashion-MNIST: full data set from " + dir);
            return new Data(d, true, dir.toString());
        } catch (DatasetNotFoundException e) {
            log.println("Fashion-MNIST: the full data set is not installed, and this version of Ganglion does"
                    + " not download it.");
            log.println("Using the real sample shipped with the examples instead: 6,000 training and 1,000 test"
                    + " images (600 and 100 per class), so the accuracy will be a few points lower than with"
                    + " all 60,000. For the full set: put the four Fashion-MNIST .gz files into "
                    + ganglion.datasets.DataPaths.userCache(FashionMnist.NAME) + "/, or set $GANGLION_DATA, or run"
                    + " 'apt-get install dataset-fashion-mnist' on Debian.");
            return new Data(loadSample(), false, "sample shipped in ganglion-examples");
        }
    }

    /** The shipped sample: 6,000 training and 1,000 test images, 0..255 floats [n, 28, 28], labels [n]. */
    public static TrainTestData loadSample() {
        Tensor[] train = samplePair("train");
        Tensor[] test = samplePair("t10k");
        return new TrainTestData(train[0], train[1], test[0], test[1]);
    }

    private static Tensor[] samplePair(String part) {
        IdxReader.IdxData images = IdxReader.checkImages(sampleFile(part + "-images-idx3-ubyte.gz"), 28, 28);
        IdxReader.IdxData labels = IdxReader.checkLabels(sampleFile(part + "-labels-idx1-ubyte.gz"));
        return new Tensor[]{images.toTensor(), labels.toTensor()};
    }

    private static IdxReader.IdxData sampleFile(String name) {
        String path = SAMPLE_RESOURCE + name;
        try (InputStream in = FashionMnistMlp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The Fashion-MNIST sample " + path + " is missing from the class"
                        + " path; rebuild the examples module (its resources are made by"
                        + " examples/scripts/make_fashion_sample.py)");
            }
            return IdxReader.read(in, "classpath:" + path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scales pixels to 0..1, trains {@link #buildModel()} for {@code epochs} epochs (Adam, sparse
     * categorical cross-entropy, batch 32) and evaluates on the test images.
     *
     * @param verbose 0 silent, 1 summary, progress bars and the test line, 2 one line per epoch
     */
    public static Result run(TrainTestData data, int epochs, long seed, int verbose) {
        Ganglion.setRandomSeed(seed);
        Tensor xTrain = data.xTrain().div(255f);
        Tensor xTest = data.xTest().div(255f);

        Sequential model = buildModel();
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History h = model.fit(xTrain, data.yTrain(), new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, data.yTest(), 32, verbose == 0 ? 0 : 2);
        return new Result(test.get("loss"), test.get("accuracy"), h);
    }

    /** Loads the data (full set or sample), trains for 5 epochs and prints the test accuracy. */
    public static void main(String[] args) {
        boolean sample = false;
        int epochs = 5;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sample" -> sample = true;
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "" -> { }
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; use --sample, --epochs N, --seed N");
                    System.exit(2);
                }
            }
        }
        Data d = sample ? new Data(loadSample(), false, "sample (--sample)") : loadData(System.out);
        System.out.println("x_train: " + Arrays.toString(d.data().xTrain().shape()) + ", x_test: "
                + Arrays.toString(d.data().xTest().shape()) + "  (" + d.source() + ")");
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        Result r = run(d.data(), epochs, seed, 1);
        System.out.printf("%nTest accuracy: %.4f%s (%d epochs, %.1f s)%n", r.testAccuracy(),
                d.full() ? "" : " on the sample's 1,000 test images", epochs, (System.nanoTime() - t0) / 1e9);
    }
}
