package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.data.Dataset;
import ganglion.datasets.Cifar10;
import ganglion.datasets.DataPaths;
import ganglion.datasets.TarReader;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Dense;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.Layer;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.RMSprop;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seed 004's input pipeline ("멍냥 분류기": tfds {@code cats_vs_dogs}, {@code take()}, {@code map(format_example)},
 * shuffle, batch, prefetch; a frozen pretrained base under {@code GlobalAveragePooling2D} + {@code Dense}), ported to
 * the cat and dog images of the CIFAR-10 JPEG copy and {@link Dataset}:
 *
 * <pre>{@code
 * raw_train = records.take(n_train); raw_validation = records.skip(n_train).take(n_val); raw_test = test_records
 * def format_example(image, label): image = tf.cast(image, tf.float32); image = (image / 127.5) - 1; return image, label
 * train = raw_train.map(format_example); validation = raw_validation.map(format_example); test = raw_test.map(format_example)
 * train_batches = train.shuffle(SHUFFLE_BUFFER_SIZE).batch(BATCH_SIZE).prefetch(2)
 * validation_batches = validation.batch(BATCH_SIZE).prefetch(2); test_batches = test.batch(BATCH_SIZE)
 * base_model.trainable = False
 * model = Sequential([base_model, GlobalAveragePooling2D(), Dense(512, activation='relu'), Dense(2, activation='softmax')])
 * model.compile(optimizer=RMSprop(learning_rate=0.0001), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
 * loss0, accuracy0 = model.evaluate(validation_batches, steps=validation_steps)
 * history = model.fit(train_batches, epochs=EPOCHS, validation_data=validation_batches)
 * }</pre>
 *
 * <p>Like {@code tfds.load}, a first run "prepares" the data: it unpacks the cat and dog JPEGs of
 * {@code cifar10-{train,test}-jpg.tar.gz} into {@code <out>/cats_vs_dogs/{train,test}/{cat,dog}/} and lists them
 * in a fixed shuffled order (tfds's records are shuffled when prepared), so {@code take}/{@code skip} cut fair
 * splits; images are then decoded lazily, two at a time, inside the pipeline. The images stay at CIFAR's 32x32, so
 * the tutorial's {@code tf.image.resize} is left out.
 *
 * <p>The pretrained base: no ImageNet weight file ships with the repository (and VGG16/MobileNetV2 would not run in
 * minutes on 2 cores), so, as in {@link CatsVsDogsTransfer}, the base is {@link CatsVsDogsTransfer#buildBase()}
 * pretrained on CIFAR-10's 8 classes that are neither cat nor dog, saved to {@code <out>/cifar8_pipeline_base.keras}
 * and reused by later runs; it is then frozen as in the tutorial.
 *
 * <p>Arguments: {@code --train N} (8000 training records), {@code --validation N} (1000), {@code --test N} (test
 * images, 0: all 2,000), {@code --pretrain N} (other-class images for the base, 10000), {@code --pretrain-epochs N}
 * (3), {@code --epochs N} (5), {@code --lr X} (RMSprop's learning rate, the tutorial's 1e-4), {@code --seed N} (42),
 * {@code --out DIR} (example-output).
 */
public final class CatsVsDogsPipeline {

    /** CIFAR-10's own image size; the tutorial's IMG_SIZE = 160 would only upsample. */
    public static final int IMG_SIZE = 32;
    public static final int BATCH_SIZE = 32;
    public static final int SHUFFLE_BUFFER_SIZE = 1000;
    /** Batches of the validation set evaluated before training, as the tutorial's {@code validation_steps = 20}. */
    public static final int VALIDATION_STEPS = 20;
    /** The class folders, in label order: cat = 0, dog = 1. */
    public static final List<String> CLASSES = List.of("cat", "dog");

    private CatsVsDogsPipeline() {
    }

    /** Sizes and epochs of a run. */
    public record Options(int trainImages, int validationImages, int testImages, int pretrainImages,
                          int pretrainEpochs, int epochs, double learningRate, long seed) {
        /** The default run: 8,000 training and 1,000 validation records, all 2,000 test images, RMSprop(1e-4). */
        public static Options full() {
            return new Options(8000, 1000, 0, 10000, 3, 5, 1e-4, 42);
        }
    }

    /**
     * What a run measured: validation accuracy before training (on {@link #VALIDATION_STEPS} batches), the fit
     * History (with val_loss and val_accuracy per epoch), the base's 8-class accuracy on its own held-out images,
     * test accuracy and test images, and the seconds the cat/dog part (pipeline + fit + test) took.
     */
    public record Result(double initialAccuracy, History history, double baseAccuracy, double testAccuracy,
                         int testImages, double seconds) {
    }

    // ------------------------------------------------------------------ the data: tfds.load's part

    /**
     * Unpacks the cat and dog JPEGs of the CIFAR-10 JPEG copy in {@code cifarDir} (the tarballs, or already unpacked
     * {@code train/} and {@code test/} folders) into {@code root/{train,test}/{cat,dog}/}, once: a marker file says
     * it is done. Returns {@code root}.
     */
    public static Path prepare(Path cifarDir, Path root) {
        try {
            if (Files.isRegularFile(root.resolve(".prepared"))) {
                return root;
            }
            for (String part : List.of("train", "test")) {
                Path archive = cifarDir.resolve("cifar10-" + part + "-jpg.tar.gz");
                if (Files.isRegularFile(archive)) {
                    unpack(archive, root.resolve(part));
                } else if (Files.isDirectory(cifarDir.resolve(part))) {
                    for (String c : CLASSES) {
                        copyFolder(cifarDir.resolve(part).resolve(c), root.resolve(part).resolve(c));
                    }
                } else {
                    throw new IllegalStateException("No CIFAR-10 JPEG " + part + " data in " + cifarDir + ": expected "
                            + archive.getFileName() + " or a " + part + "/ folder with cat/ and dog/ inside");
                }
            }
            Files.writeString(root.resolve(".prepared"), "cat and dog JPEGs of " + cifarDir + "\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the cats-vs-dogs folders in " + root + ": " + e, e);
        }
    }

    private static void unpack(Path archive, Path partDir) throws IOException {
        try (TarReader tar = TarReader.open(archive)) {
            for (TarReader.Entry e; (e = tar.next()) != null; ) {
                String[] p = e.name().split("/");
                if (!e.isFile() || p.length < 2 || !CLASSES.contains(p[p.length - 2]) || !isImage(p[p.length - 1])) {
                    continue;
                }
                Path dir = partDir.resolve(p[p.length - 2]);
                Files.createDirectories(dir);
                Files.write(dir.resolve(p[p.length - 1]), tar.readContent());
            }
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> isImage(f.getFileName().toString())).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    private static boolean isImage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
    }

    /**
     * The records of one prepared part, as {@code tfds.load(..., as_supervised=True)} yields them: elements
     * {@code {image [32, 32, 3] with values 0..255, label (0 cat, 1 dog)}}, in a fixed order shuffled with
     * {@code seed}, decoded lazily ({@code map} with 2 threads, order kept).
     */
    public static Dataset<Tensor[]> records(Path partDir, long seed) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            try (Stream<Path> s = Files.list(partDir.resolve(CLASSES.get(c)))) {
                for (Path f : s.filter(f -> isImage(f.getFileName().toString())).sorted().toList()) {
                    files.add(f);
                    labels.add(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + partDir.resolve(CLASSES.get(c)) + ": " + e, e);
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, files.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return Dataset.fromIterable(order).map(i -> decode(files.get(i), labels.get(i)), 2);
    }

    private static Tensor[] decode(Path file, int label) {
        DecodedImage img = ImageDecoder.read(file, 3);
        byte[] p = img.pixels();
        float[] x = new float[p.length];
        for (int k = 0; k < p.length; k++) {
            x[k] = p[k] & 0xFF;
        }
        return new Tensor[]{Tensor.wrap(x, img.height(), img.width(), 3), Tensor.scalar(label)};
    }

    /** The tutorial's {@code format_example}: float pixels scaled from 0..255 to [-1, 1]; the label unchanged. */
    public static Tensor[] formatExample(Tensor[] example) {
        Tensor image = example[0].div(127.5f).sub(1f);
        return new Tensor[]{image, example[1]};
    }

    // ------------------------------------------------------------------ the pretrained base

    /**
     * The frozen base: loaded from {@code file} when it exists, else {@link CatsVsDogsTransfer#buildBase()} trained
     * (with a GlobalAveragePooling2D + softmax head) on up to {@code images} CIFAR-10 training images of the 8
     * classes that are neither cat nor dog, scaled as {@link #formatExample} does, then saved to {@code file}.
     * Returns the base and its 8-class accuracy on held-out images of those classes (NaN when loaded).
     */
    static Object[] pretrainedBase(Path file, int images, int epochs, long seed, int verbose) {
        if (file != null && Files.isRegularFile(file)) {
            try {
                return new Object[]{Model.load(file), Double.NaN};
            } catch (RuntimeException | LinkageError e) {
                System.out.println("Could not load the saved base " + file + " (" + e + "); pretraining it again.");
            }
        }
        int[] others = {0, 1, 2, 4, 6, 7, 8, 9};
        // scan enough training images to find `images` of the 8 classes (they are 80 % of CIFAR-10)
        TrainTestData d = Cifar10.loadData(images <= 0 ? 0 : images * 5 / 4 + 64, 2000);
        Tensor[] pre = CatsVsDogsTransfer.select(d.xTrain(), d.yTrain(), others, images);
        Tensor[] held = CatsVsDogsTransfer.select(d.xTest(), d.yTest(), others, 0);
        Ganglion.setRandomSeed(seed);
        Sequential base = CatsVsDogsTransfer.buildBase();
        Sequential pretrain = new Sequential().name("pretrain");
        pretrain.add(base);
        pretrain.add(new GlobalAveragePooling2D());
        pretrain.add(new Dense(8, "softmax"));
        pretrain.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        // select() scales to [0, 1]; the pipeline feeds [-1, 1]
        Tensor x = pre[0].mul(2f).sub(1f);
        pretrain.fit(x, pre[1], new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
        double acc = pretrain.evaluate(held[0].mul(2f).sub(1f), held[1], 64, 0).get("accuracy");
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                base.save(file);
            } catch (IOException | RuntimeException | LinkageError e) {
                System.out.println("Could not save the base to " + file + " (" + e + "); it will be pretrained again "
                        + "next time.");
            }
        }
        return new Object[]{base, acc};
    }

    // ------------------------------------------------------------------ the run

    /**
     * Prepares the data under {@code out}, pretrains (or reloads) the base, builds the tutorial's pipelines and
     * model, and trains with the validation Dataset; {@code reuseBase} false always pretrains afresh.
     */
    public static Result run(Path cifarDir, Path out, Options o, boolean reuseBase, int verbose) {
        Path root = prepare(cifarDir, out.resolve("cats_vs_dogs"));
        Path baseFile = reuseBase ? out.resolve("cifar8_pipeline_base.keras") : null;
        Object[] b = pretrainedBase(baseFile, o.pretrainImages(), o.pretrainEpochs(), o.seed(), verbose);
        Layer base = (Layer) b[0];
        double baseAcc = (double) b[1];
        long t0 = System.nanoTime();

        // tfds.load: records of the training part cut by take/skip, and the test part
        Dataset<Tensor[]> records = records(root.resolve("train"), o.seed());
        Dataset<Tensor[]> rawTrain = records.take(o.trainImages());
        Dataset<Tensor[]> rawValidation = records.skip(o.trainImages()).take(o.validationImages());
        Dataset<Tensor[]> rawTest = records(root.resolve("test"), o.seed() + 1);
        if (o.testImages() > 0) {
            rawTest = rawTest.take(o.testImages());
        }
        Dataset<Tensor[]> train = rawTrain.map(CatsVsDogsPipeline::formatExample);
        Dataset<Tensor[]> validation = rawValidation.map(CatsVsDogsPipeline::formatExample);
        Dataset<Tensor[]> test = rawTest.map(CatsVsDogsPipeline::formatExample);
        Dataset<Tensor[]> trainBatches = train.shuffle(SHUFFLE_BUFFER_SIZE, o.seed()).batch(BATCH_SIZE).prefetch(2);
        Dataset<Tensor[]> validationBatches = validation.batch(BATCH_SIZE).prefetch(2);
        Dataset<Tensor[]> testBatches = test.batch(BATCH_SIZE).prefetch(2);

        // base_model.trainable = False, then the tutorial's head
        Ganglion.setRandomSeed(o.seed() + 1);
        base.setTrainable(false);
        Sequential model = new Sequential().name("cats_vs_dogs");
        model.add(base);
        model.add(new GlobalAveragePooling2D());
        model.add(new Dense(512, "relu"));
        model.add(new Dense(2, "softmax"));
        model.compile(new RMSprop(o.learningRate()), "sparse_categorical_crossentropy", "accuracy");
        if (verbose > 0) {
            model.summary();
        }
        double accuracy0 = model.evaluate(validationBatches, VALIDATION_STEPS, 0).get("accuracy");
        History history = model.fit(trainBatches, new FitOptions().epochs(o.epochs()).verbose(verbose)
                .validationData(validationBatches));
        double testAcc = model.evaluate(testBatches, 0, 0).get("accuracy");
        int testCount = (int) Math.min(rawTest.cardinality(), Integer.MAX_VALUE);
        return new Result(accuracy0, history, baseAcc, testAcc, testCount, (System.nanoTime() - t0) / 1e9);
    }

    /** The folder of the CIFAR-10 JPEG copy: the data search path ($GANGLION_SHARED_DATA, ...), else null. */
    public static Path findCifarJpeg() {
        return DataPaths.standard().find(Cifar10.JPEG_NAME, List.of("cifar10-train-jpg.tar.gz")).orElse(null);
    }

    public static void main(String[] args) {
        Options f = Options.full();
        int train = f.trainImages(), validation = f.validationImages(), test = f.testImages();
        int pretrain = f.pretrainImages(), pretrainEpochs = f.pretrainEpochs(), epochs = f.epochs();
        double learningRate = f.learningRate();
        long seed = f.seed();
        Path out = Path.of("example-output");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--validation" -> validation = Integer.parseInt(args[++i]);
                case "--test" -> test = Integer.parseInt(args[++i]);
                case "--pretrain" -> pretrain = Integer.parseInt(args[++i]);
                case "--pretrain-epochs" -> pretrainEpochs = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--lr" -> learningRate = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i] + ". Use --train N, --validation N, --test N, "
                            + "--pretrain N, --pretrain-epochs N, --epochs N, --lr X, --seed N, --out DIR");
                    System.exit(2);
                }
            }
        }
        Path cifar = findCifarJpeg();
        if (cifar == null) {
            System.err.println("The CIFAR-10 JPEG copy (" + Cifar10.JPEG_NAME + "/cifar10-train-jpg.tar.gz) was not "
                    + "found; set GANGLION_SHARED_DATA to the folder that holds " + Cifar10.JPEG_NAME + "/.");
            System.exit(1);
        }
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        Result r = run(cifar, out, new Options(train, validation, test, pretrain, pretrainEpochs, epochs, learningRate,
                seed), true, 2);
        if (!Double.isNaN(r.baseAccuracy())) {
            System.out.printf("base pretrained on the 8 other classes: held-out accuracy %.4f%n", r.baseAccuracy());
        }
        System.out.printf("validation accuracy before training (%d batches): %.4f%n", VALIDATION_STEPS,
                r.initialAccuracy());
        List<Double> valAcc = r.history().history().get("val_accuracy");
        System.out.printf("validation accuracy after %d epochs: %.4f%n", valAcc.size(), valAcc.get(valAcc.size() - 1));
        System.out.printf("test accuracy (%d cat/dog test images): %.4f%n", r.testImages(), r.testAccuracy());
        System.out.printf("cat/dog pipeline + training + test: %.0f s; whole run %.0f s%n", r.seconds(),
                (System.nanoTime() - t0) / 1e9);
    }
}
