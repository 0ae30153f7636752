package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.TrainTestData;
import ganglion.plot.Plots;
import ganglion.preprocessing.image.ImageDataGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seed 002's image augmentation on Fashion-MNIST:
 *
 * <pre>{@code
 * img_generator = ImageDataGenerator(rotation_range=10, zoom_range=0.10, shear_range=0.5,
 *         width_shift_range=0.10, height_shift_range=0.10, horizontal_flip=True, vertical_flip=False)
 * augment_size = 100
 * x_augmented = img_generator.flow(np.tile(train_X[0].reshape(28*28), 100).reshape(-1, 28, 28, 1),
 *         np.zeros(augment_size), batch_size=augment_size, shuffle=False).next()[0]
 * }</pre>
 *
 * then, as the tutorial's notebook goes on: augments {@code augmentSize} randomly chosen training images,
 * appends them to the training set and trains the seed's CNN ({@link FashionMnistCnn}) on the enlarged set.
 * Writes {@code augmented_samples.png} (the 100 variants of the first image), the history CSV and the PNGs.
 * Arguments: {@code --epochs N} (5), {@code --seed N}, {@code --train N}, {@code --test N}, {@code --sample},
 * {@code --out DIR}; {@code --augment N} images to add (30000).
 */
public final class FashionMnistAugmentation {

    private FashionMnistAugmentation() {
    }

    /** The seed's generator (its {@code room_range} typo read as {@code zoom_range}). */
    public static ImageDataGenerator generator() {
        return new ImageDataGenerator().rotationRange(10).zoomRange(0.10).shearRange(0.5).widthShiftRange(0.10)
                .heightShiftRange(0.10).horizontalFlip(true).verticalFlip(false);
    }

    /** The seed's demonstration: 100 augmented copies of one [28, 28] image, as [100, 28, 28, 1]. */
    public static Tensor hundredVariants(Tensor image, long seed) {
        Tensor tiled = image.reshape(1, 28, 28, 1).tile(100, 1, 1, 1);
        return generator().flow(tiled, Tensor.zeros(100), 100, false, seed).next()[0];
    }

    /** {@code augmentSize} random training images, transformed, appended to the training set. */
    public static TrainTestData augment(TrainTestData d, int augmentSize, long seed) {
        int n = d.xTrain().shape(0);
        Random r = new Random(seed);
        int[] idx = new int[augmentSize];
        for (int i = 0; i < augmentSize; i++) {
            idx[i] = r.nextInt(n);
        }
        Tensor x = d.xTrain().take(idx).reshape(-1, 28, 28, 1);
        Tensor y = d.yTrain().take(idx);
        Tensor xAug = generator().flow(x, y, augmentSize, false, seed).next()[0].reshape(-1, 28, 28);
        return new TrainTestData(Tensor.concat(0, d.xTrain(), xAug), Tensor.concat(0, d.yTrain(), y),
                d.xTest(), d.yTest());
    }

    static ImageExamples.Result run(TrainTestData d, int augmentSize, int epochs, long seed, int verbose, Path out) {
        Ganglion.setRandomSeed(seed);
        List<Path> files = new ArrayList<>();
        if (out != null) {
            Tensor variants = hundredVariants(d.xTrain().slice(0, 1), seed);
            files.add(Plots.images(variants.reshape(100, 28, 28), (Tensor) null, 10)
                    .save(out.resolve("augmented_samples.png")));
        }
        TrainTestData enlarged = augment(d, augmentSize, seed);
        if (verbose > 0) {
            System.out.println("Training set with " + augmentSize + " augmented images: "
                    + Arrays.toString(enlarged.xTrain().shape()));
        }
        ImageExamples.Result r = FashionMnistCnn.train(FashionMnistCnn.buildModel(), "fashion_mnist_augmented",
                enlarged, epochs, seed, 0.25, verbose, out);
        files.addAll(r.files());
        return new ImageExamples.Result(r.testLoss(), r.testAccuracy(), r.history(), files);
    }

    public static void main(String[] args) throws Exception {
        int augment = 30000;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--augment")) {
                augment = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        ImageExamples.Options o = ImageExamples.Options.parse(rest.toArray(new String[0]), 5,
                "Use --epochs N, --seed N, --train N, --test N, --augment N, --sample, --out DIR");
        FashionMnistMlp.Data data = o.sample ? new FashionMnistMlp.Data(FashionMnistMlp.loadSample(), false,
                "sample (--sample)") : FashionMnistMlp.loadData(System.out);
        TrainTestData d = ImageExamples.slice(data.data(), o.train, o.test);
        Files.createDirectories(o.out);
        long t0 = System.nanoTime();
        ImageExamples.report(run(d, Math.min(augment, d.xTrain().shape(0)), o.epochs, o.seed, 1, o.out),
                data.full() ? "" : " on the sample", t0);
    }
}
