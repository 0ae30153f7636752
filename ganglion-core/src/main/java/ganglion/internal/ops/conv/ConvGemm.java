package ganglion.internal.ops.conv;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.internal.kernels.Parallel;

/**
 * The three products of a 2-D convolution on raw NHWC arrays, as im2col + GEMM:
 * <pre>
 *   forward:         Y  = cols(X) · W            (rows: output pixels, W: (kh*kw*in) x out)
 *   backward data:   dX += col2im(dY · Wᵀ)
 *   backward filter: dW += cols(X)ᵀ · dY
 * </pre>
 * The batch is processed in chunks of whole samples whose im2col matrix fits in {@link #CHUNK_FLOATS} (forward:
 * about {@link #FORWARD_CHUNK_FLOATS}, so that it is still in cache when the GEMM reads it); the chunk size
 * depends only on the geometry, never on the thread count. Inside a chunk, im2col/col2im run in
 * parallel over samples (each writes its own rows or its own sample of dX) and the GEMM kernel does its own
 * threading; dW accumulates chunk after chunk in batch order. So every result is bit-identical for any
 * number of threads. A 1x1, stride-1 convolution skips im2col (the input already is its cols matrix).
 */
final class ConvGemm {

    /** Largest im2col chunk, in floats (16 MiB), so scratch stays bounded for any batch size. */
    static final int CHUNK_FLOATS = 1 << 22;
    /** Target im2col chunk of the forward pass, in floats (4 MiB): written, then read back from cache. */
    static final int FORWARD_CHUNK_FLOATS = 1 << 20;
    /** Fewest GEMM rows a forward chunk aims at (unless the batch has fewer). */
    static final int FORWARD_MIN_ROWS = 1024;
    /** Below this many floats of im2col work, unfolding runs on the calling thread. */
    private static final int MIN_PARALLEL_FLOATS = 1 << 16;

    private ConvGemm() {
    }

    /** Samples per chunk: as many as fit in CHUNK_FLOATS, balanced so that chunks are of near-equal size. */
    static int chunkSamples(ConvGeometry g) {
        long perSample = Math.max(1L, (long) g.outPixels() * g.patch());
        int max = (int) Math.max(1, Math.min(g.n, CHUNK_FLOATS / perSample));
        int chunks = (g.n + max - 1) / max;
        return Math.max(1, (g.n + chunks - 1) / chunks);
    }

    private static int minSamplesPerThread(ConvGeometry g) {
        long perSample = Math.max(1L, (long) g.outPixels() * g.patch());
        return (int) Math.max(1, MIN_PARALLEL_FLOATS / perSample);
    }

    /**
     * {@code y = conv(x, w) + bias} (bias may be null), or {@code y += conv(x, w)} when {@code accumulate}
     * (then bias must be null).
     */
    static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y, boolean accumulate) {
        forward(g, x, w, bias, y, accumulate, false);
    }

    /**
     * As {@link #forward(ConvGeometry, float[], float[], float[], float[], boolean)}, then {@code y = max(y, 0)}
     * when {@code relu}. Works chunk by chunk of whole samples: the bias rows of a chunk are written by the same
     * threads and in the same pass as its im2col rows, and the relu runs on the chunk right after its GEMM, while
     * it is still in cache. Each output element is still {@code bias + (k block 0) + (k block 1) + ...}, so the
     * values are those of the unfused bias, GEMM and relu passes, bit for bit. A 3x3 stride-1 convolution that
     * {@link WinogradConv#pays} for (and is not accumulating) runs by {@link WinogradConv#forward} instead.
     */
    static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y, boolean accumulate,
                        boolean relu) {
        Kernels k = KernelProvider.get();
        final int pix = g.outPixels(), f = g.outC, patch = g.patch();
        if (g.n == 0 || pix == 0 || f == 0) {
            return;
        }
        if (!accumulate && WinogradConv.pays(g)) {
            WinogradConv.forward(g, x, w, bias, y, relu);
            return;
        }
        float beta = accumulate || bias != null ? 1f : 0f;
        if (g.isPointwise()) {
            if (bias != null) {
                Parallel.forRange(g.n * pix, Math.max(1, MIN_PARALLEL_FLOATS / f), (s, e) -> fillBias(bias, y, s, e));
            }
            k.gemm(false, false, g.n * pix, f, patch, x, 0, patch, w, 0, f, beta, y, 0, f);
            if (relu) {
                k.relu(y, 0, y, 0, g.n * pix * f);
            }
            return;
        }
        final int per = forwardChunkSamples(g);
        final float[] cols = Scratch.get(Scratch.COLS, per * pix * patch);
        final int minSamples = minSamplesPerThread(g);
        for (int b0 = 0; b0 < g.n; b0 += per) {
            final int nb = Math.min(per, g.n - b0), first = b0;
            Parallel.forRange(nb, minSamples, (s, e) -> {
                for (int i = s; i < e; i++) {
                    Im2Col.unfold(g, x, first + i, cols, i * pix);
                }
                if (bias != null) {
                    fillBias(bias, y, (first + s) * pix, (first + e) * pix);
                }
            });
            k.gemm(false, false, nb * pix, f, patch, cols, 0, patch, w, 0, f, beta, y, b0 * pix * f, f);
            if (relu) {
                k.relu(y, b0 * pix * f, y, b0 * pix * f, nb * pix * f);
            }
        }
    }

    /** Rows [r0, r1) of y (each {@code bias.length} floats) set to the bias. */
    private static void fillBias(float[] bias, float[] y, int r0, int r1) {
        int f = bias.length;
        for (int r = r0; r < r1; r++) {
            System.arraycopy(bias, 0, y, r * f, f);
        }
    }

    /**
     * Samples per forward chunk: as {@link #chunkSamples} but with a smaller im2col block
     * ({@link #FORWARD_CHUNK_FLOATS}), so that the matrix the GEMM reads was just written and is still in cache;
     * at least enough samples for {@link #FORWARD_MIN_ROWS} GEMM rows, so that the packed kernel is reused.
     */
    static int forwardChunkSamples(ConvGeometry g) {
        long perSample = Math.max(1L, (long) g.outPixels() * g.patch());
        long byCache = FORWARD_CHUNK_FLOATS / perSample;
        long byRows = (FORWARD_MIN_ROWS + g.outPixels() - 1) / Math.max(1, g.outPixels());
        long byMemory = CHUNK_FLOATS / perSample;
        int max = (int) Math.max(1, Math.min(g.n, Math.min(Math.max(byCache, byRows), Math.max(1, byMemory))));
        int chunks = (g.n + max - 1) / max;
        return Math.max(1, (g.n + chunks - 1) / chunks);
    }

    /** {@code dx += col2im(dy · wᵀ)}: the gradient of {@link #forward} with respect to its input. */
    static void backwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        Kernels k = KernelProvider.get();
        final int pix = g.outPixels(), f = g.outC, patch = g.patch();
        if (g.n == 0 || pix == 0 || f == 0) {
            return;
        }
        // Wᵀ (f x patch) is small: transposing it lets every GEMM below run untransposed.
        float[] wt = Scratch.get(Scratch.KERNEL_T, patch * f);
        for (int p = 0; p < patch; p++) {
            for (int j = 0; j < f; j++) {
                wt[j * patch + p] = w[p * f + j];
            }
        }
        if (g.isPointwise()) {
            k.gemm(false, false, g.n * pix, patch, f, dy, 0, f, wt, 0, patch, 1f, dx, 0, patch);
            return;
        }
        final int per = chunkSamples(g);
        final float[] dcols = Scratch.get(Scratch.DCOLS, per * pix * patch);
        for (int b0 = 0; b0 < g.n; b0 += per) {
            final int nb = Math.min(per, g.n - b0), first = b0;
            k.gemm(false, false, nb * pix, patch, f, dy, b0 * pix * f, f, wt, 0, patch, 0f, dcols, 0, patch);
            Parallel.forRange(nb, minSamplesPerThread(g), (s, e) -> {
                for (int i = s; i < e; i++) {
                    Im2Col.foldAdd(g, dcols, i * pix, dx, first + i);
                }
            });
        }
    }

    /** {@code dw += cols(x)ᵀ · dy}: the gradient of {@link #forward} with respect to the kernel. */
    static void backwardFilter(ConvGeometry g, float[] x, float[] dy, float[] dw) {
        Kernels k = KernelProvider.get();
        final int pix = g.outPixels(), f = g.outC, patch = g.patch();
        if (g.n == 0 || pix == 0 || f == 0) {
            return;
        }
        if (g.isPointwise()) {
            k.gemm(true, false, patch, f, g.n * pix, x, 0, patch, dy, 0, f, 1f, dw, 0, f);
            return;
        }
        final int per = chunkSamples(g);
        final float[] cols = Scratch.get(Scratch.COLS, per * pix * patch);
        for (int b0 = 0; b0 < g.n; b0 += per) {
            int nb = Math.min(per, g.n - b0);
            unfoldChunk(g, x, b0, nb, cols);
            k.gemm(true, false, patch, f, nb * pix, cols, 0, patch, dy, b0 * pix * f, f, 1f, dw, 0, f);
        }
    }

    private static void unfoldChunk(ConvGeometry g, float[] x, int first, int count, float[] cols) {
        final int pix = g.outPixels();
        Parallel.forRange(count, minSamplesPerThread(g), (s, e) -> {
            for (int i = s; i < e; i++) {
                Im2Col.unfold(g, x, first + i, cols, i * pix);
            }
        });
    }
}
