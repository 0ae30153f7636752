package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.TrainTestData;
import ganglion.examples.FashionMnistMlp;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ganglion side of the end-to-end benchmark {@code bench/scripts/mlp_epoch.sh}: one epoch of the
 * Fashion-MNIST MLP of {@link FashionMnistMlp} (60,000 images, batch 32, Adam, shuffled), timed from the
 * first to the last batch with the data already in memory and scaled, as the PyTorch side times it.
 *
 * <p>Prints {@code ganglion_epoch_seconds=S} for the first (cold, JIT warm-up included) epoch, then the
 * epoch's loss and accuracy and the backend. With {@code --epochs N} it trains N epochs and also prints
 * {@code ganglion_last_epoch_seconds=S} for the last (warm) one. Arguments:
 * {@code [DATA_DIR] [--threads N] [--batch N] [--seed N] [--epochs N]}; without DATA_DIR the data set is
 * found as {@link FashionMnist#loadData()} finds it.
 */
public final class MlpEpoch {

    private MlpEpoch() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Path dir = null;
        int threads = 2;
        int batch = 32;
        long seed = 42;
        int epochs = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                default -> dir = Path.of(args[i]);
            }
        }
        Ganglion.setThreads(threads);
        Ganglion.setRandomSeed(seed);
        TrainTestData d = dir == null ? FashionMnist.loadData() : FashionMnist.loadData(dir);
        Tensor x = d.xTrain().div(255f);
        Tensor y = d.yTrain();

        Sequential model = FashionMnistMlp.buildModel();
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            History h = model.fit(x, y, new FitOptions().epochs(1).batchSize(batch).verbose(0));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, List<Double>> logs = h.history();
            if (e == 1) {
                System.out.printf("ganglion_epoch_seconds=%.3f%n", seconds);
            }
            if (e == epochs && epochs > 1) {
                System.out.printf("ganglion_last_epoch_seconds=%.3f%n", seconds);
            }
            System.out.printf("epoch %d: %.3f s - loss %.4f - accuracy %.4f%n", e, seconds, logs.get("loss").get(0),
                    logs.get("accuracy").get(0));
        }
        System.out.println(Ganglion.backendInfo());
    }
}
