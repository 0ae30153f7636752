package ganglion.utils.images;

import ganglion.datasets.DataPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Our baseline JPEG decoder against javax.imageio's (libjpeg 6b), and on damaged or hostile files. */
class JpegDecoderTest {

    /** Decodes with our decoder only (fails if it would fall back to ImageIO). */
    private static DecodedImage ours(byte[] jpeg, int channels) throws IOException {
        DecodedImage img = JpegDecoder.decode(jpeg, jpeg.length, channels, jpeg.length);
        assertNotNull(img, "JpegDecoder left a baseline file to ImageIO");
        return img;
    }

    private static void assertSameAsImageIO(String what, byte[] jpeg) throws IOException {
        for (int channels : new int[]{3, 1}) {
            int diff = JpegTestImages.maxDiff(JpegTestImages.imageIO(jpeg, channels), ours(jpeg, channels));
            assertEquals(0, diff, what + " with " + channels + " channels: max |ours - ImageIO|");
        }
    }

    /**
     * 4:4:0 (1x2) chroma: JDK 17's ImageIO smooths it vertically (we reproduce that exactly), the ImageIO of later
     * JDKs (seen on 25) does not, up to 50 levels apart at quality 0.3 on sharp edges. The other samplings agree
     * exactly on both JDKs.
     */
    private static void assertCloseToImageIO(String what, byte[] jpeg) throws IOException {
        for (int channels : new int[]{3, 1}) {
            int diff = JpegTestImages.maxDiff(JpegTestImages.imageIO(jpeg, channels), ours(jpeg, channels));
            assertTrue(diff <= 64, what + " with " + channels + " channels: max |ours - ImageIO| " + diff
                    + " (chroma upsampling rule only)");
        }
    }

    @Test
    void colourSamplingFactorsMatchImageIOExactly() throws IOException {
        int[][] sizes = {{32, 32}, {33, 17}, {17, 33}, {1, 1}, {2, 3}, {3, 2}, {5, 9}, {8, 8}, {16, 16}, {31, 47}, {64, 40}};
        int[][] factors = {{1, 1}, {2, 1}, {2, 2}, {1, 2}};           // 4:4:4, 4:2:2, 4:2:0, 4:4:0
        for (int[] s : sizes) {
            for (int[] f : factors) {
                for (float quality : new float[]{0.3f, 0.75f, 0.98f}) {
                    byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(s[0], s[1], false, s[0] * 31L + s[1]),
                            f[0], f[1], 0, quality, false);
                    String what = s[0] + "x" + s[1] + " sampling " + f[0] + "x" + f[1] + " q" + quality;
                    if (f[1] == 2 && f[0] == 1 && Runtime.version().feature() > 17) {
                        assertCloseToImageIO(what, jpeg);
                    } else {
                        assertSameAsImageIO(what, jpeg);
                    }
                }
            }
        }
    }

    @Test
    void greyImagesMatchImageIOExactly() throws IOException {
        for (int[] s : new int[][]{{32, 32}, {33, 17}, {1, 1}, {7, 130}}) {
            byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(s[0], s[1], true, 5), 1, 1, 0, 0.8f, false);
            assertSameAsImageIO("grey " + s[0] + "x" + s[1], jpeg);
        }
    }

    @Test
    void restartIntervalsMatchImageIOExactly() throws IOException {
        for (int interval : new int[]{1, 2, 3, 7}) {
            for (int[] f : new int[][]{{1, 1}, {2, 2}, {2, 1}}) {
                byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(45, 37, false, interval), f[0], f[1],
                        interval, 0.9f, false);
                assertTrue(containsMarker(jpeg, 0xDD), "the writer kept the DRI marker");
                assertSameAsImageIO("restart interval " + interval + " sampling " + f[0] + "x" + f[1], jpeg);
            }
            byte[] grey = JpegTestImages.write(JpegTestImages.picture(45, 37, true, 3), 1, 1, interval, 0.9f, false);
            assertSameAsImageIO("grey restart interval " + interval, grey);
        }
    }

    private static boolean containsMarker(byte[] jpeg, int code) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                return true;
            }
        }
        return false;
    }

    @Test
    void filesWithoutJfifMarkerMatchImageIOExactly() throws IOException {
        for (int[] f : new int[][]{{1, 1}, {2, 2}, {2, 1}}) {
            byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(33, 17, false, 3), f[0], f[1], 0, 0.8f, false);
            assertEquals(0xE0, jpeg[3] & 0xFF, "ImageIO wrote an APP0 JFIF segment first");
            int skip = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
            byte[] stripped = new byte[jpeg.length - skip + 2];
            stripped[0] = (byte) 0xFF;
            stripped[1] = (byte) 0xD8;
            System.arraycopy(jpeg, skip, stripped, 2, jpeg.length - skip);
            assertSameAsImageIO("no JFIF marker, sampling " + f[0] + "x" + f[1], stripped);
        }
    }

    @Test
    void cifarJpegsMatchImageIOExactly() throws IOException {
        String root = System.getenv(DataPaths.ENV_SHARED_DATA);
        Path archive = root == null ? null : Path.of(root, "cifar10-jpg", "cifar10-test-jpg.tar.gz");
        assumeTrue(archive != null && Files.isRegularFile(archive), "CIFAR-10 JPEG archive not available");
        List<byte[]> jpegs = JpegTestImages.jpegsInArchive(archive, 400);
        assertEquals(400, jpegs.size());
        for (int i = 0; i < jpegs.size(); i++) {
            assertSameAsImageIO("CIFAR-10 test JPEG #" + i, jpegs.get(i));
        }
    }

    @Test
    void progressiveFilesAreLeftToImageIO() throws IOException {
        byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(20, 12, false, 1), 2, 2, 0, 0.8f, true);
        assertNull(JpegDecoder.decode(jpeg, jpeg.length, 3, jpeg.length));
        DecodedImage viaImageDecoder = ImageDecoder.decode(jpeg, "progressive.jpg", 3);
        assertEquals(0, JpegTestImages.maxDiff(JpegTestImages.imageIO(jpeg, 3), viaImageDecoder));
    }

    @Test
    void imageDecoderUsesItForJpegFiles() throws IOException {
        byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(33, 17, false, 9), 2, 2, 0, 0.7f, false);
        Path dir = Files.createTempDirectory("jpeg-test");
        try {
            Path file = Files.write(dir.resolve("a.jpg"), jpeg);
            DecodedImage img = ImageDecoder.read(file, 3);
            assertEquals(17, img.height());
            assertEquals(33, img.width());
            assertEquals(0, JpegTestImages.maxDiff(JpegTestImages.imageIO(jpeg, 3), img));
        } finally {
            Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void truncatedFilesRaiseAnErrorNamingTheFile() throws IOException {
        byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(40, 24, false, 2), 2, 2, 2, 0.8f, false);
        int decoded = 0;
        for (int cut = 0; cut < jpeg.length; cut++) {
            byte[] part = Arrays.copyOf(jpeg, cut);
            try {
                ImageDecoder.decode(part, "cut.jpg", 3);
                decoded++;
            } catch (UncheckedIOException e) {
                assertTrue(e.getMessage().contains("cut.jpg"), e.getMessage());
            }
        }
        assertTrue(decoded <= 2, "only a cut of the final EOI marker may decode; decoded " + decoded);
    }

    @Test
    void damagedBytesNeverEscapeAsOtherExceptions() throws IOException {
        Random rnd = new Random(42);
        byte[][] seeds = {
            JpegTestImages.write(JpegTestImages.picture(24, 16, false, 3), 2, 2, 0, 0.8f, false),
            JpegTestImages.write(JpegTestImages.picture(24, 16, false, 4), 1, 1, 3, 0.5f, false),
            JpegTestImages.write(JpegTestImages.picture(19, 11, true, 5), 1, 1, 0, 0.9f, false)};
        for (int trial = 0; trial < 3000; trial++) {
            byte[] jpeg = seeds[trial % seeds.length].clone();
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                jpeg[rnd.nextInt(jpeg.length)] = (byte) rnd.nextInt(256);
            }
            try {
                DecodedImage img = ImageDecoder.decode(jpeg, "damaged.jpg", 3);
                assertEquals(img.height() * img.width() * 3, img.pixels().length);
            } catch (UncheckedIOException e) {
                assertTrue(e.getMessage().contains("damaged.jpg"), e.getMessage());
            }
        }
    }

    @Test
    void pixelBombHeaderIsRefusedBeforeDecoding() throws IOException {
        byte[] jpeg = JpegTestImages.write(JpegTestImages.picture(8, 8, false, 1), 1, 1, 0, 0.5f, false);
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xC0) {
                jpeg[i + 5] = (byte) 0xFF;                  // height 65535
                jpeg[i + 6] = (byte) 0xFF;
                jpeg[i + 7] = (byte) 0xFF;                  // width 65535
                jpeg[i + 8] = (byte) 0xFF;
            }
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ImageDecoder.decode(jpeg, "bomb.jpg", 3));
        assertTrue(e.getMessage().contains("bomb.jpg") && e.getMessage().contains("over the limit"), e.getMessage());
    }
}
