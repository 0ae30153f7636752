package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.applications.VGG16;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.layers.Conv2D;
import ganglion.layers.InputLayer;
import ganglion.layers.Layer;
import ganglion.models.Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-layer timing of Keras's VGG16 without top in inference ({@code training=false}, no gradient recording):
 * for each layer the median milliseconds per batch and, for convolutions, GFLOP/s, next to the time of the bare
 * GEMM of the same shape ({@code (batch*outPixels) x filters x (kh*kw*in)}, no im2col, no bias, no relu), so that
 * the overhead of the convolution path around the GEMM shows per layer (issue 6).
 *
 * <p>Arguments: {@code --batch N} (32), {@code --threads N} (2), {@code --warmup N} (3), {@code --iters N} (10),
 * {@code --size N} (32). Run: {@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar
 * ganglion.bench.Vgg16Layers}.
 */
public final class Vgg16Layers {

    private Vgg16Layers() {
    }

    /** Runs the per-layer timing; see the class comment for the arguments. */
    public static void main(String[] args) {
        Vgg16Inference.Options o = Vgg16Inference.Options.parse(args, "Vgg16Layers", 3, 10);
        int batch = o.batch(), threads = o.threads(), warmup = o.warmup(), iters = o.iters(), size = o.size();
        Model model = o.model();
        Tensor x0 = o.input();
        List<Layer> layers = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (!(l instanceof InputLayer)) {
                layers.add(l);
            }
        }
        int nl = layers.size();
        double[][] ms = new double[nl][iters];
        double[] total = new double[iters];
        Tensor[] inputs = new Tensor[nl];
        try (Autograd.Scope none = Autograd.noGrad()) {
            for (int it = -warmup; it < iters; it++) {
                Tensor x = x0;
                long start = System.nanoTime();
                for (int li = 0; li < nl; li++) {
                    inputs[li] = x;
                    long t0 = System.nanoTime();
                    x = layers.get(li).apply(x, false);
                    if (it >= 0) {
                        ms[li][it] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                if (it >= 0) {
                    total[it] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Kernels k = KernelProvider.get();
        System.out.printf("VGG16 notop %dx%dx3, batch %d, %d threads (medians of %d)%n", size, size, batch, threads,
                iters);
        System.out.printf("%-14s %-16s %9s %8s %10s %8s %9s%n", "layer", "in", "ms", "GFLOP/s", "gemm MxNxK",
                "gemm ms", "gemm GF/s");
        double sumConv = 0, sumFlop = 0, sumGemm = 0;
        for (int li = 0; li < nl; li++) {
            Layer l = layers.get(li);
            double med = median(ms[li]);
            int[] in = inputs[li].shape();
            if (l instanceof Conv2D c) {
                int[] out = c.computeOutputShape(new int[]{in[1], in[2], in[3]});
                int m = batch * out[0] * out[1], n = c.filters(), kk = c.kernelSize()[0] * c.kernelSize()[1] * in[3];
                double flop = 2.0 * m * n * kk;
                float[] a = new float[m * kk], b = new float[kk * n], cc = new float[m * n];
                Arrays.fill(a, 0.5f);
                Arrays.fill(b, 0.25f);
                double[] g = new double[Math.max(3, iters)];
                for (int it = -2; it < g.length; it++) {
                    long t0 = System.nanoTime();
                    k.gemm(false, false, m, n, kk, a, 0, kk, b, 0, n, 0f, cc, 0, n);
                    if (it >= 0) {
                        g[it] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                double gm = median(g);
                sumConv += med;
                sumFlop += flop;
                sumGemm += gm;
                System.out.printf("%-14s %-16s %9.2f %8.1f %10s %8.2f %9.1f%n", l.name(), Arrays.toString(in), med,
                        flop / med / 1e6, m + "x" + n + "x" + kk, gm, flop / gm / 1e6);
            } else {
                System.out.printf("%-14s %-16s %9.2f%n", l.name(), Arrays.toString(in), med);
            }
        }
        double tot = median(total);
        System.out.printf("convs %.2f ms (%.1f GFLOP/s; bare GEMMs %.2f ms, %.1f GFLOP/s), all layers %.2f ms, "
                + "%.2f GFLOP per batch%n", sumConv, sumFlop / sumConv / 1e6, sumGemm, sumFlop / sumGemm / 1e6, tot,
                sumFlop / 1e9);
        System.out.println(Ganglion.backendInfo());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
