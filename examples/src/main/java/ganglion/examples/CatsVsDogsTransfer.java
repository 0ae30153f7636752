package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.datasets.Cifar10;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.Layer;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;
import ganglion.utils.Utils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfer learning that really transfers, on CIFAR-10 (seeds 001 and 004): a small convolutional base is
 * pretrained on the 8 classes that are neither cat nor dog and saved to a {@code .keras} file; it is loaded back,
 * frozen ({@code base.trainable = False}) under a new {@code GlobalAveragePooling2D} + {@code Dense} head trained on
 * cat/dog images, then its last block is unfrozen and fine-tuned with {@code Adam(1e-5)} as in seed 001. The same
 * architecture trained from scratch on the same cat/dog images (as many epochs in all) is printed beside it.
 *
 * <pre>{@code
 * base = keras.models.load_model("cifar8_base.keras"); base.trainable = False
 * model = Sequential([base, GlobalAveragePooling2D(), Dense(1, activation='sigmoid')])
 * model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy']); model.fit(...)
 * for layer in base.layers: layer.trainable = layer.name.startswith('block3')
 * model.compile(optimizer=Adam(learning_rate=1e-5), ...); model.fit(...)
 * }</pre>
 *
 * Arguments: {@code --pretrain N} (training images scanned for the 8 other classes, 0: all 50,000),
 * {@code --catdog N} (2000), {@code --test N} (test images scanned for cats and dogs, 0: all), {@code --epochs N}
 * (pretraining epochs, 5), {@code --head N} (head epochs, 5), {@code --fine N} (fine-tuning epochs, 2),
 * {@code --seed N} (42), {@code --out DIR} (example-output, where the base is saved).
 */
public final class CatsVsDogsTransfer {

    /** CIFAR-10's class indices of cat and dog. */
    public static final int CAT = 3;
    public static final int DOG = 5;
    /** Name prefix of the layers unfrozen for fine-tuning. */
    public static final String LAST_BLOCK = "block3";

    private CatsVsDogsTransfer() {
    }

    /** Sizes and epochs of a run. */
    public record Options(int pretrainImages, int catDogTrain, int testImages, int pretrainEpochs, int headEpochs,
                          int fineEpochs, long seed) {
        /** The run: all other-class images, 2,000 cat/dog images, the whole test set. */
        public static Options full() {
            return new Options(0, 2000, 0, 5, 5, 2, 42);
        }
    }

    /**
     * What a run measured: 8-class test accuracy of the pretraining model; cat/dog test accuracy with the frozen
     * base, after fine-tuning, and from scratch; whether the base went through a {@code .keras} file; whether
     * fine-tuning left every frozen weight bit-identical while moving the unfrozen ones.
     */
    public record Result(double pretrainAccuracy, double frozenAccuracy, double fineTunedAccuracy,
                         double scratchAccuracy, boolean savedAndLoaded, boolean frozenUnchanged,
                         boolean unfrozenChanged, int catDogTest) {
    }

    /** The convolutional base: three blocks of Conv2D + MaxPooling2D on 32x32x3 images. */
    public static Sequential buildBase() {
        Sequential b = new Sequential().name("base");
        b.add(new Conv2D(32, 3).padding("same").activation("relu").name("block1_conv1").inputShape(32, 32, 3));
        b.add(new MaxPooling2D(2).name("block1_pool"));
        b.add(new Conv2D(64, 3).padding("same").activation("relu").name("block2_conv1"));
        b.add(new MaxPooling2D(2).name("block2_pool"));
        b.add(new Conv2D(128, 3).padding("same").activation("relu").name("block3_conv1"));
        b.add(new Conv2D(128, 3).padding("same").activation("relu").name("block3_conv2"));
        return b;
    }

    /** {@code base} under the cats-vs-dogs head: GlobalAveragePooling2D then one sigmoid unit. */
    public static Sequential withHead(Layer base, String name) {
        Sequential m = new Sequential().name(name);
        m.add(base);
        m.add(new GlobalAveragePooling2D().name(name + "_gap"));
        m.add(new Dense(1, "sigmoid").name(name + "_out"));
        return m;
    }

    /** Images and labels kept by class: {@code classes[i]} becomes label {@code i}; at most {@code max} (0: all). */
    static Tensor[] select(Tensor x, Tensor y, int[] classes, int max) {
        float[] labels = y.toFloatArray();
        List<Integer> keep = new ArrayList<>();
        List<Float> newLabels = new ArrayList<>();
        for (int i = 0; i < labels.length && (max <= 0 || keep.size() < max); i++) {
            for (int c = 0; c < classes.length; c++) {
                if ((int) labels[i] == classes[c]) {
                    keep.add(i);
                    newLabels.add((float) c);
                }
            }
        }
        int[] idx = keep.stream().mapToInt(Integer::intValue).toArray();
        float[] ny = new float[idx.length];
        for (int i = 0; i < ny.length; i++) {
            ny[i] = newLabels.get(i);
        }
        return new Tensor[] {x.take(idx).div(255f), Tensor.of(ny, idx.length, 1)};
    }

    private static List<float[]> snapshot(List<Variable> vars) {
        List<float[]> s = new ArrayList<>();
        for (Variable v : vars) {
            s.add(v.value().toFloatArray());
        }
        return s;
    }

    private static double accuracy(Model m, Tensor x, Tensor y) {
        return m.evaluate(x, y, 64, 0).get("accuracy");
    }

    /** Runs the whole comparison; {@code dir} receives the saved base ({@code null}: a temporary folder). */
    public static Result run(TrainTestData d, Options o, Path dir, int verbose) {
        int[] others = {0, 1, 2, 4, 6, 7, 8, 9};
        int[] catDog = {CAT, DOG};
        Tensor[] pre = select(d.xTrain(), d.yTrain(), others, 0);
        Tensor[] preTest = select(d.xTest(), d.yTest(), others, 0);
        Tensor[] cd = select(d.xTrain(), d.yTrain(), catDog, o.catDogTrain());
        Tensor[] cdTest = select(d.xTest(), d.yTest(), catDog, 0);
        FitOptions fit = new FitOptions().batchSize(32).verbose(verbose);

        // 1. pretrain the base on the 8 other classes
        Ganglion.setRandomSeed(o.seed());
        Sequential base = buildBase();
        Sequential pretrain = new Sequential().name("pretrain");
        pretrain.add(base);
        pretrain.add(new GlobalAveragePooling2D());
        pretrain.add(new Dense(8, "softmax"));
        pretrain.compile("adam", "categorical_crossentropy", "accuracy");
        pretrain.fit(pre[0], Utils.toCategorical(pre[1], 8), fit.epochs(o.pretrainEpochs()));
        double preAcc = accuracy(pretrain, preTest[0], Utils.toCategorical(preTest[1], 8));

        // 2. save it, load it back frozen
        Layer loaded = base;
        boolean saved = false;
        try {
            Path folder = dir != null ? dir : Files.createTempDirectory("ganglion-transfer");
            Files.createDirectories(folder);
            Path file = folder.resolve("cifar8_base.keras");
            base.save(file);
            loaded = Model.load(file);
            saved = true;
        } catch (Exception | LinkageError e) {
            System.out.println("Saving or loading the base failed (" + e + "); reusing the in-memory base.");
        }
        Ganglion.setRandomSeed(o.seed() + 1);
        loaded.setTrainable(false);
        Sequential transfer = withHead(loaded, "transfer");
        transfer.compile("adam", "binary_crossentropy", "accuracy");
        transfer.fit(cd[0], cd[1], fit.epochs(o.headEpochs()));
        double frozenAcc = accuracy(transfer, cdTest[0], cdTest[1]);

        // 3. unfreeze the last block, fine-tune with Adam(1e-5)
        loaded.setTrainable(true);
        List<Variable> frozenVars = new ArrayList<>();
        List<Variable> openVars = new ArrayList<>();
        for (Layer l : ((Model) loaded).layers()) {
            boolean open = l.name().startsWith(LAST_BLOCK);
            l.setTrainable(open);
            (open ? openVars : frozenVars).addAll(l.variables());
        }
        List<float[]> frozenBefore = snapshot(frozenVars);
        List<float[]> openBefore = snapshot(openVars);
        transfer.compile(new Adam(1e-5), "binary_crossentropy", "accuracy");
        transfer.fit(cd[0], cd[1], fit.epochs(o.fineEpochs()));
        double fineAcc = accuracy(transfer, cdTest[0], cdTest[1]);
        boolean frozenSame = equal(frozenBefore, snapshot(frozenVars));
        boolean openMoved = !equal(openBefore, snapshot(openVars));

        // 4. the same architecture from scratch on the same cat/dog images, as many epochs in all
        Ganglion.setRandomSeed(o.seed() + 2);
        Sequential scratch = withHead(buildBase().name("scratch_base"), "scratch");
        scratch.compile("adam", "binary_crossentropy", "accuracy");
        scratch.fit(cd[0], cd[1], fit.epochs(o.headEpochs() + o.fineEpochs()));
        double scratchAcc = accuracy(scratch, cdTest[0], cdTest[1]);
        return new Result(preAcc, frozenAcc, fineAcc, scratchAcc, saved, frozenSame, openMoved, cdTest[0].shape(0));
    }

    private static boolean equal(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    public static void main(String[] args) {
        Options f = Options.full();
        int pretrain = f.pretrainImages(), catdog = f.catDogTrain(), test = f.testImages();
        int epochs = f.pretrainEpochs(), head = f.headEpochs(), fine = f.fineEpochs();
        long seed = f.seed();
        Path out = Path.of("example-output");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pretrain" -> pretrain = Integer.parseInt(args[++i]);
                case "--catdog" -> catdog = Integer.parseInt(args[++i]);
                case "--test" -> test = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--head" -> head = Integer.parseInt(args[++i]);
                case "--fine" -> fine = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i] + ". Use --pretrain N, --catdog N, --test N, "
                            + "--epochs N, --head N, --fine N, --seed N, --out DIR");
                    System.exit(2);
                }
            }
        }
        System.out.println(Ganglion.backendInfo());
        long t0 = System.nanoTime();
        TrainTestData d = Cifar10.loadData(pretrain, test);
        Result r = run(d, new Options(pretrain, catdog, test, epochs, head, fine, seed), out, 2);
        System.out.printf("8-class pretraining test accuracy: %.4f%n", r.pretrainAccuracy());
        System.out.printf("cats vs dogs (%d test images): frozen base %.4f, fine-tuned %.4f, from scratch %.4f%n",
                r.catDogTest(), r.frozenAccuracy(), r.fineTunedAccuracy(), r.scratchAccuracy());
        System.out.println("base saved to and loaded from .keras: " + r.savedAndLoaded()
                + "; frozen weights bit-identical after fine-tuning: " + r.frozenUnchanged()
                + "; unfrozen weights moved: " + r.unfrozenChanged());
        System.out.printf("%.0f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
