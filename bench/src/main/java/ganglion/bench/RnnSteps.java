package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.layers.Embedding;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Layer;
import ganglion.layers.SimpleRNN;
import ganglion.models.Sequential;

import java.util.Random;

/**
 * Ganglion side of {@code bench/scripts/rnn_steps.sh}: training steps of
 * {@code Embedding(10000, 64) -> LSTM|GRU|SimpleRNN(128) -> Dense(46, softmax)} on batches of 64 random
 * sequences of length 100 (Adam, sparse categorical cross-entropy), the Reuters-classifier shape of issue 4.
 *
 * <p>For each cell it runs {@code --warmup} untimed steps (JIT warm-up), then times {@code --steps} steps
 * ({@code trainOnBatch} on pre-made batches) and prints {@code ganglion_<cell>_ms_per_step=M} (wall time) and
 * {@code ganglion_<cell>_cpu_ms_per_step=M} (CPU time of all threads, less sensitive to a busy machine). Arguments:
 * {@code [--cells lstm,gru,simple_rnn] [--steps 100] [--warmup 10] [--threads 2] [--seed 42]}.
 */
public final class RnnSteps {

    static final int VOCAB = 10000, EMBED = 64, UNITS = 128, CLASSES = 46, BATCH = 64, LENGTH = 100;

    private RnnSteps() {
    }

    /** CPU time of the whole process (all threads), or 0 when the JVM does not report it. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    static Layer recurrent(String cell) {
        return switch (cell) {
            case "lstm" -> new LSTM(UNITS);
            case "gru" -> new GRU(UNITS);
            case "simple_rnn" -> new SimpleRNN(UNITS);
            default -> throw new IllegalArgumentException("unknown cell " + cell);
        };
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        String cells = "lstm,gru,simple_rnn";
        int steps = 100, warmup = 10, threads = 2;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cells" -> cells = args[++i];
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Ganglion.setThreads(threads);
        Ganglion.setRandomSeed(seed);
        int nBatches = 10;
        Random r = new Random(seed);
        Tensor[] xs = new Tensor[nBatches], ys = new Tensor[nBatches];
        for (int b = 0; b < nBatches; b++) {
            float[] x = new float[BATCH * LENGTH];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 + r.nextInt(VOCAB - 1);
            }
            float[] y = new float[BATCH];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(CLASSES);
            }
            xs[b] = Tensor.wrap(x, BATCH, LENGTH);
            ys[b] = Tensor.wrap(y, BATCH);
        }
        for (String cell : cells.split(",")) {
            Sequential model = new Sequential(new Embedding(VOCAB, EMBED).inputLength(LENGTH), recurrent(cell),
                    new Dense(CLASSES, "softmax"));
            model.compile("adam", "sparse_categorical_crossentropy");
            for (int s = 0; s < warmup; s++) {
                model.trainOnBatch(xs[s % nBatches], ys[s % nBatches]);
            }
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            double loss = 0;
            for (int s = 0; s < steps; s++) {
                loss = model.trainOnBatch(xs[s % nBatches], ys[s % nBatches]).get("loss");
            }
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            double cpuMs = (processCpuNanos() - c0) / 1e6 / steps;
            System.out.printf("ganglion_%s_ms_per_step=%.1f%n", cell, ms);
            System.out.printf("ganglion_%s_cpu_ms_per_step=%.1f%n", cell, cpuMs);
            System.out.printf("  %s: %d steps, last loss %.4f%n", cell, steps, loss);
        }
        System.out.println(Ganglion.backendInfo());
    }
}
