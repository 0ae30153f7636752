package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.TensorBoard;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.utils.PlotModel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The main job: seed 002's convolutional network on Fashion-MNIST.
 *
 * <pre>{@code
 * (train_X, train_Y), (test_X, test_Y) = tf.keras.datasets.fashion_mnist.load_data()
 * train_X = train_X / 255.0;  test_X = test_X / 255.0
 * train_X = train_X.reshape(-1, 28, 28, 1);  test_X = test_X.reshape(-1, 28, 28, 1)
 * model = tf.keras.Sequential([
 *     tf.keras.layers.Conv2D(input_shape=(28, 28, 1), kernel_size=(3, 3), filters=16),
 *     tf.keras.layers.MaxPool2D(strides=(2, 2)),
 *     tf.keras.layers.Conv2D(kernel_size=(3, 3), filters=32),
 *     tf.keras.layers.MaxPool2D(strides=(2, 2)),
 *     tf.keras.layers.Conv2D(kernel_size=(3, 3), filters=64),
 *     tf.keras.layers.Flatten(),
 *     tf.keras.layers.Dense(units=128, activation='relu'),
 *     tf.keras.layers.Dropout(rate=0.3),
 *     tf.keras.layers.Dense(units=10, activation='softmax')])
 * model.compile(optimizer=tf.keras.optimizers.Adam(), loss='sparse_categorical_crossentropy',
 *               metrics=['accuracy'])
 * history = model.fit(train_X, train_Y, epochs=5, validation_split=0.25)
 * model.evaluate(test_X, test_Y, verbose=0)
 * }</pre>
 *
 * (The seed's convolutions have no activation, as written there; {@code --relu} gives them a ReLU.) Runs offline: without the full data set
 * it trains on the 6,000 + 1,000-image sample shipped with the examples. Writes
 * {@code fashion_mnist_cnn_history.csv} and the accuracy and loss PNGs. Arguments: {@code --epochs N} (5),
 * {@code --seed N} (42), {@code --train N}, {@code --test N}, {@code --sample}, {@code --out DIR}.
 */
public final class FashionMnistCnn {

    private FashionMnistCnn() {
    }

    /** The seed's CNN, its convolutions without activation as written there. */
    public static Sequential buildModel() {
        return buildModel(false);
    }

    /** The seed's CNN; {@code reluConvolutions} gives the three convolutions a ReLU ({@code --relu}). */
    public static Sequential buildModel(boolean reluConvolutions) {
        String act = reluConvolutions ? "relu" : "linear";
        Sequential model = new Sequential();
        model.add(new Conv2D(16, 3).activation(act).inputShape(28, 28, 1));
        model.add(new MaxPooling2D(2).strides(2));
        model.add(new Conv2D(32, 3).activation(act));
        model.add(new MaxPooling2D(2).strides(2));
        model.add(new Conv2D(64, 3).activation(act));
        model.add(new Flatten());
        model.add(new Dense(128, "relu"));
        model.add(new Dropout(0.3));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    /**
     * Trains {@code model} on (x / 255) with Adam and sparse categorical cross-entropy, batch 32 and the given
     * validation split, then evaluates on the test images; shared with {@link FashionMnistVgg}.
     */
    static ImageExamples.Result train(Sequential model, String name, TrainTestData d, int epochs, long seed,
                                      double validationSplit, int verbose, Path out) {
        Tensor xTrain = ImageExamples.images(d.xTrain());
        Tensor xTest = ImageExamples.images(d.xTest());
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        FitOptions fo = new FitOptions().epochs(epochs).batchSize(32).verbose(verbose);
        if (validationSplit > 0) {
            fo.validationSplit(validationSplit);
        }
        if (out != null) {
            // as seed 002 shows: TensorBoard logs (tensorboard --logdir <out>/logs) and a picture of the model
            fo.callbacks(new TensorBoard(out.resolve("logs").resolve(name)).histogramFreq(1));
            PlotModel.plotModel(model, out.resolve(name + "_model.png"), true, true, false, "TB");
        }
        History h = model.fit(xTrain, d.yTrain(), fo);
        Map<String, Double> test = model.evaluate(xTest, d.yTest(), 32, verbose == 0 ? 0 : 1);
        return new ImageExamples.Result(test.get("loss"), test.get("accuracy"), h,
                out == null ? List.of() : ImageExamples.saveCurves(h, out, name));
    }

    /** The seed's run: 25 % of the training images kept for validation. */
    static ImageExamples.Result run(TrainTestData d, int epochs, long seed, int verbose, Path out) {
        return run(d, epochs, seed, verbose, out, false);
    }

    /** The seed's run, with ReLU convolutions when {@code relu}. */
    static ImageExamples.Result run(TrainTestData d, int epochs, long seed, int verbose, Path out, boolean relu) {
        Ganglion.setRandomSeed(seed);
        return train(buildModel(relu), "fashion_mnist_cnn", d, epochs, seed, 0.25, verbose, out);
    }

    public static void main(String[] args) {
        boolean relu = Arrays.asList(args).contains("--relu");
        ImageExamples.Options o = ImageExamples.Options.parse(
                Arrays.stream(args).filter(a -> !a.equals("--relu")).toArray(String[]::new), 5,
                "Use --epochs N, --seed N, --train N, --test N, --sample, --relu, --out DIR");
        FashionMnistMlp.Data data = o.sample ? new FashionMnistMlp.Data(FashionMnistMlp.loadSample(), false,
                "sample (--sample)") : FashionMnistMlp.loadData(System.out);
        TrainTestData d = ImageExamples.slice(data.data(), o.train, o.test);
        System.out.println("x_train: " + Arrays.toString(d.xTrain().shape()) + ", x_test: "
                + Arrays.toString(d.xTest().shape()) + "  (" + data.source() + ")");
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        ImageExamples.report(run(d, o.epochs, o.seed, 1, o.out, relu), data.full() ? "" : " on the sample", t0);
    }
}
