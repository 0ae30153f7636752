package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.data.Dataset;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does decoding keep up with training? One epoch of the CIFAR-10 seed CNN (seed 000, batch 128) fed two ways:
 * from a {@link Dataset} that decodes the JPEG folder while training ({@code imageFiles -> shuffle -> map ->
 * batch -> prefetch}), and from tensors already in memory (the same images, decoded beforehand). Also reports
 * how many images per second the decoder alone delivers. Target: the streamed epoch takes at most 1.15x the
 * in-memory one.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * ganglion.bench.JpegPipelineEpoch TRAIN_DIR [images]} where TRAIN_DIR holds {@code <class>/*.jpg}
 * ({@code bench/scripts/jpeg_pipeline.sh} unpacks the CIFAR-10 JPEG copy and runs it).
 */
public final class JpegPipelineEpoch {

    private JpegPipelineEpoch() {
    }

    private static Dataset<Tensor[]> images(Path dir, long limit) {
        return Dataset.imageFiles(dir, new int[]{32, 32}, "rgb", 2, false).take(limit);
    }

    private static Sequential model() {
        Ganglion.setRandomSeed(1);
        Sequential m = CnnEpoch.buildModel("cifar");
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;

        long t0 = System.nanoTime();
        List<Tensor[]> decoded = images(dir, limit).toList();
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;
        int n = decoded.size();
        System.out.printf("decode only: %d images in %.2f s = %.0f images/s%n", n, decodeSeconds, n / decodeSeconds);

        List<Tensor> xs = new ArrayList<>(n);
        List<Tensor> ys = new ArrayList<>(n);
        for (Tensor[] e : decoded) {
            xs.add(e[0]);
            ys.add(e[1]);
        }
        Tensor x = Tensor.stack(0, xs.toArray(new Tensor[0])).div(255f);
        Tensor y = Tensor.stack(0, ys.toArray(new Tensor[0]));
        decoded = null;

        // warm the JIT on a few batches so that neither timed epoch pays for it
        model().fit(x.slice(0, Math.min(n, 1024)), y.slice(0, Math.min(n, 1024)),
                new FitOptions().epochs(1).batchSize(128).verbose(0));

        Sequential a = model();
        long t1 = System.nanoTime();
        a.fit(x, y, new FitOptions().epochs(1).batchSize(128).verbose(0).shuffle(true));
        double memory = (System.nanoTime() - t1) / 1e9;

        Dataset<Tensor[]> stream = images(dir, limit).shuffle(n, 7)
                .map(e -> new Tensor[]{e[0].div(255f), e[1]})
                .batch(128).prefetch(4);
        Sequential b = model();
        long t2 = System.nanoTime();
        b.fit(stream, new FitOptions().epochs(1).verbose(0));
        double streamed = (System.nanoTime() - t2) / 1e9;
        System.out.printf("epoch from memory: %.2f s (%.0f images/s trained)%n", memory, n / memory);
        System.out.printf("epoch streamed from JPEG files: %.2f s%n", streamed);
        System.out.printf("ratio streamed/memory: %.3f (target <= 1.15)%n", streamed / memory);
        System.out.println(Ganglion.backendInfo());
    }
}
