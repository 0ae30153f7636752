package ganglion.internal.ops.conv;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.internal.kernels.Parallel;

/**
 * The forward pass of a 3x3, stride-1, undilated convolution by Winograd's F(2x2, 3x3) (Lavin and Gray, 2016): the
 * output is cut into 2x2 tiles; each tile's 4x4 input patch and the kernel are transformed
 * ({@link Kernels#winogradInputTile}, {@link Kernels#winogradKernelTile}), the 16 tile positions become 16 matrix
 * products {@code M_p = V_p · U_p} (tiles x in, times in x out), and an output transform
 * ({@link Kernels#winogradOutputTile}) turns each tile's 16 products into its 2x2 outputs, adding the bias and
 * applying the fused ReLU. That is 16 multiplications per tile and channel pair instead of im2col's 36: 2.25x fewer
 * flops, which is where oneDNN's speed on VGG-style networks comes from too. The transforms use only additions and
 * halvings, so the results differ from im2col's by rounding only (a few ulps; the PyTorch reference tests hold).
 *
 * <p>The tiles are processed in chunks whose transformed data stays in cache ({@link #CHUNK_FLOATS}); the chunking
 * depends only on the geometry, each tile is transformed by one thread, and each product by one thread, so the
 * result is bit-identical for any number of threads. Used by {@link ConvGemm#forward} when {@link #pays} says so;
 * {@code -Dganglion.winograd=false} turns it off (every convolution then runs as im2col + GEMM).
 */
final class WinogradConv {

    /** Output tile edge (m of F(m x m, 3 x 3)). */
    static final int TILE = 2;
    /** Input tile edge: TILE + 2. */
    static final int IN_TILE = TILE + 2;
    /** Tile positions: one product per position. */
    static final int POSITIONS = IN_TILE * IN_TILE;
    /** Target size of a chunk's transformed inputs or products, in floats (4 MiB). */
    static final int CHUNK_FLOATS = 1 << 20;
    /** Fewest tiles per chunk (unless the batch has fewer): rows enough for the GEMM's packed kernel. */
    static final int MIN_CHUNK_TILES = 96;
    /** Fewest channels on each side: below that, the transforms cost more than the saved products. */
    static final int MIN_CHANNELS = 32;

    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("ganglion.winograd"));

    private WinogradConv() {
    }

    /** Whether this forward convolution runs by Winograd: 3x3, stride 1, undilated, enough channels and tiles. */
    static boolean pays(ConvGeometry g) {
        if (!ENABLED || g.kh != 3 || g.kw != 3 || g.sh != 1 || g.sw != 1 || g.dh != 1 || g.dw != 1
                || g.inC < MIN_CHANNELS || g.outC < MIN_CHANNELS) {
            return false;
        }
        // Products per sample: 16 per tile against im2col's 9 per output pixel; edge tiles waste part of theirs.
        long winograd = (long) POSITIONS * tilesH(g) * tilesW(g);
        long direct = 9L * g.outH * g.outW;
        return 10 * winograd <= 6 * direct;
    }

    static int tilesH(ConvGeometry g) {
        return (g.outH + TILE - 1) / TILE;
    }

    static int tilesW(ConvGeometry g) {
        return (g.outW + TILE - 1) / TILE;
    }

    /** {@code y = conv(x, w) + bias} (bias may be null), then {@code max(y, 0)} when {@code relu}. */
    static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y, boolean relu) {
        Kernels k = KernelProvider.get();
        final int in = g.inC, out = g.outC;
        final int tiles = g.n * tilesH(g) * tilesW(g);
        final float[] u = Scratch.get(Scratch.WINOGRAD_U, POSITIONS * in * out);
        // U_p (in x out) for every position p: one transform per input channel, all filters side by side.
        Parallel.forRange(in, Math.max(1, 4096 / out), (s, e) -> {
            for (int c = s; c < e; c++) {
                k.winogradKernelTile(w, c * out, in * out, out, u, c * out, in * out);
            }
        });
        final int perChunk = chunkTiles(g, tiles);
        final float[] v = Scratch.get(Scratch.WINOGRAD_V, POSITIONS * perChunk * in);
        final float[] m = Scratch.get(Scratch.WINOGRAD_M, POSITIONS * perChunk * out);
        for (int t0 = 0; t0 < tiles; t0 += perChunk) {
            final int count = Math.min(perChunk, tiles - t0), first = t0;
            Parallel.forRange(count, 8, (s, e) -> transformInputs(k, g, x, first, s, e, count, v));
            Parallel.forRange(POSITIONS, 1, (s, e) -> {
                for (int p = s; p < e; p++) {
                    k.gemm(false, false, count, out, in, v, p * count * in, in, u, p * in * out, out,
                            0f, m, p * count * out, out);
                }
            });
            Parallel.forRange(count, 8, (s, e) -> transformOutputs(k, g, m, first, s, e, count, bias, relu, y));
        }
    }

    /** Tiles per chunk: the transformed inputs and products of a chunk fit in {@link #CHUNK_FLOATS}, balanced. */
    static int chunkTiles(ConvGeometry g, int tiles) {
        int perTile = POSITIONS * Math.max(g.inC, g.outC);
        int max = Math.max(MIN_CHUNK_TILES, CHUNK_FLOATS / perTile);
        int chunks = (tiles + max - 1) / max;
        return (tiles + chunks - 1) / chunks;
    }

    /** V_p rows [s, e) of the chunk whose first tile is {@code first}: tile t at row t of every V_p. */
    private static void transformInputs(Kernels k, ConvGeometry g, float[] x, int first, int s, int e, int count,
                                        float[] v) {
        final int in = g.inC, th = tilesH(g), tw = tilesW(g);
        final int rowStride = g.inW * in, vStride = count * in;
        float[] tile = null;
        for (int t = s; t < e; t++) {
            int tileIndex = first + t;
            int b = tileIndex / (th * tw), r = tileIndex % (th * tw);
            int iy = (r / tw) * TILE - g.padTop, ix = (r % tw) * TILE - g.padLeft;
            if (iy >= 0 && ix >= 0 && iy + IN_TILE <= g.inH && ix + IN_TILE <= g.inW) {
                k.winogradInputTile(x, ((b * g.inH + iy) * g.inW + ix) * in, rowStride, in, v, t * in, vStride);
            } else {
                if (tile == null) {
                    tile = Scratch.get(Scratch.WINOGRAD_TILE, POSITIONS * in);
                }
                copyPaddedTile(g, x, b, iy, ix, tile);
                k.winogradInputTile(tile, 0, IN_TILE * in, in, v, t * in, vStride);
            }
        }
    }

    /** The 4x4 input patch at (iy, ix) of sample b, zero outside the image, as IN_TILE rows of IN_TILE pixels. */
    private static void copyPaddedTile(ConvGeometry g, float[] x, int b, int iy, int ix, float[] tile) {
        int in = g.inC;
        for (int r = 0; r < IN_TILE; r++) {
            for (int c = 0; c < IN_TILE; c++) {
                int yy = iy + r, xx = ix + c, dst = (r * IN_TILE + c) * in;
                if (yy >= 0 && yy < g.inH && xx >= 0 && xx < g.inW) {
                    System.arraycopy(x, ((b * g.inH + yy) * g.inW + xx) * in, tile, dst, in);
                } else {
                    java.util.Arrays.fill(tile, dst, dst + in, 0f);
                }
            }
        }
    }

    /** Output tiles [s, e) of the chunk whose first tile is {@code first}. */
    private static void transformOutputs(Kernels k, ConvGeometry g, float[] m, int first, int s, int e, int count,
                                         float[] bias, boolean relu, float[] y) {
        final int out = g.outC, th = tilesH(g), tw = tilesW(g);
        final int rowStride = g.outW * out, mStride = count * out;
        for (int t = s; t < e; t++) {
            int tileIndex = first + t;
            int b = tileIndex / (th * tw), r = tileIndex % (th * tw);
            int oy = (r / tw) * TILE, ox = (r % tw) * TILE;
            int rows = Math.min(TILE, g.outH - oy), cols = Math.min(TILE, g.outW - ox);
            k.winogradOutputTile(m, t * out, mStride, out, bias, relu, y, ((b * g.outH + oy) * g.outW + ox) * out,
                    rowStride, rows, cols);
        }
    }
}
