package ganglion.internal.ops.conv;

/**
 * Unfolds one NHWC sample into the im2col matrix and folds it back. Row {@code (oy, ox)} of the matrix
 * holds the input patch under output pixel (oy, ox) in {@code (ky, kx, c)} order, which is the row order of
 * a Keras kernel {@code (kh, kw, in, out)} read as a {@code (kh*kw*in) x out} matrix; cells that fall in the
 * padding are zero.
 */
final class Im2Col {

    private Im2Col() {
    }

    /**
     * Writes sample {@code b} of {@code x} into {@code cols}, starting at row {@code row0}
     * (each row {@link ConvGeometry#patch()} floats).
     */
    static void unfold(ConvGeometry g, float[] x, int b, float[] cols, int row0) {
        final int c = g.inC, rowLen = g.kw * c, patch = g.patch();
        final int xBase = b * g.inSize();
        int r = row0 * patch;
        for (int oy = 0; oy < g.outH; oy++) {
            int iy0 = oy * g.sh - g.padTop;
            for (int ox = 0; ox < g.outW; ox++) {
                int ix0 = ox * g.sw - g.padLeft;
                boolean rowInside = g.dw == 1 && ix0 >= 0 && ix0 + g.kw <= g.inW;
                for (int ky = 0; ky < g.kh; ky++) {
                    int iy = iy0 + ky * g.dh;
                    if (iy < 0 || iy >= g.inH) {
                        java.util.Arrays.fill(cols, r, r + rowLen, 0f);
                        r += rowLen;
                        continue;
                    }
                    int xRow = xBase + iy * g.inW * c;
                    if (rowInside) {
                        // The kw cells are adjacent in memory: one copy.
                        System.arraycopy(x, xRow + ix0 * c, cols, r, rowLen);
                        r += rowLen;
                        continue;
                    }
                    for (int kx = 0; kx < g.kw; kx++) {
                        int ix = ix0 + kx * g.dw;
                        if (ix < 0 || ix >= g.inW) {
                            java.util.Arrays.fill(cols, r, r + c, 0f);
                        } else {
                            System.arraycopy(x, xRow + ix * c, cols, r, c);
                        }
                        r += c;
                    }
                }
            }
        }
    }

    /**
     * Adds rows {@code row0 ..} of {@code dcols} back into sample {@code b} of {@code dx} (the adjoint of
     * {@link #unfold}); cells in the padding are dropped. Overlapping windows are summed in row order.
     */
    static void foldAdd(ConvGeometry g, float[] dcols, int row0, float[] dx, int b) {
        final int c = g.inC, patch = g.patch();
        final int xBase = b * g.inSize();
        int r = row0 * patch;
        for (int oy = 0; oy < g.outH; oy++) {
            int iy0 = oy * g.sh - g.padTop;
            for (int ox = 0; ox < g.outW; ox++) {
                int ix0 = ox * g.sw - g.padLeft;
                for (int ky = 0; ky < g.kh; ky++) {
                    int iy = iy0 + ky * g.dh;
                    if (iy < 0 || iy >= g.inH) {
                        r += g.kw * c;
                        continue;
                    }
                    int xRow = xBase + iy * g.inW * c;
                    for (int kx = 0; kx < g.kw; kx++) {
                        int ix = ix0 + kx * g.dw;
                        if (ix >= 0 && ix < g.inW) {
                            int o = xRow + ix * c;
                            for (int ch = 0; ch < c; ch++) {
                                dx[o + ch] += dcols[r + ch];
                            }
                        }
                        r += c;
                    }
                }
            }
        }
    }
}
