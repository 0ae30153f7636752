package ganglion.plot;

import ganglion.Tensor;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/** Images of a [n, h, w(, c)] tensor as raster panels, drawn as {@code imshow} with nearest-neighbour scaling. */
final class ImagePanels {

    private final float[] data;
    private final int count;
    private final int h;
    private final int w;
    private final int channels;
    private final float scale;

    private ImagePanels(float[] data, int count, int h, int w, int channels, float scale) {
        this.data = data;
        this.count = count;
        this.h = h;
        this.w = w;
        this.channels = channels;
        this.scale = scale;
    }

    static ImagePanels of(Tensor images) {
        int[] s = images.shape();
        int channels = s.length == 4 ? s[3] : 1;
        if (s.length < 3 || s.length > 4 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("Plots.images: expected images of shape [n, h, w], [n, h, w, 1] or "
                    + "[n, h, w, 3]; got " + Arrays.toString(s));
        }
        float[] d = images.toFloatArray();
        float max = 0;
        for (float v : d) {
            max = Math.max(max, v);
        }
        return new ImagePanels(d, s[0], s[1], s[2], channels, max <= 1.0f ? 255f : 1f);
    }

    int count() {
        return count;
    }

    int height() {
        return h;
    }

    int width() {
        return w;
    }

    BufferedImage raster(int index) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int base = index * h * w * channels;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = base + (y * w + x) * channels;
                int r = clamp(data[p] * scale);
                int g = channels == 3 ? clamp(data[p + 1] * scale) : r;
                int b = channels == 3 ? clamp(data[p + 2] * scale) : r;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    Panel panel(int index, String caption) {
        return (g, width, height) -> {
            int top = caption == null ? 4 : 20;
            int side = Math.min(width - 8, height - top - 4);
            double ratio = (double) w / h;
            int dw = ratio >= 1 ? side : (int) Math.round(side * ratio);
            int dh = ratio >= 1 ? (int) Math.round(side / ratio) : side;
            int x0 = (width - dw) / 2;
            int y0 = top + (height - top - 4 - dh) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(raster(index), x0, y0, dw, dh, null);
            g.setColor(Color.BLACK);
            g.drawRect(x0, y0, dw - 1, dh - 1);
            if (caption != null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(caption, Math.max(2, (width - fm.stringWidth(caption)) / 2), 15);
            }
        };
    }
}
