package ganglion.examples;

import ganglion.Ganglion;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.Sequential;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Seed 002's "VGGNet-style 14-layer network" on Fashion-MNIST:
 *
 * <pre>{@code
 * model = tf.keras.Sequential()
 * model.add(Conv2D(input_shape=(28, 28, 1), kernel_size=(3, 3), filters=32, padding='same', activation='relu'))
 * model.add(Conv2D(kernel_size=(3, 3), filters=64, padding='same', activation='relu'))
 * model.add(MaxPool2D(pool_size=(2, 2)))
 * model.add(Dropout(rate=0.5))
 * model.add(Conv2D(kernel_size=(3, 3), filters=128, padding='same', activation='relu'))
 * model.add(Conv2D(kernel_size=(3, 3), filters=256, padding='valid', activation='relu'))
 * model.add(MaxPool2D(pool_size=(2, 2)))
 * model.add(Dropout(rate=0.5))
 * model.add(Flatten())
 * model.add(Dense(units=512, activation='relu'))
 * model.add(Dropout(rate=0.5))
 * model.add(Dense(units=256, activation='relu'))
 * model.add(Dropout(rate=0.5))
 * model.add(Dense(units=10, activation='softmax'))
 * }</pre>
 *
 * trained as {@link FashionMnistCnn} (Adam, sparse categorical cross-entropy, 25 % validation). It is about
 * 20 times the work of the small CNN per image. Writes {@code fashion_mnist_vgg_history.csv} and the PNGs.
 * Arguments as {@link FashionMnistCnn}; default 5 epochs.
 */
public final class FashionMnistVgg {

    private FashionMnistVgg() {
    }

    /** The seed's 14-layer model. */
    public static Sequential buildModel() {
        Sequential model = new Sequential();
        model.add(new Conv2D(32, 3).padding("same").activation("relu").inputShape(28, 28, 1));
        model.add(new Conv2D(64, 3).padding("same").activation("relu"));
        model.add(new MaxPooling2D(2));
        model.add(new Dropout(0.5));
        model.add(new Conv2D(128, 3).padding("same").activation("relu"));
        model.add(new Conv2D(256, 3).padding("valid").activation("relu"));
        model.add(new MaxPooling2D(2));
        model.add(new Dropout(0.5));
        model.add(new Flatten());
        model.add(new Dense(512, "relu"));
        model.add(new Dropout(0.5));
        model.add(new Dense(256, "relu"));
        model.add(new Dropout(0.5));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    static ImageExamples.Result run(TrainTestData d, int epochs, long seed, int verbose, Path out) {
        Ganglion.setRandomSeed(seed);
        return FashionMnistCnn.train(buildModel(), "fashion_mnist_vgg", d, epochs, seed, 0.25, verbose, out);
    }

    public static void main(String[] args) {
        ImageExamples.Options o = ImageExamples.Options.parse(args, 5,
                "Use --epochs N, --seed N, --train N, --test N, --sample, --out DIR");
        FashionMnistMlp.Data data = o.sample ? new FashionMnistMlp.Data(FashionMnistMlp.loadSample(), false,
                "sample (--sample)") : FashionMnistMlp.loadData(System.out);
        TrainTestData d = ImageExamples.slice(data.data(), o.train, o.test);
        System.out.println("x_train: " + Arrays.toString(d.xTrain().shape()) + ", x_test: "
                + Arrays.toString(d.xTest().shape()) + "  (" + data.source() + ")");
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        ImageExamples.report(run(d, o.epochs, o.seed, 1, o.out), data.full() ? "" : " on the sample", t0);
    }
}
