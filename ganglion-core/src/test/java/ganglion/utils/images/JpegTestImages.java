package ganglion.utils.images;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** JPEG files for the decoder tests: synthetic ones written by ImageIO, and entries of the CIFAR-10 JPEG archive. */
final class JpegTestImages {

    private JpegTestImages() {
    }

    /** A smooth, noisy test picture (gradients, a disc, noise), grey when {@code grey}. */
    static BufferedImage picture(int w, int h, boolean grey, long seed) {
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        Random rnd = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean disc = (x - w / 2) * (x - w / 2) + (y - h / 3) * (y - h / 3) < w * h / 10;
                int r = clamp(255 * x / Math.max(1, w - 1) + rnd.nextInt(40) - 20);
                int g = clamp((disc ? 230 : 255 * y / Math.max(1, h - 1)) + rnd.nextInt(30) - 15);
                int b = clamp((x * 7 + y * 13) % 256);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * Writes {@code img} as a baseline JPEG through ImageIO with luma sampling factors {@code hy x vy} (chroma
     * 1x1), a restart interval (0: none) and {@code quality}; progressive when asked.
     */
    static byte[] write(BufferedImage img, int hy, int vy, int restartInterval, float quality, boolean progressive)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        Node sof = markers.getElementsByTagName("sof").item(0);
        if (sof != null) {
            Node spec = sof.getFirstChild();
            for (int i = 0; spec != null; i++, spec = spec.getNextSibling()) {
                ((Element) spec).setAttribute("HsamplingFactor", Integer.toString(i == 0 ? hy : 1));
                ((Element) spec).setAttribute("VsamplingFactor", Integer.toString(i == 0 ? vy : 1));
            }
        }
        if (restartInterval > 0) {
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restartInterval));
            markers.insertBefore(dri, markers.getFirstChild());
        }
        meta.setFromTree(format, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** ImageIO's decoding of {@code jpeg}, the reference. */
    static DecodedImage imageIO(byte[] jpeg, int channels) throws IOException {
        return ImageDecoder.decodeWithImageIO(new ByteArrayInputStream(jpeg), channels, jpeg.length);
    }

    /** The largest absolute difference between two decodings of the same size. */
    static int maxDiff(DecodedImage a, DecodedImage b) {
        if (a.height() != b.height() || a.width() != b.width() || a.channels() != b.channels()) {
            throw new AssertionError("shapes differ: " + a.height() + "x" + a.width() + "x" + a.channels() + " vs "
                    + b.height() + "x" + b.width() + "x" + b.channels());
        }
        int max = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            max = Math.max(max, Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF)));
        }
        return max;
    }

    /** The first {@code limit} .jpg entries of a .tar.gz archive (a minimal ustar reader). */
    static List<byte[]> jpegsInArchive(Path archive, int limit) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] header = new byte[512];
            while (out.size() < limit && in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
                String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
                long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (name.endsWith(".jpg") && header[156] != '5') {
                    out.add(body);
                }
            }
        }
        return out;
    }
}
