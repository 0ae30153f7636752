package ganglion.utils.images;

/**
 * Bilinear resizing of channels-last images as TensorFlow's {@code tf.image.resize(..., "bilinear")} without
 * antialiasing, which Keras's {@code image_dataset_from_directory} uses: half-pixel centres, source coordinate
 * {@code (dst + 0.5) * in / out - 0.5}, neighbours clamped to the image.
 */
public final class Resize {

    private Resize() {
    }

    /**
     * Resizes {@code src} (height x width x channels bytes) into {@code dst} at {@code dstOffset}, as floats
     * 0..255 of shape outH x outW x channels. Same size copies the values.
     */
    public static void bilinear(byte[] src, int h, int w, int c, int outH, int outW, float[] dst, int dstOffset) {
        if (h == outH && w == outW) {
            int n = h * w * c;
            for (int i = 0; i < n; i++) {
                dst[dstOffset + i] = src[i] & 0xFF;
            }
            return;
        }
        int[] y0 = new int[outH];
        int[] y1 = new int[outH];
        float[] fy = new float[outH];
        axis(h, outH, y0, y1, fy);
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] fx = new float[outW];
        axis(w, outW, x0, x1, fx);
        int o = dstOffset;
        for (int y = 0; y < outH; y++) {
            int r0 = y0[y] * w * c;
            int r1 = y1[y] * w * c;
            float wy = fy[y];
            for (int x = 0; x < outW; x++) {
                int c0 = x0[x] * c;
                int c1 = x1[x] * c;
                float wx = fx[x];
                for (int k = 0; k < c; k++) {
                    float tl = src[r0 + c0 + k] & 0xFF;
                    float tr = src[r0 + c1 + k] & 0xFF;
                    float bl = src[r1 + c0 + k] & 0xFF;
                    float br = src[r1 + c1 + k] & 0xFF;
                    float top = tl + (tr - tl) * wx;
                    float bottom = bl + (br - bl) * wx;
                    dst[o++] = top + (bottom - top) * wy;
                }
            }
        }
    }

    private static void axis(int in, int out, int[] lo, int[] hi, float[] frac) {
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            float s = (i + 0.5f) * scale - 0.5f;
            float f = (float) Math.floor(s);
            lo[i] = Math.max((int) f, 0);
            hi[i] = Math.min((int) Math.ceil(s), in - 1);
            frac[i] = s - f;
        }
    }
}
