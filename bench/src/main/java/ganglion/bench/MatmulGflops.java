package ganglion.bench;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.internal.kernels.Parallel;

/**
 * Prints Ganglion's GEMM throughput in GFLOP/s for every {@link MatmulShape} on 1 and 2 threads, the numbers
 * {@code bench/scripts/matmul_numpy.py} prints for numpy/OpenBLAS. Each figure is the best of several timed
 * rounds of at least {@code --round-ms} milliseconds, after a warm-up that lets C2 compile the kernels.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -DskipTests} then
 * {@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar ganglion.bench.MatmulGflops
 * [--rounds N] [--round-ms MS] [--threads 1,2]}.
 */
public final class MatmulGflops {

    private MatmulGflops() {
    }

    /** Runs the measurement; see the class comment for the options. */
    public static void main(String[] args) {
        int rounds = 5;
        long roundMs = 500;
        String threadList = "1,2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--round-ms" -> roundMs = Long.parseLong(args[++i]);
                case "--threads" -> threadList = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --rounds N, --round-ms MS, --threads 1,2");
            }
        }
        String[] parts = threadList.split(",");
        int[] threads = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            threads[i] = Integer.parseInt(parts[i].trim());
        }
        Kernels kernels = KernelProvider.get();
        System.out.println("java " + System.getProperty("java.vm.version") + "; kernels: " + kernels.name()
                + "; cores: " + Runtime.getRuntime().availableProcessors());
        warmUp(kernels);
        StringBuilder header = new StringBuilder(String.format("%-24s", "shape (m x k x n)"));
        for (int t : threads) {
            header.append(String.format("%12s", t + (t == 1 ? " thread" : " threads")));
        }
        System.out.println(header + "   GFLOP/s");
        for (MatmulShape shape : MatmulShape.values()) {
            MatmulShape.Operands ops = shape.operands();
            StringBuilder row = new StringBuilder(String.format("%-24s", shape.label));
            for (int t : threads) {
                Parallel.setThreads(t);
                row.append(String.format("%12.1f", measure(kernels, shape, ops, rounds, roundMs)));
            }
            System.out.println(row);
        }
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Every shape on every thread count for a few seconds, so that C2 has compiled all kernels before timing. */
    private static void warmUp(Kernels kernels) {
        for (int t : new int[]{1, 2}) {
            Parallel.setThreads(t);
            for (MatmulShape shape : MatmulShape.values()) {
                measure(kernels, shape, shape.operands(), 2, 300);
            }
        }
    }

    /** Best GFLOP/s over {@code rounds} rounds, each timing whole calls for at least {@code roundMs}. */
    private static double measure(Kernels kernels, MatmulShape shape, MatmulShape.Operands ops, int rounds,
                                  long roundMs) {
        double best = 0;
        float sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long end = start + roundMs * 1_000_000L;
            int calls = 0;
            long now;
            do {
                sink += ops.run(kernels)[calls & 63];
                calls++;
                now = System.nanoTime();
            } while (now < end);
            best = Math.max(best, shape.flops() * calls / ((now - start) / 1e9) / 1e9);
        }
        if (sink == 42.4242f) {
            System.out.print("");   // keeps the results alive
        }
        return best;
    }
}
