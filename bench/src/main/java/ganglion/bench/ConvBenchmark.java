package ganglion.bench;

import ganglion.Tensor;
import ganglion.internal.kernels.Parallel;
import ganglion.internal.ops.conv.ConvOps;
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

import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of the convolution and pooling ops under Keras's {@code Conv2D} and {@code MaxPooling2D}, on
 * the layer shapes of the seed CNNs (3x3 kernels, "valid", 2x2 pooling): forward alone, and forward plus
 * backward (the relu-fused conv for the CIFAR-10 shapes, as {@code Conv2D(activation="relu")} runs it). Run
 * with the GC profiler to see the bytes allocated per call:
 * {@code java --add-modules=jdk.incubator.vector -jar bench/target/benchmarks.jar ConvBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ConvBenchmark {

    /** Layer: input HxWxC, filters, relu; "fm" = seed 002 (Fashion-MNIST), "cf" = seed 000 (CIFAR-10). */
    @Param({"fm1_28x28x1_16", "fm2_13x13x16_32", "fm3_5x5x32_64", "cf1_32x32x3_32", "cf2_15x15x32_64",
            "cf3_6x6x64_128"})
    public String layer;

    /** Batch size. */
    @Param({"32", "128"})
    public int batch;

    /** Kernel threads. */
    @Param({"1", "2"})
    public int threads;

    private Tensor x, xNoGrad, kernel, bias, pooled, seedConv, seedPool;
    private boolean relu;
    private int threadsBefore;

    /** Builds the operands and sets the thread count. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] p = layer.split("_");
        String[] hwc = p[1].split("x");
        int h = Integer.parseInt(hwc[0]), w = Integer.parseInt(hwc[1]), c = Integer.parseInt(hwc[2]);
        int f = Integer.parseInt(p[2]);
        relu = p[0].startsWith("cf");
        xNoGrad = Tensor.randomUniform(-1f, 1f, batch, h, w, c);
        // The first layer's input is data: no gradient to it, as in training.
        x = xNoGrad.copy().requiresGrad(c > 1);
        kernel = Tensor.randomUniform(-0.3f, 0.3f, 3, 3, c, f).requiresGrad(true);
        bias = Tensor.randomUniform(-0.1f, 0.1f, f).requiresGrad(true);
        seedConv = Tensor.randomUniform(-1f, 1f, batch, h - 2, w - 2, f);
        pooled = Tensor.randomUniform(-1f, 1f, batch, h - 2, w - 2, f).requiresGrad(true);
        seedPool = Tensor.randomUniform(-1f, 1f, batch, (h - 2) / 2, (w - 2) / 2, f);
        threadsBefore = Parallel.threads();
        Parallel.setThreads(threads);
    }

    /** Restores the thread count. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Parallel.setThreads(threadsBefore);
    }

    /** Inference-mode convolution (no graph). */
    @Benchmark
    public Tensor convForward() {
        return relu ? ConvOps.conv2dRelu(xNoGrad, kernel.detach(), bias.detach(), 1, 1, 1, 1, false)
                : ConvOps.conv2d(xNoGrad, kernel.detach(), bias.detach(), 1, 1, 1, 1, false);
    }

    /** Training step of one convolution: forward, then the kernel, bias and (past layer 1) input gradients. */
    @Benchmark
    public float[] convForwardBackward() {
        kernel.setGradBuffer(null);
        bias.setGradBuffer(null);
        x.setGradBuffer(null);
        Tensor y = relu ? ConvOps.conv2dRelu(x, kernel, bias, 1, 1, 1, 1, false)
                : ConvOps.conv2d(x, kernel, bias, 1, 1, 1, 1, false);
        y.backward(seedConv);
        return kernel.gradBufferOrNull();
    }

    /** Training step of the 2x2 max pooling that follows the convolution. */
    @Benchmark
    public float[] maxPoolForwardBackward() {
        pooled.setGradBuffer(null);
        ConvOps.maxPool2d(pooled, 2, 2, 2, 2, false).backward(seedPool);
        return pooled.gradBufferOrNull();
    }
}
