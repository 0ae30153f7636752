package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.Mnist;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.utils.Utils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Seed 001's CNN on MNIST, line for line:
 *
 * <pre>{@code
 * (x_train, y_train), (x_test, y_test) = mnist.load_data()
 * x_train = x_train / 255.0;  x_test = x_test / 255.0
 * x_train = x_train.reshape(-1, 28, 28, 1);  x_test = x_test.reshape(-1, 28, 28, 1)
 * y_train = to_categorical(y_train, 10);  y_test = to_categorical(y_test, 10)
 * model = Sequential()
 * model.add(Conv2D(32, kernel_size=(3, 3), activation='relu', input_shape=(28, 28, 1)))
 * model.add(MaxPooling2D(pool_size=(2, 2)))
 * model.add(Conv2D(64, kernel_size=(3, 3), activation='relu'))
 * model.add(MaxPooling2D(pool_size=(2, 2)))
 * model.add(Flatten())
 * model.add(Dense(128, activation='relu'))
 * model.add(Dense(10, activation='softmax'))
 * model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
 * history = model.fit(x_train, y_train, epochs=10, batch_size=32, validation_split=0.2)
 * test_loss, test_accuracy = model.evaluate(x_test, y_test)
 * }</pre>
 *
 * It then writes the curves ({@code mnist_cnn_history.csv}, accuracy and loss PNGs) into the output folder.
 * Arguments: {@code --epochs N} (10), {@code --seed N} (42), {@code --train N} / {@code --test N} (use the first
 * N images), {@code --out DIR} (example-output).
 */
public final class MnistCnn {

    private MnistCnn() {
    }

    /** The seed's model. */
    public static Sequential buildModel() {
        Sequential model = new Sequential();
        model.add(new Conv2D(32, 3).activation("relu").inputShape(28, 28, 1));
        model.add(new MaxPooling2D(2));
        model.add(new Conv2D(64, 3).activation("relu"));
        model.add(new MaxPooling2D(2));
        model.add(new Flatten());
        model.add(new Dense(128, "relu"));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    /** Trains as the seed does (batch 32, 20 % validation split) and evaluates on the test images. */
    static ImageExamples.Result run(TrainTestData d, int epochs, long seed, int verbose, Path out) {
        Ganglion.setRandomSeed(seed);
        Tensor xTrain = ImageExamples.images(d.xTrain());
        Tensor xTest = ImageExamples.images(d.xTest());
        Tensor yTrain = Utils.toCategorical(d.yTrain(), 10);
        Tensor yTest = Utils.toCategorical(d.yTest(), 10);
        Sequential model = buildModel();
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "categorical_crossentropy", "accuracy");
        History h = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(32).validationSplit(0.2)
                .verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, yTest, 32, verbose == 0 ? 0 : 1);
        return new ImageExamples.Result(test.get("loss"), test.get("accuracy"), h,
                out == null ? java.util.List.of() : ImageExamples.saveCurves(h, out, "mnist_cnn"));
    }

    public static void main(String[] args) {
        ImageExamples.Options o = ImageExamples.Options.parse(args, 10,
                "Use --epochs N, --seed N, --train N, --test N, --out DIR");
        TrainTestData d = ImageExamples.slice(Mnist.loadData(), o.train, o.test);
        System.out.println("x_train: " + Arrays.toString(d.xTrain().shape()) + ", x_test: "
                + Arrays.toString(d.xTest().shape()));
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        ImageExamples.report(run(d, o.epochs, o.seed, 1, o.out), "", t0);
    }
}
