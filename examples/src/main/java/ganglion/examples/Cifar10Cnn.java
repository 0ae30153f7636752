package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.Cifar10;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.utils.Utils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's CIFAR-10 CNN:
 *
 * <pre>{@code
 * (X_train, y_train), (X_test, y_test) = tf.keras.datasets.cifar10.load_data()
 * X_train = X_train.astype('float32') / 255.0;  X_test = X_test.astype('float32') / 255.0
 * y_train = tf.keras.utils.to_categorical(y_train);  y_test = tf.keras.utils.to_categorical(y_test)
 * model = tf.keras.Sequential([
 *     tf.keras.layers.Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)),
 *     tf.keras.layers.MaxPooling2D((2, 2)),
 *     tf.keras.layers.Conv2D(64, (3, 3), activation='relu'),
 *     tf.keras.layers.MaxPooling2D((2, 2)),
 *     tf.keras.layers.Conv2D(128, (3, 3), activation='relu'),
 *     tf.keras.layers.MaxPooling2D((2, 2)),
 *     tf.keras.layers.Flatten(),
 *     tf.keras.layers.Dense(128, activation='relu'),
 *     tf.keras.layers.Dropout(0.6),
 *     tf.keras.layers.Dense(10, activation='softmax')])
 * model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
 * model.fit(X_train, y_train, epochs=10, batch_size=128, validation_data=(X_test, y_test))
 * test_loss, test_acc = model.evaluate(X_test, y_test)
 * }</pre>
 *
 * CIFAR-10 comes from {@link Cifar10#loadData()} (the binary archive, or the repository's JPEG copy). Writes
 * {@code cifar10_cnn_history.csv} and the PNGs. Arguments: {@code --epochs N} (10), {@code --seed N},
 * {@code --train N}, {@code --test N}, {@code --out DIR}.
 */
public final class Cifar10Cnn {

    private Cifar10Cnn() {
    }

    /** The seed's model. */
    public static Sequential buildModel() {
        Sequential model = new Sequential();
        model.add(new Conv2D(32, 3).activation("relu").inputShape(32, 32, 3));
        model.add(new MaxPooling2D(2));
        model.add(new Conv2D(64, 3).activation("relu"));
        model.add(new MaxPooling2D(2));
        model.add(new Conv2D(128, 3).activation("relu"));
        model.add(new MaxPooling2D(2));
        model.add(new Flatten());
        model.add(new Dense(128, "relu"));
        model.add(new Dropout(0.6));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    static ImageExamples.Result run(TrainTestData d, int epochs, long seed, int verbose, Path out) {
        Ganglion.setRandomSeed(seed);
        Tensor xTrain = d.xTrain().div(255f);
        Tensor xTest = d.xTest().div(255f);
        Tensor yTrain = Utils.toCategorical(d.yTrain(), 10);
        Tensor yTest = Utils.toCategorical(d.yTest(), 10);
        Sequential model = buildModel();
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "categorical_crossentropy", "accuracy");
        History h = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(128)
                .validationData(xTest, yTest).verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, yTest, 32, verbose == 0 ? 0 : 1);
        return new ImageExamples.Result(test.get("loss"), test.get("accuracy"), h,
                out == null ? List.of() : ImageExamples.saveCurves(h, out, "cifar10_cnn"));
    }

    public static void main(String[] args) {
        ImageExamples.Options o = ImageExamples.Options.parse(args, 10,
                "Use --epochs N, --seed N, --train N, --test N, --out DIR");
        long t0 = System.nanoTime();
        TrainTestData d = Cifar10.loadData(o.train, o.test);
        System.out.printf("x_train: %s, y_train: %s, x_test: %s (loaded in %.1f s)%n",
                Arrays.toString(d.xTrain().shape()), Arrays.toString(d.yTrain().shape()),
                Arrays.toString(d.xTest().shape()), (System.nanoTime() - t0) / 1e9);
        System.out.println(Ganglion.backendInfo());
        t0 = System.nanoTime();
        ImageExamples.report(run(d, o.epochs, o.seed, 1, o.out), "", t0);
    }
}
