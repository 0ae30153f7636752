package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Kernels;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JIT warm-up for the vector kernels. Vector API code is only fast once C2 has compiled it: interpreted or
 * C1-compiled, every vector operation allocates, and a first training epoch spent that way costs seconds. When the
 * kernels are first chosen, a low-priority daemon thread runs each kernel a few hundred times on small inputs
 * (GEMM in every transpose and accumulate form, tall and short, the element-wise kernels, reductions, softmax and
 * the fused Adam step), so that C2 compiles them while the program is still loading data and building its model.
 * It uses no kernel threads and only its own arrays, and stops after {@link #ROUNDS} rounds or
 * {@link #MAX_NANOS}. Opt-in for now, with {@code -Dganglion.warmup=true}: on a loaded 2-core machine its benefit
 * could not be measured reliably (the extra compilation competes with the program), so it stays off by default.
 */
final class VectorWarmup implements Runnable {

    /** Rounds over the kernel set: enough to pass C2's invocation and loop thresholds for each kernel. */
    static final int ROUNDS = 400;
    /** Wall-clock cap, so a starved machine does not keep the thread alive. */
    static final long MAX_NANOS = 5_000_000_000L;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Kernels k;

    private VectorWarmup(Kernels k) {
        this.k = k;
    }

    /** Starts the warm-up thread once per JVM when {@code -Dganglion.warmup=true}. */
    static void start(Kernels kernels) {
        if (!"true".equalsIgnoreCase(System.getProperty("ganglion.warmup")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(new VectorWarmup(kernels), "ganglion-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            float[] a = fill(64 * 256, 1);
            float[] b = fill(256 * 256, 2);
            float[] c = new float[256 * 256];
            float[] d = fill(4096, 3);
            float[] e = fill(4096, 4);
            float[] f = new float[4096];
            float[] m = new float[4096];
            float[] v = new float[4096];
            // m x n x k shapes: short and tall row counts, wide and narrow outputs (the MLP's 32x512 and 32x10
            // layers, their weight gradients, and dot-product-sized products).
            int[][] shapes = {{8, 256, 64}, {64, 256, 64}, {8, 10, 64}, {64, 10, 32}, {3, 256, 64}, {32, 64, 8}};
            for (int round = 0; round < ROUNDS && System.nanoTime() - start < MAX_NANOS; round++) {
                for (int[] s : shapes) {
                    int mm = s[0], nn = s[1], kk = s[2];
                    for (int t = 0; t < 4; t++) {
                        boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                        int lda = ta ? mm : kk, ldb = tb ? kk : nn;
                        k.gemm(ta, tb, mm, nn, kk, a, 0, lda, b, 0, ldb, round & 1, c, 0, nn);
                    }
                }
                int n = 1000 + (round & 7);
                k.add(d, 0, e, 0, f, 0, n);
                k.sub(d, 0, e, 0, f, 0, n);
                k.mul(d, 0, e, 0, f, 0, n);
                k.div(d, 0, e, 0, f, 0, n);
                k.addScalar(d, 0, 0.5f, f, 0, n);
                k.mulScalar(d, 0, 0.5f, f, 0, n);
                k.axpy(0.5f, d, 0, f, 0, n);
                k.relu(d, 0, f, 0, n);
                k.reluBackward(d, 0, e, 0, f, 0, n);
                k.sum(d, 0, n);
                k.max(d, 0, n);
                k.dot(d, 0, e, 0, n);
                k.softmaxRows(d, 0, f, 0, 32, 10);
                k.addRowVector(d, 0, e, 0, f, 0, 32, 100);
                k.sumRowsInto(d, 0, 32, 100, f, 0);
                k.adam(f, e.clone(), m, v, n, 1e-3f, 0.1f, 0.001f, 1e-7f, true);
            }
        } catch (RuntimeException | Error ignored) {
            // warm-up is best effort: the kernels work without it
        }
    }

    private static float[] fill(int n, int seed) {
        float[] x = new float[n];
        int s = seed * 0x9E3779B9;
        for (int i = 0; i < n; i++) {
            s = s * 1103515245 + 12345;
            x[i] = ((s >>> 9) & 0xFFFF) / 65536f - 0.5f;
        }
        return x;
    }
}
