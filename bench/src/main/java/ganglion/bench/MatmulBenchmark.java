package ganglion.bench;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.internal.kernels.Parallel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the GEMM kernel (the engine under Keras's {@code Dense} and {@code ops.matmul}) for every
 * {@link MatmulShape}, on 1 and 2 threads. Time per product; GFLOP/s = {@code shape.flops() / time}.
 * Run: {@code java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar MatmulBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatmulBenchmark {

    /** Which product. */
    @Param({"SQUARE_512", "SQUARE_1024", "DENSE_32x1600x128", "DENSE_32x1600x128_DA", "DENSE_32x1600x128_DB",
            "DENSE_128x784x512", "DENSE_128x784x512_DA", "DENSE_128x784x512_DB"})
    public MatmulShape shape;

    /** Kernel threads. */
    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private MatmulShape.Operands operands;
    private int threadsBefore;

    /** Allocates the operands and sets the thread count. */
    @Setup(Level.Trial)
    public void setUp() {
        kernels = KernelProvider.get();
        operands = shape.operands();
        threadsBefore = Parallel.threads();
        Parallel.setThreads(threads);
    }

    /** Restores the thread count. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Parallel.setThreads(threadsBefore);
    }

    /** One product C = op(A) op(B). */
    @Benchmark
    public float[] gemm() {
        return operands.run(kernels);
    }
}
