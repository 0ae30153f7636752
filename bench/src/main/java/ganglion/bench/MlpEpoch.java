package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.FashionMnist;
import ganglion.datasets.TrainTestData;
import ganglion.examples.FashionMnistMlp;
import ganglion.internal.ops.DropoutMasks;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.Layer;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Ganglion side of the end-to-end benchmark {@code bench/scripts/mlp_epoch.sh}: one epoch of the
 * Fashion-MNIST MLP of {@link FashionMnistMlp} (60,000 images, batch 32, Adam, shuffled), timed from the
 * first to the last batch with the data already in memory, as the PyTorch side times it.
 *
 * <p>Prints {@code ganglion_epoch_seconds=S} for the first (cold, JIT warm-up included) epoch and
 * {@code ganglion_process_seconds=S}, the wall time from JVM start to the end of that epoch (JVM start-up, data
 * loading and JIT included: what a user waits for). With {@code --epochs N} it trains N epochs and also prints
 * {@code ganglion_last_epoch_seconds=S} for the last (warm) one. Arguments:
 * {@code [DATA_DIR] [--threads N] [--batch N] [--seed N] [--epochs N] [--fast-dropout] [--step-profile N]
 * [--cpu-breakdown] [--await-warmup]}; without DATA_DIR the
 * data set is found as {@link FashionMnist#loadData()} finds it. {@code --fast-dropout} swaps the Dropout layer
 * for one drawing its masks with {@link DropoutMasks} (the change proposed for {@code layers.Dropout}), to show
 * what it is worth; the line {@code model=} says which model ran. Diagnosis of the JIT warm-up:
 * {@code --step-profile N} prints the wall and training-thread CPU milliseconds of every N steps,
 * {@code --cpu-breakdown} the CPU seconds per kind of thread (C1, C2, GC, kernel workers, warm-up, main) before
 * {@code fit} and after each epoch, and {@code --await-warmup} waits for the background warm-up thread before
 * {@code fit}.
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
        boolean fastDropout = false;
        boolean cpuBreakdown = false;
        int stepProfile = 0;
        boolean awaitWarmup = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--fast-dropout" -> fastDropout = true;
                case "--cpu-breakdown" -> cpuBreakdown = true;
                case "--step-profile" -> stepProfile = Integer.parseInt(args[++i]);
                case "--await-warmup" -> awaitWarmup = true;
                default -> dir = Path.of(args[i]);
            }
        }
        Ganglion.setThreads(threads);
        Ganglion.setRandomSeed(seed);
        TrainTestData d = dir == null ? FashionMnist.loadData() : FashionMnist.loadData(dir);
        Tensor x = d.xTrain().div(255f);
        Tensor y = d.yTrain();

        Sequential model = fastDropout ? fastDropoutModel() : FashionMnistMlp.buildModel();
        if (awaitWarmup) {
            awaitWarmup();
        }
        System.out.println("model=" + (fastDropout ? "fast-dropout" : "FashionMnistMlp"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        if (cpuBreakdown) {
            System.out.println("cpu by thread before fit: " + threadCpu());
        }
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            FitOptions options = new FitOptions().epochs(1).batchSize(batch).verbose(0);
            StepProfile profile = stepProfile > 0 ? new StepProfile(stepProfile) : null;
            if (profile != null) {
                options.callbacks(profile);
            }
            History h = model.fit(x, y, options);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            Map<String, List<Double>> logs = h.history();
            if (e == 1) {
                double process = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                        / 1e3;
                System.out.printf("ganglion_epoch_seconds=%.3f%n", seconds);
                System.out.printf("ganglion_process_seconds=%.3f%n", process);
            }
            if (profile != null) {
                System.out.println("epoch " + e + " ms per " + stepProfile + " steps: " + profile.summary());
            }
            if (cpuBreakdown) {
                System.out.println("cpu by thread after epoch " + e + ": " + threadCpu());
            }
            if (e == epochs && epochs > 1) {
                System.out.printf("ganglion_last_epoch_seconds=%.3f%n", seconds);
            }
            System.out.printf("epoch %d: %.3f s (process CPU %.3f s) - loss %.4f - accuracy %.4f%n", e, seconds, cpu,
                    logs.get("loss").get(0), logs.get("accuracy").get(0));
        }
        System.out.println(Ganglion.backendInfo());
    }

    /**
     * CPU seconds so far per kind of thread (JIT compilers, GC, kernel workers, the rest), from Linux's
     * /proc/self/task/N/stat; empty elsewhere.
     */
    private static Map<String, String> threadCpu() {
        Map<String, Double> sums = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return Map.of();
        }
        double tick = 100.0;   // USER_HZ on Linux
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick;
                String kind = name.startsWith("C2") ? "C2" : name.startsWith("C1") ? "C1"
                        : name.startsWith("GC") || name.startsWith("G1") ? "GC"
                        : name.startsWith("ganglion-kernel") ? "kernel-workers"
                        : name.startsWith("ganglion-warmup") ? "warmup" : name.equals("java") ? "main" : "other";
                sums.merge(kind, sec, Double::sum);
            } catch (java.io.IOException | RuntimeException ignored) {
                // a thread that ended while we read
            }
        }
        Map<String, String> out = new java.util.TreeMap<>();
        sums.forEach((k, v) -> out.put(k, String.format("%.2f", v)));
        return out;
    }

    /** CPU time of the whole JVM (all threads, JIT and GC included), or 0 where the platform does not say. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
    }

    /** Waits for the background JIT warm-up thread, if any, to finish (diagnosis: what is left of the warm-up). */
    private static void awaitWarmup() {
        long t0 = System.nanoTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("ganglion-warmup")) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        System.out.printf("awaited the warm-up for %.3f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Records the wall time, and the training thread's CPU time, of every {@code every} training steps (for
     * {@code --step-profile N}): shows how long the JIT warm-up lasts.
     */
    static final class StepProfile extends ganglion.callbacks.Callback {
        private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final int every;
        private final java.util.List<long[]> marks = new java.util.ArrayList<>();
        private long last, lastCpu;

        StepProfile(int every) {
            this.every = every;
        }

        @Override
        public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
            if (batch == 0) {
                last = System.nanoTime();
                lastCpu = THREADS.getCurrentThreadCpuTime();
            }
        }

        @Override
        public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            if ((batch + 1) % every == 0) {
                long now = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime();
                marks.add(new long[] {now - last, cpu - lastCpu});
                last = now;
                lastCpu = cpu;
            }
        }

        /** "wall/cpu" milliseconds per interval, the training thread's CPU time after the slash. */
        String summary() {
            StringBuilder sb = new StringBuilder();
            for (long[] m : marks) {
                sb.append(sb.length() == 0 ? "" : " ").append(m[0] / 1_000_000).append('/').append(m[1] / 1_000_000);
            }
            return sb.toString();
        }
    }

    /** FashionMnistMlp's model with {@link FastDropout} in place of Dropout(0.2). */
    private static Sequential fastDropoutModel() {
        Sequential model = new Sequential();
        model.add(new Flatten().inputShape(28, 28));
        model.add(new Dense(512, "relu"));
        model.add(new FastDropout(0.2));
        model.add(new Dense(10, "softmax"));
        return model;
    }

    /** Keras's Dropout with masks from {@link DropoutMasks}: what the proposed Dropout change does. */
    static final class FastDropout extends Layer {
        private final double rate;

        FastDropout(double rate) {
            this.rate = rate;
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            return inputShape.clone();
        }

        @Override
        public Tensor call(Tensor input, boolean training) {
            if (!training || rate == 0) {
                return input;
            }
            return input.mul(Tensor.wrap(DropoutMasks.mask(Ganglion.random(), rate, (int) input.size()),
                    input.shape()));
        }
    }
}
