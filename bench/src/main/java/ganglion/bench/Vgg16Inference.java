package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.applications.VGG16;
import ganglion.models.Model;

import java.util.Arrays;

/**
 * Ganglion side of {@code bench/scripts/vgg16_inference.sh}: inference of Keras's VGG16 without its top
 * ({@code VGG16(include_top=False, input_shape=(32, 32, 3))}, random weights) on batches of 32x32x3 images,
 * as {@code model.predict_on_batch}. Times {@code --iters} batches after {@code --warmup} untimed ones and
 * prints {@code ganglion_ms_per_batch=M} (the median) and {@code ganglion_images_per_second=R}.
 *
 * <p>Arguments: {@code --batch N} (32), {@code --threads N} (2), {@code --warmup N} (5), {@code --iters N} (20),
 * {@code --size N} (32). {@code -Dbench.trace=true} also prints every timed iteration (to see JIT or GC outliers).
 */
public final class Vgg16Inference {

    private Vgg16Inference() {
    }

    /** The arguments both VGG16 benchmarks take (see the class comment), with each one's warm-up and iteration defaults. */
    record Options(int batch, int threads, int warmup, int iters, int size) {
        static Options parse(String[] args, String who, int warmup, int iters) {
            int batch = 32, threads = 2, size = 32;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int v = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--batch" -> batch = v;
                    case "--threads" -> threads = v;
                    case "--warmup" -> warmup = v;
                    case "--iters" -> iters = v;
                    case "--size" -> size = v;
                    default -> throw new IllegalArgumentException(who + ": unknown argument " + args[i]
                            + " (use --batch, --threads, --warmup, --iters, --size)");
                }
            }
            return new Options(batch, threads, warmup, iters, size);
        }

        /** Sets the threads and seed 42, and builds VGG16 without top for {@code size x size x 3} images. */
        Model model() {
            Ganglion.setThreads(threads);
            Ganglion.setRandomSeed(42);
            return VGG16.builder().includeTop(false).inputShape(size, size, 3).build();
        }

        /** A preprocessed batch of random pixels. */
        Tensor input() {
            return VGG16.preprocessInput(Tensor.randomUniform(0f, 255f, batch, size, size, 3));
        }
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Options o = Options.parse(args, "Vgg16Inference", 5, 20);
        int batch = o.batch(), threads = o.threads(), warmup = o.warmup(), iters = o.iters(), size = o.size();
        Model model = o.model();
        Tensor x = o.input();
        for (int i = 0; i < warmup; i++) {
            model.predictOnBatch(x);
        }
        double[] ms = new double[iters];
        float check = 0;
        for (int i = 0; i < iters; i++) {
            long t0 = System.nanoTime();
            Tensor y = model.predictOnBatch(x);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            check += y.buffer()[0];
            if (Boolean.getBoolean("bench.trace")) {
                System.out.printf("iteration %d: %.3f ms%n", i, ms[i]);
            }
        }
        Arrays.sort(ms);
        double median = ms[iters / 2];
        System.out.printf("ganglion_ms_per_batch=%.3f%n", median);
        System.out.printf("ganglion_images_per_second=%.1f%n", batch * 1000.0 / median);
        System.out.printf("ganglion: VGG16 notop %dx%dx3, batch %d, %d threads, min %.3f ms, max %.3f ms (check %.4g)%n",
                size, size, batch, threads, ms[0], ms[iters - 1], check);
        System.out.println(Ganglion.backendInfo());
    }
}
