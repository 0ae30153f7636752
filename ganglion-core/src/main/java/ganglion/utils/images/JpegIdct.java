package ganglion.utils.images;

/**
 * The inverse DCT of one 8x8 block with dequantization, in the fixed-point integer arithmetic that libjpeg 6b
 * documents as its accurate "islow" method (the one javax.imageio's JPEG reader uses): the separable
 * Loeffler-Ligtenberg-Moschytz factorisation with 13-bit constants, two extra bits of precision kept between
 * the column and the row pass, rounding shifts, and a final level shift by 128 with libjpeg's 10-bit
 * wrap-around range limiting. Reproducing that arithmetic gives the same pixels as ImageIO.
 */
final class JpegIdct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    // round(x * 2^13) of the rotation constants
    private static final int F0_298631336 = 2446;
    private static final int F0_390180644 = 3196;
    private static final int F0_541196100 = 4433;
    private static final int F0_765366865 = 6270;
    private static final int F0_899976223 = 7373;
    private static final int F1_175875602 = 9633;
    private static final int F1_501321110 = 12299;
    private static final int F1_847759065 = 15137;
    private static final int F1_961570560 = 16069;
    private static final int F2_053119869 = 16819;
    private static final int F2_562915447 = 20995;
    private static final int F3_072711026 = 25172;

    /** Maps (value & 1023) to a sample: v + 128 clamped to 0..255 for -512 <= v < 512, wrapping beyond. */
    private static final byte[] LIMIT = new byte[1024];

    static {
        for (int i = 0; i < 1024; i++) {
            int v;
            if (i < 128) {
                v = i + 128;
            } else if (i < 512) {
                v = 255;
            } else if (i < 896) {
                v = 0;
            } else {
                v = i - 896;
            }
            LIMIT[i] = (byte) v;
        }
    }

    private JpegIdct() {
    }

    /** Length of the scratch array {@link #transform} needs: the 64-entry workspace and one 8-point result. */
    static final int SCRATCH = 72;

    /**
     * Transforms {@code coef} (64 quantized coefficients in natural order) with quantization table {@code q}
     * (natural order) into 8 rows of 8 samples at {@code out[off + row * stride + col]}; {@code ws} is a scratch
     * array of {@link #SCRATCH} ints.
     */
    static void transform(short[] coef, int[] q, byte[] out, int off, int stride, int[] ws) {
        for (int c = 0; c < 8; c++) {
            column(coef, q, ws, c);
        }
        for (int r = 0; r < 8; r++) {
            row(ws, r * 8, out, off + r * stride);
        }
    }

    /** Column pass: dequantizes column {@code c} and leaves it in the workspace scaled up by PASS1_BITS. */
    private static void column(short[] in, int[] q, int[] ws, int c) {
        if (in[8 + c] == 0 && in[16 + c] == 0 && in[24 + c] == 0 && in[32 + c] == 0 && in[40 + c] == 0
                && in[48 + c] == 0 && in[56 + c] == 0) {
            int dc = (in[c] * q[c]) << PASS1_BITS;
            for (int i = 0; i < 64; i += 8) {
                ws[i + c] = dc;
            }
            return;
        }
        idct8(in[c] * q[c], in[8 + c] * q[8 + c], in[16 + c] * q[16 + c], in[24 + c] * q[24 + c],
                in[32 + c] * q[32 + c], in[40 + c] * q[40 + c], in[48 + c] * q[48 + c], in[56 + c] * q[56 + c], ws);
        final int s = CONST_BITS - PASS1_BITS;
        final int round = 1 << (s - 1);
        for (int k = 0; k < 8; k++) {
            ws[8 * k + c] = (ws[64 + k] + round) >> s;
        }
    }

    /** Row pass: workspace row at {@code i} to 8 range-limited samples at {@code out[o..o+7]}. */
    private static void row(int[] w, int i, byte[] out, int o) {
        if (w[i + 1] == 0 && w[i + 2] == 0 && w[i + 3] == 0 && w[i + 4] == 0 && w[i + 5] == 0 && w[i + 6] == 0
                && w[i + 7] == 0) {
            byte v = LIMIT[((w[i] + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3)) & 1023];
            for (int k = 0; k < 8; k++) {
                out[o + k] = v;
            }
            return;
        }
        idct8(w[i], w[i + 1], w[i + 2], w[i + 3], w[i + 4], w[i + 5], w[i + 6], w[i + 7], w);
        final int s = CONST_BITS + PASS1_BITS + 3;
        final int round = 1 << (s - 1);
        for (int k = 0; k < 8; k++) {
            out[o + k] = LIMIT[((w[64 + k] + round) >> s) & 1023];
        }
    }

    /**
     * The 8-point inverse DCT shared by both passes: inputs x0..x7 (frequency order), outputs in
     * {@code r[64..71]}, still scaled by 2^CONST_BITS; the caller descales with its pass's rounding shift.
     */
    private static void idct8(int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7, int[] r) {
        // even part
        int z1 = (x2 + x6) * F0_541196100;
        int tmp2 = z1 + x6 * -F1_847759065;
        int tmp3 = z1 + x2 * F0_765366865;
        int tmp0 = (x0 + x4) << CONST_BITS;
        int tmp1 = (x0 - x4) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;
        // odd part
        tmp0 = x7;
        tmp1 = x5;
        tmp2 = x3;
        tmp3 = x1;
        z1 = tmp0 + tmp3;
        int z2 = tmp1 + tmp2;
        int z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3;
        int z5 = (z3 + z4) * F1_175875602;
        tmp0 *= F0_298631336;
        tmp1 *= F2_053119869;
        tmp2 *= F3_072711026;
        tmp3 *= F1_501321110;
        z1 *= -F0_899976223;
        z2 *= -F2_562915447;
        z3 *= -F1_961570560;
        z4 *= -F0_390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
        r[64] = tmp10 + tmp3;
        r[71] = tmp10 - tmp3;
        r[65] = tmp11 + tmp2;
        r[70] = tmp11 - tmp2;
        r[66] = tmp12 + tmp1;
        r[69] = tmp12 - tmp1;
        r[67] = tmp13 + tmp0;
        r[68] = tmp13 - tmp0;
    }
}
