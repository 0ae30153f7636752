package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.utils.images.ImageDecoder;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fuzzes {@link ImageDecoder} (JPEG, PNG, BMP, GIF through javax.imageio), as image folders use it. */
class ImageFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    /**
     * The decoder's own bound (ImageDecoder.checkPixels): at most 4096 pixels per encoded byte plus one
     * megapixel; each pixel costs up to 24 bytes while decoding (the BufferedImage and the float channels).
     * Fuzz finding (crash-e0f8338d..., 416 bytes, 42 MB): the earlier harness bound of 2000 bytes per input
     * byte was below what the decoder documents; the bound now follows the decoder's limit.
     */
    static long bound(int length) {
        return BASE + 24L * (4096L * length + (1L << 20));
    }

    @FuzzTest(maxDuration = "30s")
    void image(byte[] data) {
        FuzzSupport.expect("ImageDecoder", bound(data.length),
                () -> ImageDecoder.decode(data, "fuzz.img", 3), UncheckedIOException.class);
    }

    /**
     * Fuzz finding: an 87-byte PNG whose header declares 4,194,304 x 3 pixels makes the decoder allocate about
     * 75 MB (a 100-byte PNG declaring 30000 x 30000 would ask for gigabytes). Fixed: ImageDecoder checks the
     * declared width x height against {@code ganglion.images.maxPixels} (and the encoded size) before decoding.
     */
    @Test
    void pngPixelBombIsRefused() throws IOException {
        byte[] bomb;
        try (InputStream in = ImageFuzzTest.class.getResourceAsStream("/ganglion/fuzz/regressions/png-pixel-bomb.png")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource png-pixel-bomb.png");
            }
            bomb = in.readAllBytes();
        }
        image(bomb);
    }

    /**
     * Fuzz finding (2026-11-29, open): a 59-byte GIF whose logical screen is 4 x 3 but whose image descriptor
     * declares 27506 x 25970 pixels makes ImageDecoder allocate about 200 MB (the 24 x (4096 x 59 + 2^20) byte
     * bound allows 31 MB) before failing. Fix request to the owner of ImageDecoder: check the frame's declared
     * size (ImageReader.getWidth/getHeight of image 0, which for GIF is the descriptor's) against
     * checkPixels for the ImageIO fallback too, before reading.
     */
    @Test
    void gifFrameBombIsRefused() throws IOException {
        try (InputStream in = ImageFuzzTest.class.getResourceAsStream("/ganglion/fuzz/regressions/gif-frame-bomb.gif")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource gif-frame-bomb.gif");
            }
            image(in.readAllBytes());
        }
    }
}
