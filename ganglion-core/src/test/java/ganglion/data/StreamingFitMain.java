package ganglion.data;

import ganglion.Ganglion;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.Rescaling;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link ImageFolderStreamingTest}: streams a folder of images
 * through {@code fit} (decode in parallel, shuffle buffer, batches, prefetch) and prints the steps done and
 * the peak heap used.
 */
public final class StreamingFitMain {

    private StreamingFitMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Ganglion.setRandomSeed(1);
        Dataset<ganglion.Tensor[]> data = Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false)
                .shuffle(2048, 7).batch(256).prefetch(4);
        Sequential m = new Sequential();
        m.add(new Rescaling(1f / 255).inputShape(8, 8, 1));
        m.add(new Flatten());
        m.add(new Dense(16, "relu"));
        m.add(new Dense(2, "softmax"));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        long[] peak = {0};
        Runtime rt = Runtime.getRuntime();
        ganglion.callbacks.Callback watch = new ganglion.callbacks.Callback() {
            @Override
            public void onTrainBatchEnd(int batch, java.util.Map<String, Double> logs) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
            }
        };
        History h = m.fit(data, new FitOptions().epochs(1).verbose(0).callbacks(watch));
        System.out.println("STEPS " + h.history().get("loss").size() + " ACC " + h.history().get("accuracy").get(0)
                + " PEAK_MB " + peak[0] / (1024 * 1024) + " MAX_MB " + rt.maxMemory() / (1024 * 1024));
    }
}
