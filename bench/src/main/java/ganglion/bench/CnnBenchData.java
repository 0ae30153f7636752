package ganglion.bench;

import ganglion.Tensor;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.IdxReader;
import ganglion.datasets.TrainTestData;

import java.nio.file.Path;

/**
 * The training data and options shared by the Java sides of {@code bench/scripts/cnn_epoch.sh}
 * ({@link CnnEpoch} and {@link DjlCnnEpoch}): Fashion-MNIST's 60,000 training images (real, from the IDX
 * files, scaled to [0, 1]) for {@link #FMNIST}, and 50,000 CIFAR-10-shaped images of uniform noise in [0, 1)
 * with random labels for {@link #CIFAR} (the epoch's cost does not depend on the pixel values, and all three
 * sides use the same shapes). Images are NHWC; {@code --steps N} keeps only the first {@code N * batch}.
 *
 * @param images   n*h*w*c floats, channels last
 * @param labels   n class indices in [0, 10)
 */
public record CnnBenchData(float[] images, int[] labels, int n, int height, int width, int channels) {

    /** Seed 002's Fashion-MNIST CNN. */
    public static final String FMNIST = "fmnist";
    /** Seed 000's CIFAR-10 CNN. */
    public static final String CIFAR = "cifar";

    /** The command-line options of the Java benchmark sides. */
    public static final class Options {
        String model = FMNIST;
        int batch = 32;
        int epochs = 1;
        int steps = 0;
        int threads = 2;
        long seed = 42;
        Path data;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--model" -> o.model = args[++i];
                    case "--batch" -> o.batch = Integer.parseInt(args[++i]);
                    case "--epochs" -> o.epochs = Integer.parseInt(args[++i]);
                    case "--steps" -> o.steps = Integer.parseInt(args[++i]);
                    case "--threads" -> o.threads = Integer.parseInt(args[++i]);
                    case "--seed" -> o.seed = Long.parseLong(args[++i]);
                    case "--data" -> o.data = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; expected --model fmnist|cifar --batch N --epochs N --steps N --threads N --seed N"
                            + " --data DIR");
                }
            }
            if (!o.model.equals(FMNIST) && !o.model.equals(CIFAR)) {
                throw new IllegalArgumentException("--model must be fmnist or cifar, got " + o.model);
            }
            return o;
        }
    }

    private static Path idx(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        return java.nio.file.Files.exists(gz) ? gz : dir.resolve(name);
    }

    static CnnBenchData load(Options o) {
        int limit = o.steps > 0 ? o.steps * o.batch : Integer.MAX_VALUE;
        if (o.model.equals(FMNIST)) {
            if (o.data != null) {
                // Only the training files, bytes straight to scaled floats: the smallest peak RSS.
                IdxReader.IdxData xi = IdxReader.read(idx(o.data, "train-images-idx3-ubyte"));
                IdxReader.IdxData yi = IdxReader.read(idx(o.data, "train-labels-idx1-ubyte"));
                int n = Math.min(limit, xi.dims()[0]);
                float[] images = new float[n * 28 * 28];
                byte[] xb = xi.data();
                for (int i = 0; i < images.length; i++) {
                    images[i] = (xb[i] & 0xff) / 255f;
                }
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = yi.data()[i] & 0xff;
                }
                return new CnnBenchData(images, labels, n, 28, 28, 1);
            }
            TrainTestData d = FashionMnist.loadData();
            Tensor x = d.xTrain();
            float[] images = x.buffer(); // scaled in place: no second 188 MB copy to inflate the peak RSS
            float[] ys = d.yTrain().buffer();
            int n = Math.min(limit, x.shape(0));
            if (n < x.shape(0)) {
                images = java.util.Arrays.copyOf(images, n * 28 * 28);
            }
            for (int i = 0; i < n * 28 * 28; i++) {
                images[i] /= 255f;
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (int) ys[i];
            }
            return new CnnBenchData(images, labels, n, 28, 28, 1);
        }
        // Generated whole, then cut to --steps batches, so that peak RSS matches a whole epoch's.
        float[] images = new float[50_000 * 32 * 32 * 3];
        java.util.SplittableRandom r = new java.util.SplittableRandom(o.seed);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) r.nextDouble();
        }
        int n = Math.min(limit, 50_000);
        if (n < 50_000) {
            images = java.util.Arrays.copyOf(images, n * 32 * 32 * 3);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(10);
        }
        return new CnnBenchData(images, labels, n, 32, 32, 3);
    }
}
