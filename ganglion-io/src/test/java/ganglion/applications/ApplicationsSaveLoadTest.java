package ganglion.applications;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** MobileNetV2 (DepthwiseConv2D, ReLU(6), BatchNormalization, Add) survives a .keras round trip. */
class ApplicationsSaveLoadTest {

    @Test
    void mobileNetV2RoundTripsThroughKerasFile(@TempDir Path dir) {
        Ganglion.setRandomSeed(5);
        Model m = MobileNetV2.builder().includeTop(false).weights(null).inputShape(32, 32, 3).pooling("avg").build();
        Tensor x = Tensor.randomUniform(-1, 1, 2, 32, 32, 3);
        Tensor before = m.predict(x, 2, 0);
        Path file = dir.resolve("mobilenet.keras");
        m.save(file);
        Model loaded = Model.load(file);
        assertEquals(m.countParams(), loaded.countParams());
        assertArrayEquals(before.toFloatArray(), loaded.predict(x, 2, 0).toFloatArray(), 1e-5f);
    }
}
