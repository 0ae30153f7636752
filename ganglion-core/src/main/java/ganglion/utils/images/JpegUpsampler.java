package ganglion.utils.images;

/**
 * Brings a subsampled JPEG component (chroma at half width, half height, or both) up to the image's size as
 * the libjpeg inside the JDK does by default, and so javax.imageio: "fancy" triangular interpolation (weights
 * 3/4 and 1/4 of the nearer and the farther sample, alternating rounding biases) for 2x1 and 2x2 when the
 * component is more than 2 samples wide and for 1x2, edge samples repeated; plain replication for every other
 * integral factor. (Measured: these rules give ImageIO's pixels exactly on all tested sampling factors.)
 */
final class JpegUpsampler {

    private JpegUpsampler() {
    }

    /**
     * Upsamples component samples {@code in} (row stride {@code inStride}, {@code inW x inH} meaningful samples)
     * by integral factors {@code fx x fy} into {@code out}, {@code outW x outH} samples with stride outW.
     */
    static void upsample(byte[] in, int inStride, int inW, int inH, int fx, int fy, byte[] out, int outW, int outH) {
        if (fx == 1 && fy == 1) {
            for (int y = 0; y < outH; y++) {
                System.arraycopy(in, y * inStride, out, y * outW, outW);
            }
        } else if (fx == 2 && fy == 1 && inW > 2) {
            h2v1(in, inStride, inW, out, outW, outH);
        } else if (fx == 2 && fy == 2 && inW > 2) {
            h2v2(in, inStride, inW, inH, out, outW, outH);
        } else if (fx == 1 && fy == 2) {
            h1v2(in, inStride, inH, out, outW, outH);
        } else {
            for (int y = 0; y < outH; y++) {
                int src = (y / fy) * inStride;
                int dst = y * outW;
                for (int x = 0; x < outW; x++) {
                    out[dst + x] = in[src + x / fx];
                }
            }
        }
    }

    private static void h2v1(byte[] in, int inStride, int inW, byte[] out, int outW, int outH) {
        byte[] row = new byte[2 * inW];
        for (int y = 0; y < outH; y++) {
            int s = y * inStride;
            int prev = in[s] & 0xFF;
            int cur = prev;
            for (int i = 0; i < inW; i++) {
                int next = i + 1 < inW ? in[s + i + 1] & 0xFF : cur;
                int c3 = cur * 3;
                row[2 * i] = (byte) (i == 0 ? cur : (c3 + prev + 1) >> 2);
                row[2 * i + 1] = (byte) (i == inW - 1 ? cur : (c3 + next + 2) >> 2);
                prev = cur;
                cur = next;
            }
            System.arraycopy(row, 0, out, y * outW, outW);
        }
    }

    private static void h1v2(byte[] in, int inStride, int inH, byte[] out, int outW, int outH) {
        for (int y = 0; y < outH; y++) {
            int r = y >> 1;
            int near = r * inStride;
            int far = ((y & 1) == 0 ? Math.max(r - 1, 0) : Math.min(r + 1, inH - 1)) * inStride;
            int bias = (y & 1) == 0 ? 1 : 2;
            int d = y * outW;
            for (int x = 0; x < outW; x++) {
                out[d + x] = (byte) ((3 * (in[near + x] & 0xFF) + (in[far + x] & 0xFF) + bias) >> 2);
            }
        }
    }

    private static void h2v2(byte[] in, int inStride, int inW, int inH, byte[] out, int outW, int outH) {
        int[] sums = new int[inW];
        byte[] row = new byte[2 * inW];
        for (int y = 0; y < outH; y++) {
            int r = y >> 1;
            int nearRow = r * inStride;
            int farRow = ((y & 1) == 0 ? Math.max(r - 1, 0) : Math.min(r + 1, inH - 1)) * inStride;
            for (int i = 0; i < inW; i++) {
                sums[i] = 3 * (in[nearRow + i] & 0xFF) + (in[farRow + i] & 0xFF);
            }
            row[0] = (byte) ((sums[0] * 4 + 8) >> 4);
            row[1] = (byte) ((sums[0] * 3 + sums[1] + 7) >> 4);
            for (int i = 1; i < inW - 1; i++) {
                int c3 = sums[i] * 3;
                row[2 * i] = (byte) ((c3 + sums[i - 1] + 8) >> 4);
                row[2 * i + 1] = (byte) ((c3 + sums[i + 1] + 7) >> 4);
            }
            int last = inW - 1;
            row[2 * last] = (byte) ((sums[last] * 3 + sums[last - 1] + 8) >> 4);
            row[2 * last + 1] = (byte) ((sums[last] * 4 + 7) >> 4);
            System.arraycopy(row, 0, out, y * outW, outW);
        }
    }
}
