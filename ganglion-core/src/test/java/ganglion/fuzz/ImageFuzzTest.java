package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.utils.images.ImageDecoder;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Fuzzes {@link ImageDecoder} (JPEG, PNG, BMP, GIF through javax.imageio), as image folders use it. */
class ImageFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void image(byte[] data) {
        FuzzSupport.expect("ImageDecoder", BASE + 2000L * data.length,
                () -> ImageDecoder.decode(data, "fuzz.img", 3), UncheckedIOException.class);
    }

    /**
     * Fuzz finding: an 87-byte PNG whose header declares 4,194,304 x 3 pixels makes the decoder allocate about
     * 75 MB (a 100-byte PNG declaring 30000 x 30000 would ask for gigabytes). Enabled once ImageDecoder checks the
     * declared width x height against a limit before decoding.
     */
    @Test
    void pngPixelBombIsRefused() throws IOException {
        byte[] bomb;
        try (InputStream in = ImageFuzzTest.class.getResourceAsStream("/ganglion/fuzz/pending/png-pixel-bomb.png")) {
            bomb = in.readAllBytes();
        }
        image(bomb);
    }
}
