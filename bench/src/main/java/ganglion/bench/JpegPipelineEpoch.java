package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.data.Dataset;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.utils.ImageDataset;
import ganglion.utils.ImageDatasets;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;
import ganglion.utils.images.Resize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Does decoding keep up with training? One epoch of the CIFAR-10 seed CNN (seed 000, batch 128) fed two ways, on
 * the same images (a seeded random subset of the folder, every class), the same model and the same seed:
 * <ul>
 *   <li>streamed: a {@link Dataset} of the shuffled file list decoding JPEGs while training, as
 *   {@code image_dataset_from_directory(shuffle=True)} and tf's {@code list_files -> map(decode) -> batch ->
 *   prefetch} do: {@code fromIterable(files) -> shuffle(files, seed) -> map(decode + rescale, DECODERS) -> batch(128)
 *   -> prefetch(4)}. The file list, not the decoded images, is shuffled, so training starts at once;</li>
 *   <li>in memory: {@code fit(x, y, shuffle=true)} on the same images decoded beforehand.</li>
 * </ul>
 * Both sides are warmed first (a short fit from memory and one from a stream), so neither timed epoch pays for
 * JIT compilation or thread start-up; with several rounds the order alternates and the ratio is total streamed
 * time over total in-memory time. Also reports the folder listing
 * time and the decoder's images/s (1 thread, warm). Target: streamed epoch at most 1.15x the in-memory one.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * ganglion.bench.JpegPipelineEpoch TRAIN_DIR [images] [rounds]} where TRAIN_DIR holds {@code <class>/*.jpg}
 * ({@code bench/scripts/jpeg_pipeline.sh} unpacks the CIFAR-10 JPEG copy and runs it).
 */
public final class JpegPipelineEpoch {

    private static final int SIZE = 32;
    private static final int BATCH = 128;

    private JpegPipelineEpoch() {
    }

    /** One file decoded, resized and rescaled to [0, 1], with its label. */
    private static Tensor[] decode(Path file, int label) {
        DecodedImage img = ImageDecoder.read(file, 3);
        float[] out = new float[SIZE * SIZE * 3];
        Resize.bilinear(img.pixels(), img.height(), img.width(), 3, SIZE, SIZE, out, 0);
        for (int i = 0; i < out.length; i++) {
            out[i] *= 1f / 255f;
        }
        return new Tensor[]{Tensor.wrap(out, SIZE, SIZE, 3), Tensor.scalar(label)};
    }

    private static Dataset<Tensor[]> stream(List<Path> files, int[] labels, List<Integer> subset, long seed) {
        return Dataset.fromIterable(subset)
                .shuffle(subset.size(), seed)
                .map(i -> decode(files.get(i), labels[i]), DECODERS)
                .batch(BATCH)
                .prefetch(4);
    }

    /**
     * Decoding threads of the streamed pipeline ({@code -Dpipeline.decoders=N}, default 1): one decoder keeps up
     * with training on 2 cores (it needs under a tenth of a core), and every extra thread competes with the two
     * kernel threads.
     */
    private static final int DECODERS = Integer.getInteger("pipeline.decoders", 1);

    private static Sequential model() {
        Ganglion.setRandomSeed(1);
        Sequential m = CnnEpoch.buildModel("cifar");
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;

        long t0 = System.nanoTime();
        ImageDataset listing = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{SIZE, SIZE}, 1, "int", 0L, 0,
                null, "rgb", false);
        List<Path> files = listing.filePaths();
        int[] labels = listing.labels();
        System.out.printf("listing %d files: %.2f s (once per Dataset, outside both timed epochs)%n", files.size(),
                (System.nanoTime() - t0) / 1e9);
        List<Integer> subset = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            subset.add(i);
        }
        Collections.shuffle(subset, new Random(123));
        subset = new ArrayList<>(subset.subList(0, Math.min(limit, subset.size())));
        int n = subset.size();

        // decode into memory (cold pass), then a warm 1-thread pass for the decoder's throughput
        Tensor[] xs = new Tensor[n];
        Tensor[] ys = new Tensor[n];
        for (int k = 0; k < n; k++) {
            Tensor[] e = decode(files.get(subset.get(k)), labels[subset.get(k)]);
            xs[k] = e[0];
            ys[k] = e[1];
        }
        long t1 = System.nanoTime();
        long sink = 0;
        for (int k = 0; k < n; k++) {
            sink += ImageDecoder.read(files.get(subset.get(k)), 3).pixels()[0];
        }
        double decodeSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("decoder alone (file read + JPEG decode, 1 thread, warm): %d images in %.2f s = %.0f images/s%s%n",
                n, decodeSeconds, n / decodeSeconds, sink == Long.MIN_VALUE ? "!" : "");
        Tensor x = Tensor.stack(0, xs);
        Tensor y = Tensor.stack(0, ys);
        xs = null;
        ys = null;

        // warm both paths so that neither timed epoch pays for JIT compilation or thread start-up
        int warm = Math.min(n, 4096);
        model().fit(x.slice(0, warm), y.slice(0, warm), new FitOptions().epochs(1).batchSize(BATCH).verbose(0));
        model().fit(stream(files, labels, subset.subList(0, warm), 1), new FitOptions().epochs(1).verbose(0));

        double memoryTotal = 0;
        double streamedTotal = 0;
        for (int r = 0; r < rounds; r++) {
            // alternate which side goes first, so that neither profits from the machine warming up or calming down
            double memory = 0;
            double streamed = 0;
            for (int side = 0; side < 2; side++) {
                boolean fromMemory = (side == 0) == (r % 2 == 0);
                Sequential m = model();
                long t = System.nanoTime();
                if (fromMemory) {
                    m.fit(x, y, new FitOptions().epochs(1).batchSize(BATCH).verbose(0).shuffle(true));
                    memory = (System.nanoTime() - t) / 1e9;
                } else {
                    m.fit(stream(files, labels, subset, 7 + r), new FitOptions().epochs(1).verbose(0));
                    streamed = (System.nanoTime() - t) / 1e9;
                }
            }
            memoryTotal += memory;
            streamedTotal += streamed;
            System.out.printf("round %d (%s first): epoch from memory %.2f s (%.0f images/s trained); streamed from"
                    + " JPEG files %.2f s; ratio streamed/memory %.3f%n", r + 1, r % 2 == 0 ? "memory" : "streamed",
                    memory, n / memory, streamed, streamed / memory);
        }
        System.out.printf("ratio streamed/memory: %.3f over %d round(s) (target <= 1.15; %d images, batch %d, warm"
                + " epochs, same model and seed; streamed = shuffled file list -> map(decode, " + DECODERS + ") -> batch ->"
                + " prefetch(4))%n", streamedTotal / memoryTotal, rounds, n, BATCH);
        System.out.println(Ganglion.backendInfo());
    }
}
