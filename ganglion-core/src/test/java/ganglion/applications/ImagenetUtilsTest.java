package ganglion.applications;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagenetUtilsTest {

    private static final Tensor PIXEL = Tensor.of(new float[]{10, 20, 30, 255, 0, 127.5f}, 1, 2, 1, 3);

    @Test
    void caffeSwapsToBgrAndSubtractsMeans() {
        float[] y = VGG16.preprocessInput(PIXEL).toFloatArray();
        assertArrayEquals(new float[]{30 - 103.939f, 20 - 116.779f, 10 - 123.68f,
                127.5f - 103.939f, 0 - 116.779f, 255 - 123.68f}, y, 1e-4f);
        assertArrayEquals(y, ResNet50.preprocessInput(PIXEL).toFloatArray());
        assertArrayEquals(new int[]{1, 2, 1, 3}, VGG19.preprocessInput(PIXEL).shape());
    }

    @Test
    void tfAndTorchModes() {
        assertArrayEquals(new float[]{10 / 127.5f - 1, 20 / 127.5f - 1, 30 / 127.5f - 1, 1, -1, 0},
                MobileNetV2.preprocessInput(PIXEL).toFloatArray(), 1e-6f);
        float[] t = ImagenetUtils.preprocessInput(PIXEL, "torch").toFloatArray();
        assertEquals((255 / 255f - 0.485f) / 0.229f, t[3], 1e-5f);
        assertEquals((0.5f - 0.406f) / 0.225f, t[5], 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> ImagenetUtils.preprocessInput(PIXEL, "keras"));
        assertThrows(IllegalArgumentException.class,
                () -> ImagenetUtils.preprocessInput(Tensor.zeros(1, 2, 2, 4), "caffe"));
    }

    @Test
    void decodePredictionsSortsTopClasses(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(i).append("\": [\"n").append(i).append("\", \"class")
                    .append(i).append("\"]");
        }
        Path index = Files.writeString(dir.resolve("imagenet_class_index.json"), json.append('}').toString());
        float[] p = new float[2000];
        p[7] = 0.5f;
        p[3] = 0.3f;
        p[999] = 0.2f;
        p[1000 + 42] = 1f;
        List<List<Prediction>> r = VGG16.decodePredictions(Tensor.of(p, 2, 1000), 3, index);
        assertEquals(List.of(new Prediction("n7", "class7", 0.5f), new Prediction("n3", "class3", 0.3f),
                new Prediction("n999", "class999", 0.2f)), r.get(0));
        assertEquals("class42", r.get(1).get(0).description());
        assertThrows(IllegalArgumentException.class,
                () -> ImagenetUtils.decodePredictions(Tensor.zeros(1, 10), 5, index));
    }

    @Test
    void missingFilesExplainWhereToGetThem() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Applications.weightsPath("no_such_weights_for_test.h5"));
        assertTrue(e.getMessage().contains(".keras"), e.getMessage());
        String msg = Applications.notFound("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5");
        assertTrue(msg.contains("https://storage.googleapis.com/tensorflow/keras-applications/vgg16/"
                + "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"), msg);
        assertTrue(msg.contains("6d6bbae143d832006294945121d1f1fc"), msg);
        assertThrows(IllegalArgumentException.class, () -> Applications.file("nope.h5"));
        assertEquals("4d473c1dd8becc155b73f8504c6f6626",
                Applications.file(ResNet50.weightFileName(false)).md5());
    }
}
