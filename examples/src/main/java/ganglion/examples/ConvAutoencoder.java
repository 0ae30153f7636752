package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.Mnist;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.UpSampling2D;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;
import ganglion.plot.Plots;

import java.nio.file.Path;
import java.util.List;

/**
 * The convolutional autoencoder of seed 003, chapter 19, on MNIST: a Keras {@code Sequential} whose encoder is
 * {@code Conv2D}/{@code MaxPooling2D} down to a 4x4x8 code and whose decoder is {@code Conv2D}/{@code UpSampling2D}
 * back to 28x28x1 with a sigmoid output, trained with binary cross-entropy and Adam to reproduce its input:
 *
 * <pre>{@code
 * autoencoder = Sequential()
 * autoencoder.add(Conv2D(16, kernel_size=3, padding='same', input_shape=(28,28,1), activation='relu'))
 * autoencoder.add(MaxPooling2D(pool_size=2, padding='same'))
 * autoencoder.add(Conv2D(8, kernel_size=3, activation='relu', padding='same'))
 * autoencoder.add(MaxPooling2D(pool_size=2, padding='same'))
 * autoencoder.add(Conv2D(8, kernel_size=3, strides=2, padding='same', activation='relu'))
 * autoencoder.add(Conv2D(8, kernel_size=3, padding='same', activation='relu'))
 * autoencoder.add(UpSampling2D())
 * autoencoder.add(Conv2D(8, kernel_size=3, padding='same', activation='relu'))
 * autoencoder.add(UpSampling2D())
 * autoencoder.add(Conv2D(16, kernel_size=3, activation='relu'))
 * autoencoder.add(UpSampling2D())
 * autoencoder.add(Conv2D(1, kernel_size=3, padding='same', activation='sigmoid'))
 * autoencoder.compile(optimizer='adam', loss='binary_crossentropy')
 * autoencoder.fit(X_train, X_train, epochs=..., batch_size=128, validation_data=(X_test, X_test))
 * }</pre>
 *
 * It reports the reconstruction mean squared error on the test images and writes
 * {@code autoencoder_reconstructions.png}: test inputs in the top row, their reconstructions below.
 * Arguments: {@code --epochs N} (5), {@code --seed N} (42), {@code --train N} / {@code --test N},
 * {@code --out DIR} (example-output).
 */
public final class ConvAutoencoder {

    private ConvAutoencoder() {
    }

    /** What a run produced: the test reconstruction MSE, the final training loss and the PNG (or null). */
    public record Result(double testMse, double finalLoss, Path png) {
    }

    /** The seed's autoencoder (28x28x1 to 28x28x1 through a 4x4x8 code). */
    public static Sequential buildModel() {
        Sequential m = new Sequential();
        m.add(new Conv2D(16, 3).padding("same").activation("relu").inputShape(28, 28, 1));
        m.add(new MaxPooling2D(2).padding("same"));
        m.add(new Conv2D(8, 3).padding("same").activation("relu"));
        m.add(new MaxPooling2D(2).padding("same"));
        m.add(new Conv2D(8, 3).strides(2).padding("same").activation("relu"));
        m.add(new Conv2D(8, 3).padding("same").activation("relu"));
        m.add(new UpSampling2D());
        m.add(new Conv2D(8, 3).padding("same").activation("relu"));
        m.add(new UpSampling2D());
        m.add(new Conv2D(16, 3).activation("relu"));
        m.add(new UpSampling2D());
        m.add(new Conv2D(1, 3).padding("same").activation("sigmoid"));
        return m;
    }

    /** Mean squared error between two tensors of the same shape, over all elements. */
    static double mse(Tensor a, Tensor b) {
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s / x.length;
    }

    /** Trains on {@code d}'s training images and measures the reconstruction MSE on its test images. */
    public static Result run(TrainTestData d, int epochs, long seed, int verbose, Path out) {
        return run(d, epochs, 128, seed, verbose, out);
    }

    /** As {@link #run(TrainTestData, int, long, int, Path)} with another batch size (the seed uses 128). */
    public static Result run(TrainTestData d, int epochs, int batchSize, long seed, int verbose, Path out) {
        Ganglion.setRandomSeed(seed);
        Tensor xTrain = ImageExamples.images(d.xTrain());
        Tensor xTest = ImageExamples.images(d.xTest());
        Sequential model = buildModel();
        if (verbose > 0) {
            model.summary();
        }
        model.compile(new Adam(), "binary_crossentropy");
        var h = model.fit(xTrain, xTrain, new FitOptions().epochs(epochs).batchSize(batchSize).verbose(verbose));
        List<Double> losses = h.history().get("loss");
        Tensor rec = model.predict(xTest, 256);
        double testMse = mse(rec, xTest);
        Path png = null;
        if (out != null) {
            int n = Math.min(10, xTest.shape(0));
            Tensor grid = Tensor.concat(0, xTest.slice(0, n), rec.slice(0, n));
            png = Plots.images(grid, List.of(), n).save(out.resolve("autoencoder_reconstructions.png"));
        }
        return new Result(testMse, losses.get(losses.size() - 1), png);
    }

    public static void main(String[] args) {
        ImageExamples.Options o = ImageExamples.Options.parse(args, 5,
                "Use --epochs N, --seed N, --train N, --test N, --out DIR");
        TrainTestData d = ImageExamples.slice(Mnist.loadData(), o.train, o.test);
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        Result r = run(d, o.epochs, o.seed, 1, o.out);
        System.out.printf("test reconstruction MSE: %.5f (final training loss %.4f), %.1f s%n", r.testMse(),
                r.finalLoss(), (System.nanoTime() - t0) / 1e9);
        if (r.png() != null) {
            System.out.println("wrote " + r.png());
        }
    }
}
