package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.utils.images.DecodedImage;
import ganglion.utils.images.ImageDecoder;

import java.io.UncheckedIOException;

/**
 * Fuzzes the JPEG path of {@link ImageDecoder}: our baseline decoder (Huffman tables, restart markers, sampling
 * factors, truncation) and its fallback to javax.imageio. Seeds: CIFAR-10 JPEGs and small ImageIO-written
 * files (grey, 2x1 with restart markers, 1x2).
 */
class JpegFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "60s")
    void jpeg(byte[] data) {
        FuzzSupport.expect("JpegDecoder", BASE + 2000L * data.length, () -> {
            for (int channels : new int[]{3, 1}) {
                DecodedImage img = ImageDecoder.decode(data, "fuzz.jpg", channels);
                if (img.pixels().length != img.height() * img.width() * channels) {
                    throw new AssertionError("JpegDecoder: " + img.pixels().length + " bytes for a " + img.height()
                            + "x" + img.width() + "x" + channels + " image");
                }
            }
        }, UncheckedIOException.class);
    }
}
