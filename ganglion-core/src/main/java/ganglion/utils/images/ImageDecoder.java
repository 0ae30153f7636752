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
 * Decodes JPEG, PNG, BMP and GIF files into RGB or grey bytes, as Keras's {@code load_img} with
 * {@code color_mode="rgb"} or {@code "grayscale"}. Sequential 8-bit grey and YCbCr JPEGs (nearly all of them)
 * go through our own {@link JpegDecoder}, which gives ImageIO's pixels several times faster; everything else
 * through {@code javax.imageio}. The common raster types (3-byte BGR, 4-byte ABGR, 8-bit grey) are read
 * straight from the raster's byte array; other types go through {@code getRGB}. Grey from RGB uses ITU-R 601
 * luma, as PIL's {@code convert("L")}. Set {@code -Dganglion.images.imageioJpeg=true} to decode every JPEG
 * with ImageIO.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /** Decodes a file into {@code channels} (3: RGB, 1: grey) channels. */
    public static DecodedImage read(Path file, int channels) {
        try {
            long size = Files.size(file);
            if (size < Integer.MAX_VALUE - 16) {
                byte[] bytes = Files.readAllBytes(file);
                return decode(bytes, bytes.length, channels);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return decode(in, file.toString(), channels, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes encoded image bytes; {@code name} identifies them in error messages. */
    public static DecodedImage decode(byte[] encoded, String name, int channels) {
        try {
            return decode(encoded, encoded.length, channels);
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
        checkChannels(channels);
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        try {
            if (b0 == 0xFF && b1 == 0xD8 && !IMAGEIO_JPEG) {
                byte[] bytes = buffered.readAllBytes();
                return decode(bytes, bytes.length, channels);
            }
            return decodeWithImageIO(buffered, channels, encodedSize);
        } catch (IOException e) {
            throw new IOException("Cannot decode image " + name + ": " + e.getMessage(), e);
        }
    }

    private static void checkChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("ImageDecoder: channels must be 1 (grayscale) or 3 (rgb), got "
                    + channels);
        }
    }

    /** Decodes the first {@code length} bytes of {@code encoded}: our JPEG decoder first, else ImageIO. */
    private static DecodedImage decode(byte[] encoded, int length, int channels) throws IOException {
        checkChannels(channels);
        if (length >= 2 && encoded[0] == (byte) 0xFF && encoded[1] == (byte) 0xD8 && !IMAGEIO_JPEG) {
            DecodedImage img = JpegDecoder.decode(encoded, length, channels, length);
            if (img != null) {
                return img;
            }
        }
        return decodeWithImageIO(new ByteArrayInputStream(encoded, 0, length), channels, length);
    }

    /** Decodes through javax.imageio (any format it reads). */
    static DecodedImage decodeWithImageIO(InputStream in, int channels, long encodedSize) throws IOException {
        BufferedImage img = readFast(in, encodedSize);
        if (img == null) {
            throw new IOException("not a JPEG, PNG, BMP or GIF file that"
                    + " javax.imageio can read (is it truncated or another format?)");
        }
        return fromBufferedImage(img, channels);
    }

    /** Largest image decoded, in pixels: a small file may declare a huge image (a "pixel bomb"). */
    private static final long MAX_PIXELS = Long.getLong("ganglion.images.maxPixels", 1L << 27);

    /** True to decode every JPEG with ImageIO (for comparisons and as an escape hatch). */
    private static final boolean IMAGEIO_JPEG = Boolean.getBoolean("ganglion.images.imageioJpeg");

    /**
     * Refuses a declared {@code width x height} beyond {@code ganglion.images.maxPixels} (2^27), or, when the
     * encoded size is known, beyond 4096 pixels per encoded byte plus one megapixel.
     */
    static void checkPixels(int width, int height, long encodedSize) throws IOException {
        long pixels = (long) width * height;
        long limit = encodedSize < 0 ? MAX_PIXELS : Math.min(MAX_PIXELS, encodedSize * 4096 + (1L << 20));
        if (pixels > limit) {
            throw new IOException("image of " + width + "x" + height + " pixels is over the limit of "
                    + limit + " pixels for a file of " + encodedSize + " bytes (a damaged or hostile header; "
                    + "-Dganglion.images.maxPixels sets the overall limit)");
        }
    }

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
            return readOther(in, encodedSize);
        }
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            r.setInput(iis, true, true);
            checkPixels(r.getWidth(0), r.getHeight(0), encodedSize);
            return r.read(0);
        } finally {
            r.setInput(null);
        }
    }

    /**
     * GIF, BMP and whatever else ImageIO reads: the first reader that accepts the stream, with the declared size of
     * the first image (for a GIF, its frame's) checked before any pixel is allocated; null when none accepts it.
     */
    private static BufferedImage readOther(InputStream in, long encodedSize) throws IOException {
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(iis, true, true);
                checkPixels(r.getWidth(0), r.getHeight(0), encodedSize);
                return r.read(0);
            } finally {
                r.dispose();
            }
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
    static byte luma(int r, int g, int b) {
        return (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
    }
}
