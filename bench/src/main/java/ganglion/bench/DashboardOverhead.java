package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.Callback;
import ganglion.callbacks.TensorBoard;
import ganglion.callbacks.TrainingDashboard;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What watching costs: the same MLP epochs (synthetic 784-feature data, batch 32) trained with no callback,
 * with a {@link TrainingDashboard} nobody is watching, and with {@link TensorBoard} (epoch scalars). Runs
 * are interleaved and repeated; the median of each is compared. Target: the dashboard costs at most 2 %.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -DskipTests} then
 * {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar ganglion.bench.DashboardOverhead [rounds] [samples]}.
 */
public final class DashboardOverhead {

    private DashboardOverhead() {
    }

    private static double epochSeconds(Tensor x, Tensor y, Callback... callbacks) {
        Ganglion.setRandomSeed(1);
        Sequential m = new Sequential();
        m.add(new Dense(256, "relu").inputShape(784));
        m.add(new Dropout(0.2));
        m.add(new Dense(10, "softmax"));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        long t0 = System.nanoTime();
        m.fit(x, y, new FitOptions().epochs(2).batchSize(32).verbose(0).callbacks(callbacks));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 16_000;
        Ganglion.setRandomSeed(0);
        Tensor x = Tensor.randomUniform(0, 1, samples, 784);
        Tensor y = Tensor.randomUniform(0, 10, samples).floor();
        epochSeconds(x, y);   // warm-up
        List<Double> plain = new ArrayList<>(), dash = new ArrayList<>(), board = new ArrayList<>();
        Path logs = Files.createTempDirectory("tb-overhead");
        for (int r = 0; r < rounds; r++) {
            plain.add(epochSeconds(x, y));
            try (TrainingDashboard d = new TrainingDashboard()) {
                dash.add(epochSeconds(x, y, d));
            }
            board.add(epochSeconds(x, y, new TensorBoard(logs.resolve("run" + r))));
        }
        double p = median(plain), d = median(dash), b = median(board);
        System.out.printf("plain %.3f s, dashboard (unwatched) %.3f s (%+.1f %%), tensorboard %.3f s (%+.1f %%)%n",
                p, d, 100 * (d / p - 1), b, 100 * (b / p - 1));
    }
}
