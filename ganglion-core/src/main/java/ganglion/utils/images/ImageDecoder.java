package ganglion.utils.images;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Decodes JPEG, PNG, BMP and GIF files through {@code javax.imageio} into RGB or grey bytes, as Keras's
 * {@code load_img} with {@code color_mode="rgb"} or {@code "grayscale"}. The common raster types (3-byte BGR,
 * 4-byte ABGR, 8-bit grey) are read straight from the raster's byte array; other types go through
 * {@code getRGB}. Grey from RGB uses ITU-R 601 luma, as PIL's {@code convert("L")}.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /** Decodes a file into {@code channels} (3: RGB, 1: grey) channels. */
    public static DecodedImage read(Path file, int channels) {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.toString(), channels, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes encoded image bytes; {@code name} identifies them in error messages. */
    public static DecodedImage decode(byte[] encoded, String name, int channels) {
        try {
            return decode(new ByteArrayInputStream(encoded), name, channels, encoded.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode image " + name + ": " + e.getMessage(), e);
        }
    }

    /** Decodes an image stream into {@code channels} (3 or 1) channels. */
    public static DecodedImage decode(InputStream in, String name, int channels) throws IOException {
        return decode(in, name, channels, -1);
    }

    /**
     * Decodes an image stream of {@code encodedSize} bytes (-1 if unknown). The declared size is checked before
     * any pixel is decoded: at most {@code ganglion.images.maxPixels} pixels (2^27), and, when the encoded size
     * is known, no more than 4096 pixels per encoded byte plus one megapixel, beyond what JPEG or PNG can
     * compress, so that a few bytes cannot make the decoder allocate gigabytes.
     */
    public static DecodedImage decode(InputStream in, String name, int channels, long encodedSize) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("ImageDecoder: channels must be 1 (grayscale) or 3 (rgb), got "
                    + channels);
        }
        BufferedImage img = readFast(in, encodedSize);
        if (img == null) {
            throw new IOException("Cannot decode image " + name + ": not a JPEG, PNG, BMP or GIF file that"
                    + " javax.imageio can read (is it truncated or another format?)");
        }
        return fromBufferedImage(img, channels);
    }

    /** Largest image decoded, in pixels: a small file may declare a huge image (a "pixel bomb"). */
    private static final long MAX_PIXELS = Long.getLong("ganglion.images.maxPixels", 1L << 27);

    /** Per-thread JPEG and PNG readers: skips ImageIO.read's search through every installed reader. */
    private static final ThreadLocal<ImageReader> JPEG = ThreadLocal.withInitial(() -> reader("jpeg"));
    private static final ThreadLocal<ImageReader> PNG = ThreadLocal.withInitial(() -> reader("png"));

    private static ImageReader reader(String format) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        return it.hasNext() ? it.next() : null;
    }

    private static BufferedImage readFast(InputStream raw, long encodedSize) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        ImageReader r = null;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            r = JPEG.get();
        } else if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            r = PNG.get();
        }
        if (r == null) {
            return ImageIO.read(in);
        }
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            r.setInput(iis, true, true);
            long pixels = (long) r.getWidth(0) * r.getHeight(0);
            long limit = encodedSize < 0 ? MAX_PIXELS : Math.min(MAX_PIXELS, encodedSize * 4096 + (1L << 20));
            if (pixels > limit) {
                throw new IOException("image of " + r.getWidth(0) + "x" + r.getHeight(0) + " pixels is over the limit of "
                        + limit + " pixels for a file of " + encodedSize + " bytes (a damaged or hostile header; "
                        + "-Dganglion.images.maxPixels sets the overall limit)");
            }
            return r.read(0);
        } finally {
            r.setInput(null);
        }
    }

    /** Converts a {@link BufferedImage} into channels-last bytes. */
    public static DecodedImage fromBufferedImage(BufferedImage img, int channels) {
        int h = img.getHeight();
        int w = img.getWidth();
        byte[] out = new byte[h * w * channels];
        int type = img.getType();
        boolean plainRaster = img.getRaster().getDataBuffer() instanceof DataBufferByte
                && img.getRaster().getParent() == null
                && img.getRaster().getMinX() == 0 && img.getRaster().getMinY() == 0;
        if (plainRaster && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR
                || type == BufferedImage.TYPE_BYTE_GRAY)) {
            byte[] src = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            int n = h * w;
            if (type == BufferedImage.TYPE_BYTE_GRAY) {
                if (channels == 1) {
                    System.arraycopy(src, 0, out, 0, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        byte v = src[i];
                        out[3 * i] = v;
                        out[3 * i + 1] = v;
                        out[3 * i + 2] = v;
                    }
                }
                return new DecodedImage(h, w, channels, out);
            }
            int step = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            int off = step - 3;                   // ABGR: skip alpha
            for (int i = 0, s = 0; i < n; i++, s += step) {
                int b = src[s + off] & 0xFF;
                int g = src[s + off + 1] & 0xFF;
                int r = src[s + off + 2] & 0xFF;
                if (channels == 3) {
                    out[3 * i] = (byte) r;
                    out[3 * i + 1] = (byte) g;
                    out[3 * i + 2] = (byte) b;
                } else {
                    out[i] = luma(r, g, b);
                }
            }
            return new DecodedImage(h, w, channels, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int i = y * w + x;
                if (channels == 3) {
                    out[3 * i] = (byte) r;
                    out[3 * i + 1] = (byte) g;
                    out[3 * i + 2] = (byte) b;
                } else {
                    out[i] = luma(r, g, b);
                }
            }
        }
        return new DecodedImage(h, w, channels, out);
    }

    /** PIL's L = R * 299/1000 + G * 587/1000 + B * 114/1000, rounded. */
    private static byte luma(int r, int g, int b) {
        return (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
    }
}
