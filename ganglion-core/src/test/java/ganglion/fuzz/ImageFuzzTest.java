package ganglion.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganglion.utils.images.ImageDecoder;

import java.io.UncheckedIOException;

/** Fuzzes {@link ImageDecoder} (JPEG, PNG, BMP, GIF through javax.imageio), as image folders use it. */
class ImageFuzzTest {

    private static final long BASE = FuzzSupport.BASE_BYTES;

    @FuzzTest(maxDuration = "30s")
    void image(byte[] data) {
        FuzzSupport.expect("ImageDecoder", BASE + 2000L * data.length,
                () -> ImageDecoder.decode(data, "fuzz.img", 3), UncheckedIOException.class);
    }
}
