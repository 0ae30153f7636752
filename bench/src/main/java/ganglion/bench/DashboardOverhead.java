package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.Callback;
import ganglion.callbacks.TensorBoard;
import ganglion.callbacks.TrainingDashboard;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.TrainTestData;
import ganglion.examples.FashionMnistCnn;
import ganglion.examples.FashionMnistMlp;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What watching costs (issue 8: "the dashboard never slows training by more than 2 % when no one is watching").
 * The same training run (the Fashion-MNIST MLP or CNN of {@code ganglion.examples}, on synthetic 28x28 images or
 * the real data, batch 32, 10 % validation, same seed) is timed in three arms, each on a fresh model:
 * <ul>
 * <li>plain: no callback of ours;</li>
 * <li>dashboard: a {@link TrainingDashboard} with a sample grid, nobody connected;</li>
 * <li>tensorboard: {@link TensorBoard} with Keras's defaults (epoch scalars, graph).</li>
 * </ul>
 * Runs last about {@code --seconds} each (the number of epochs is calibrated once), arms are interleaved in
 * alternating order (P D T, then T D P, ...) for {@code --rounds} rounds, and the first round is discarded as
 * warm-up. Reported: each arm's median time, the median, min and max of the per-round paired ratios to plain
 * (with and without the one-time onTrainBegin/onTrainEnd, and of the process CPU time, which a shared machine
 * disturbs less than wall time), the time the training thread spent inside each callback's hooks, and the
 * dashboard's one-time server start and stop measured on their own.
 *
 * <p>Run: {@code bench/scripts/dashboard_overhead.sh}, or after
 * {@code mvn -q -pl bench -am package -DskipTests}:
 * {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar ganglion.bench.DashboardOverhead
 * [--seconds 12] [--rounds 6] [--samples 20000] [--threads 2] [--model mlp|cnn] [--data FASHION_MNIST_DIR]}.
 */
public final class DashboardOverhead {

    private enum Arm { PLAIN, DASHBOARD, TENSORBOARD }

    /** Wall seconds of fit, CPU seconds of the whole process during it (every thread: server, GC, JIT too). */
    private record Run(double seconds, double cpuSeconds, HookTimer hooks) {
        double withoutBeginEnd() {
            return seconds - (hooks.beginNanos + hooks.endNanos) / 1e9;
        }
    }

    private final Tensor x;
    private final Tensor y;
    private final String model;
    private final int batch;
    private final long seed;
    private final Path logs;

    private DashboardOverhead(Tensor x, Tensor y, String model, int batch, long seed, Path logs) {
        this.x = x;
        this.y = y;
        this.model = model;
        this.batch = batch;
        this.seed = seed;
        this.logs = logs;
    }

    private Sequential newModel() {
        Ganglion.setRandomSeed(seed);
        Sequential m = model.equals("cnn") ? FashionMnistCnn.buildModel(true) : FashionMnistMlp.buildModel();
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    private Run run(Arm arm, int epochs, int round) {
        Callback inner = switch (arm) {
            case PLAIN -> new Callback() {
            };
            case DASHBOARD -> new TrainingDashboard().samples(x.slice(0, 16), y.slice(0, 16), null);
            case TENSORBOARD -> new TensorBoard(logs.resolve("run" + round));
        };
        HookTimer timer = new HookTimer(inner, epochs);
        Sequential m = newModel();
        System.gc();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        m.fit(x, y, new FitOptions().epochs(epochs).batchSize(batch).validationSplit(0.1).verbose(0)
                .callbacks(timer));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        if (inner instanceof TrainingDashboard d) {
            d.close();
        }
        return new Run(seconds, cpu, timer);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] a = v.clone();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double[] each(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    /** Milliseconds for {@code start()} then {@code close()} of a fresh dashboard, on this thread. */
    private static double[] startStop() {
        long t0 = System.nanoTime();
        TrainingDashboard d = new TrainingDashboard().start();
        long t1 = System.nanoTime();
        d.close();
        long t2 = System.nanoTime();
        return new double[]{(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    public static void main(String[] args) throws IOException {
        double seconds = 12;
        int rounds = 6;
        int samples = 20_000;
        int threads = 2;
        int batch = 32;
        long seed = 1;
        String model = "mlp";
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--model" -> model = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("DashboardOverhead: unknown argument " + args[i]
                        + "; expected --seconds S --rounds R --samples N --threads T --batch B --seed S "
                        + "--model mlp|cnn --data DIR");
            }
        }
        if (rounds < 2) {
            throw new IllegalArgumentException("DashboardOverhead: --rounds must be >= 2 (the first is warm-up)");
        }
        Ganglion.setThreads(threads);
        Ganglion.setRandomSeed(0);
        Tensor x;
        Tensor y;
        String source;
        if (data != null) {
            TrainTestData d = FashionMnist.loadData(data);
            int n = Math.min(samples, d.xTrain().shape()[0]);
            x = d.xTrain().slice(0, n).div(255f);
            y = d.yTrain().slice(0, n);
            source = "Fashion-MNIST " + n + " images from " + data;
        } else {
            x = Tensor.randomUniform(0, 1, samples, 28, 28);
            y = Tensor.randomUniform(0, 10, samples).floor();
            source = "synthetic " + samples + " images 28x28";
        }
        if (model.equals("cnn")) {
            x = x.reshape(x.shape()[0], 28, 28, 1);
        }
        Path logs = Files.createTempDirectory("dashboard-overhead-tb");
        DashboardOverhead bench = new DashboardOverhead(x, y, model, batch, seed, logs);
        try {
            bench.measure(seconds, rounds, threads, source);
        } finally {
            try (Stream<Path> s = Files.walk(logs)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measure(double seconds, int rounds, int threads, String source) {
        // One-time server start and stop on their own; the first is cold (class loading), before any training.
        double[] cold = startStop();
        double[] warm = startStop();

        // Calibration (also JIT warm-up): the faster of the second and third of three plain epochs.
        HookTimer cal = new HookTimer(new Callback() {
        }, 3);
        newModel().fit(x, y, new FitOptions().epochs(3).batchSize(batch).validationSplit(0.1).verbose(0)
                .callbacks(cal));
        double epochSeconds = Math.min(cal.epochEnds[1] - cal.epochEnds[0], cal.epochEnds[2] - cal.epochEnds[1]) / 1e9;
        int epochs = (int) Math.max(2, Math.min(1000, Math.round(seconds / epochSeconds)));
        System.out.printf("DashboardOverhead: %s model, %s, batch %d, validationSplit 0.1, %d threads, %d epochs "
                        + "per run (%.2f s/epoch, target %.0f s), %d rounds (first = warm-up, discarded), order "
                        + "P D T / T D P alternating, %d cores, load %s%n",
                model, source, batch, threads, epochs, epochSeconds, seconds, rounds,
                Runtime.getRuntime().availableProcessors(), load());

        List<Run> plain = new ArrayList<>();
        List<Run> dash = new ArrayList<>();
        List<Run> board = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Arm[] order = r % 2 == 0 ? new Arm[]{Arm.PLAIN, Arm.DASHBOARD, Arm.TENSORBOARD}
                    : new Arm[]{Arm.TENSORBOARD, Arm.DASHBOARD, Arm.PLAIN};
            Run[] got = new Run[3];
            for (Arm a : order) {
                got[a.ordinal()] = run(a, epochs, r);
            }
            System.out.printf("round %d%s: plain %.3f s, dashboard %.3f s (%+.2f %%), tensorboard %.3f s (%+.2f %%); "
                            + "process CPU %.2f / %.2f / %.2f s%n",
                    r, r == 0 ? " (warm-up)" : "", got[0].seconds, got[1].seconds, pct(got[1].seconds / got[0].seconds),
                    got[2].seconds, pct(got[2].seconds / got[0].seconds), got[0].cpuSeconds, got[1].cpuSeconds,
                    got[2].cpuSeconds);
            if (r > 0) {
                plain.add(got[0]);
                dash.add(got[1]);
                board.add(got[2]);
            }
        }

        System.out.println();
        System.out.printf("%-12s %9s %9s %9s %9s   %-33s%n", "arm", "median s", "min s", "max s", "CPU s",
                "training-thread time in the callback's hooks (median per run)");
        row("plain", plain);
        row("dashboard", dash);
        row("tensorboard", board);
        System.out.println();
        ratios("dashboard / plain", dash, plain);
        ratios("tensorboard / plain", board, plain);
        System.out.printf("dashboard server on its own (start() + close() on the calling thread): cold %.1f + %.1f ms, "
                + "warm %.1f + %.1f ms%n", cold[0], cold[1], warm[0], warm[1]);
        double[] dp = paired(dash, plain, Run::seconds);
        double[] ps = each(plain, Run::seconds);
        double spread = (max(ps) - min(ps)) / median(ps);
        String verdict = plain.size() < 3 ? "inconclusive: fewer than 3 measured rounds"
                : spread > 0.06
                ? String.format("inconclusive: the plain runs alone vary by %.0f %% (max - min over median), more than "
                        + "the 2 %% being measured; run on a quiet machine", 100 * spread)
                : (median(dp) <= 1.02 ? "met" : "NOT met");
        System.out.printf("target (issue 8): unwatched dashboard costs <= 2 %% of wall time: %s (median paired "
                + "%+.2f %%; plain runs vary by %.1f %%)%n", verdict, pct(median(dp)), 100 * spread);
        System.out.printf("load after: %s%n", load());
    }

    private static double pct(double ratio) {
        return 100 * (ratio - 1);
    }

    private static double[] paired(List<Run> a, List<Run> b, java.util.function.ToDoubleFunction<Run> f) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(a.get(i)) / f.applyAsDouble(b.get(i));
        }
        return r;
    }

    private static void ratios(String label, List<Run> arm, List<Run> plain) {
        double[] all = paired(arm, plain, Run::seconds);
        double[] train = paired(arm, plain, Run::withoutBeginEnd);
        double[] cpu = paired(arm, plain, Run::cpuSeconds);
        System.out.printf("%-20s paired per round, wall: median %+.2f %% (min %+.2f %%, max %+.2f %%); wall without "
                        + "onTrainBegin/onTrainEnd: median %+.2f %% (min %+.2f %%, max %+.2f %%); process CPU: median "
                        + "%+.2f %% (min %+.2f %%, max %+.2f %%)%n",
                label, pct(median(all)), pct(min(all)), pct(max(all)),
                pct(median(train)), pct(min(train)), pct(max(train)), pct(median(cpu)), pct(min(cpu)), pct(max(cpu)));
        System.out.printf("%-20s fastest run to fastest run (noise only adds time): %+.2f %%%n", label,
                pct(min(each(arm, Run::seconds)) / min(each(plain, Run::seconds))));
    }

    private static void row(String name, List<Run> runs) {
        double[] s = each(runs, Run::seconds);
        double begin = median(each(runs, r -> r.hooks().beginNanos / 1e6));
        double end = median(each(runs, r -> r.hooks().endNanos / 1e6));
        double perBatch = median(each(runs, r -> (double) r.hooks().batchNanos / Math.max(1, r.hooks().batches)));
        double perEpoch = median(each(runs, r -> r.hooks().epochNanos / 1e6 / Math.max(1, r.hooks().epochs)));
        double cpu = median(each(runs, Run::cpuSeconds));
        System.out.printf("%-12s %9.3f %9.3f %9.3f %9.2f   begin %.2f ms, end %.2f ms, per batch %.0f ns (both hooks, "
                        + "timer included), per epoch %.3f ms%n",
                name, median(s), min(s), max(s), cpu, begin, end, perBatch, perEpoch);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
