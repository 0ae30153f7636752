package ganglion.internal.kernels.vector;

import ganglion.internal.kernels.Kernels;

/**
 * JIT warm-up for the vector kernels, run once per JVM on the background thread of
 * {@link ganglion.internal.kernels.KernelWarmup}. Vector API code is only fast once C2 has compiled it: interpreted
 * or C1-compiled, every vector operation allocates, and the first training steps of a fresh JVM crawl (measured: the
 * first 100 steps of the Fashion-MNIST MLP took seconds, the next 100 a few hundred milliseconds).
 *
 * <p>Each round calls every kernel on small inputs that reach all of its code paths: GEMM in the four transpose
 * forms, overwriting and accumulating, with rows that leave 6-, 2- and 1-row tiles, column counts that leave whole
 * and partial vector panels, packed and in-place operands, several k blocks, the dot-product and transposed-C
 * forms; the element-wise kernels with vector bodies and scalar tails; reductions, softmax, the bias kernels, the
 * Winograd transforms and Adam. What C2 needs is invocations (it compiles a method after a few thousand calls), not work, so the inputs are
 * small: k is 16 for most products, and a round costs well under a millisecond once compiled. Covering every path
 * matters as much: a branch the profile never saw is compiled as a trap, and the program's first call that takes
 * it would fall back to the interpreter until C2 compiles the method again.
 *
 * <p>It never uses the kernel threads (products stay under {@code VectorGemm.PARALLEL_MIN_FLOPS}, element-wise runs
 * under {@code VectorElementwise.PARALLEL_MIN}), touches only its own arrays and prints nothing, so results are the
 * same with it or without it. It stops after {@link #ROUNDS} rounds or {@link #MAX_NANOS}.
 */
final class VectorWarmup implements Runnable {

    /** Rounds over the kernel set: enough calls for C2 to compile each kernel, also under compile-queue load. */
    static final int ROUNDS = 3000;
    /** Wall-clock cap, so that a starved machine does not keep the thread alive. */
    static final long MAX_NANOS = 30_000_000_000L;

    private static final int L = VectorLanes.L;
    private static final int NR = VectorGemm.NR;

    /**
     * {m, n, k} of the products run in every transpose form. Rows 14 (tiles of 6, 6, 2) and 13 (6, 6, 1); 2 NR + L + 3
     * columns (two whole panels and a two-vector padded one, enough columns to pack A); 50 rows (B packed); one vector
     * minus 6 columns (the MLP's 10 outputs: a one-vector padded panel); 3 rows (dot products for A B^T); a
     * three-vector panel; two k blocks.
     */
    private static final int[][] SHAPES = {
        {14, 2 * NR + L + 3, 16}, {13, Math.max(2, L - 6), 16}, {50, NR + Math.max(2, L - 6), 16}, {3, 3 * L, 2 * L + 5}, {7, 3 * L, 16},
        {14, NR, 300},
    };

    private final Kernels k;

    VectorWarmup(Kernels k) {
        this.k = k;
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            int big = 0;
            for (int[] s : SHAPES) {
                big = Math.max(big, Math.max(s[0], s[1]) * s[2]);
            }
            float[] a = fill(big, 1);
            float[] b = fill(big, 2);
            float[] c = new float[64 * 4 * NR];
            float[] d = fill(2048, 3);
            float[] e = fill(2048, 4);
            float[] f = new float[2048];
            float[] w = fill(2048, 5);
            float[] m = new float[2048];
            float[] v = new float[2048];
            float sink = 0;
            for (int round = 0; round < ROUNDS && System.nanoTime() - start < MAX_NANOS; round++) {
                boolean ta = (round & 1) != 0, tb = (round & 2) != 0;
                float beta = (round & 4) != 0 ? 1f : 0f;
                for (int i = 0; i < SHAPES.length; i++) {
                    int mm = SHAPES[i][0], nn = SHAPES[i][1], kk = SHAPES[i][2];
                    if (i == SHAPES.length - 1 && (round & 7) != 0) {
                        continue;   // the two-k-block product: one round in eight is enough
                    }
                    k.gemm(ta, tb, mm, nn, kk, a, 0, ta ? mm : kk, b, 0, tb ? kk : nn, beta, c, 0, nn);
                }
                // C = A B^T with a short, wide A: computed as C^T = B A^T (C written through transposed tiles).
                k.gemm(false, true, L / 2, 160, 32, a, 0, 32, b, 0, 32, beta, c, 0, 160);
                int n = 256 + (round & 15);
                int small = 1 + (round % (L - 1));   // scalar tails only
                for (int len : new int[] {n, small}) {
                    k.add(d, 0, e, 0, f, 0, len);
                    k.sub(d, 0, e, 0, f, 0, len);
                    k.mul(d, 0, e, 0, f, 0, len);
                    k.div(d, 0, e, 0, f, 0, len);
                    k.addScalar(d, 0, 0.5f, f, 0, len);
                    k.mulScalar(d, 0, 0.5f, f, 0, len);
                    k.axpy(0.5f, d, 0, f, 0, len);
                    k.relu(d, 0, f, 0, len);
                    k.reluBackward(d, 0, e, 0, f, 0, len);
                    sink += k.sum(d, 0, len) + k.max(d, 0, len) + k.dot(d, 0, e, 0, len);
                }
                k.softmaxRows(d, 0, f, 0, 32, 10);
                k.softmaxRows(d, 0, f, 0, 8, 100 + (round & 7));
                k.addRowVector(d, 0, e, 0, f, 0, 32, 10);
                k.addRowVector(d, 0, e, 0, f, 0, 8, 200 + (round & 7));
                k.sumRowsInto(d, 0, 32, 10, f, 0);
                k.sumRowsInto(d, 0, 4, 4 * L + 2 * L + 3, f, 0);
                // Winograd transforms: two whole vectors of channels and a scalar tail, edge tiles, bias and relu.
                int wc = 2 * L + 3;
                k.winogradInputTile(d, 0, 4 * wc, wc, f, 0, wc);
                k.winogradKernelTile(d, 0, wc, wc, f, 0, wc);
                k.winogradOutputTile(d, 0, wc, wc, (round & 1) == 0 ? e : null, (round & 2) != 0, f, 0, 2 * wc,
                        1 + ((round >> 2) & 1), 1 + ((round >> 3) & 1));
                System.arraycopy(e, 0, f, 0, n);
                k.adam(w, f, m, v, n, 1e-3f, 0.1f, 0.001f, 1e-7f, (round & 1) == 0);
            }
            if (sink == Float.MIN_VALUE) {
                c[0] = sink;   // keeps the reductions' results alive
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
