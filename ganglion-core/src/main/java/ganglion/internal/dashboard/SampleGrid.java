package ganglion.internal.dashboard;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The sample images the page shows with the model's predictions: a private copy of up to 16 images with their
 * true classes. The PNG pictures never change during a run, so they are encoded once, by the first server thread
 * that needs them, never by the training thread; each epoch only adds the predicted class and probability
 * ({@link #predictions}).
 */
public final class SampleGrid {

    private final float[] pixels;
    private final int n;
    private final int h;
    private final int w;
    private final int c;
    private final int[] truth;          // null when no labels were given
    private final List<String> classNames;
    private String[] png;               // base64, built on first use (server threads, under this monitor)

    /**
     * @param x      images [n, h, w] or [n, h, w, c] as one row-major buffer (copied)
     * @param shape  the shape of x
     * @param y      class indices [n] or [n, 1], or one-hot [n, classes]; null for none
     * @param yShape the shape of y (ignored when y is null)
     */
    public SampleGrid(float[] x, int[] shape, float[] y, int[] yShape, List<String> classNames) {
        if (shape.length < 3 || shape.length > 4) {
            throw new IllegalArgumentException("TrainingDashboard.samples: images must be [n, h, w], [n, h, w, 1] or "
                    + "[n, h, w, 3], got shape " + Arrays.toString(shape));
        }
        this.n = shape[0];
        this.h = shape[1];
        this.w = shape[2];
        this.c = shape.length == 4 ? shape[3] : 1;
        this.pixels = Arrays.copyOf(x, n * h * w * c);
        this.classNames = classNames == null ? null : List.copyOf(classNames);
        this.truth = y == null ? null : truths(y, yShape, n);
    }

    private static int[] truths(float[] v, int[] s, int n) {
        int width = s.length <= 1 ? 1 : s[s.length - 1];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            if (width == 1) {
                t[i] = Math.round(v[i]);
            } else {
                int best = 0;
                for (int k = 1; k < width; k++) {
                    if (v[i * width + k] > v[i * width + best]) {
                        best = k;
                    }
                }
                t[i] = best;
            }
        }
        return t;
    }

    /** How many images. */
    public int size() {
        return n;
    }

    boolean hasTruth() {
        return truth != null;
    }

    int truth(int i) {
        return truth[i];
    }

    String label(int k) {
        return classNames != null && k < classNames.size() ? classNames.get(k) : String.valueOf(k);
    }

    /**
     * The samples event for one epoch from the model's outputs {@code probs} (row-major [n, classes]; one column
     * means a sigmoid output): the arg-max class of each image and its probability. Cheap: no images, no JSON.
     */
    public DashboardEvent predictions(int epoch, float[] probs, int classes) {
        int[] best = new int[n];
        float[] bestP = new float[n];
        for (int i = 0; i < n; i++) {
            if (classes == 1) {
                float p = probs[i];
                best[i] = p >= 0.5f ? 1 : 0;
                bestP[i] = best[i] == 1 ? p : 1 - p;
            } else {
                int k = 0;
                float p = probs[i * classes];
                for (int j = 1; j < classes; j++) {
                    if (probs[i * classes + j] > p) {
                        p = probs[i * classes + j];
                        k = j;
                    }
                }
                best[i] = k;
                bestP[i] = p;
            }
        }
        return DashboardEvent.samples(epoch, this, best, bestP);
    }

    /** Image i as base64 PNG (encoded once). */
    synchronized String png(int i) {
        if (png == null) {
            png = new String[n];
        }
        if (png[i] == null) {
            png[i] = encode(i);
        }
        return png[i];
    }

    private String encode(int index) {
        int per = h * w * c;
        float max = 0;
        for (int i = 0; i < per; i++) {
            max = Math.max(max, pixels[index * per + i]);
        }
        float scale = max <= 1.0001f ? 255f : 1f;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int base = index * per + (yy * w + xx) * c;
                int r = clamp(pixels[base] * scale);
                int g = c >= 3 ? clamp(pixels[base + 1] * scale) : r;
                int b = c >= 3 ? clamp(pixels[base + 2] * scale) : r;
                img.setRGB(xx, yy, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
