package ganglion.applications;

import ganglion.Tensor;
import ganglion.layers.Layer;
import ganglion.models.Model;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter counts, layer names and layer order equal Keras's (built without weights). */
class ApplicationsArchitectureTest {

    private static List<String> names(Model m) {
        List<String> r = new ArrayList<>();
        for (Layer l : m.layers()) {
            r.add(l.name());
        }
        return r;
    }

    @Test
    void vgg16CountsAndNames() {
        Model notop = VGG16.builder().includeTop(false).build();
        assertEquals(14_714_688L, notop.countParams());
        assertEquals("vgg16", notop.name());
        List<String> n = names(notop);
        assertEquals(List.of("block1_conv1", "block1_conv2", "block1_pool", "block2_conv1"), n.subList(1, 5));
        assertEquals("block5_pool", n.get(n.size() - 1));
        Model small = VGG16.builder().includeTop(false).inputShape(32, 32, 3).pooling("avg").build();
        assertEquals(14_714_688L, small.countParams());
        Tensor y = small.predict(GradCheck.uniform(3, 0f, 255f, 2, 32, 32, 3), 32, 0);
        assertArrayEquals(new int[]{2, 512}, y.shape());
    }

    /** Builds the 138M- and 144M-parameter models: slow (about 30 s), so only with -Pslow. */
    @Test
    @Tag("slow")
    void vggWithTop() {
        Model top = VGG16.builder().build();
        assertEquals(138_357_544L, top.countParams());
        assertEquals(List.of("flatten", "fc1", "fc2", "predictions"),
                names(top).subList(names(top).size() - 4, names(top).size()));
        top = null;
        Model vgg19 = VGG19.builder().build();
        assertEquals(143_667_240L, vgg19.countParams());
        assertTrue(names(vgg19).contains("block5_conv4"));
        vgg19 = null;
    }

    @Test
    void resnet50CountsNamesAndKerasLayerOrder() {
        Model notop = ResNet50.builder().includeTop(false).inputShape(32, 32, 3).build();
        assertEquals(23_587_712L, notop.countParams());
        assertEquals("resnet50", notop.name());
        List<String> n = names(notop);
        assertEquals(List.of("conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool"),
                n.subList(1, 7));
        // Keras's model.layers order (depth order), on which positional h5 loading depends
        int i = n.indexOf("conv2_block1_2_relu");
        assertEquals(List.of("conv2_block1_2_relu", "conv2_block1_0_conv", "conv2_block1_3_conv", "conv2_block1_0_bn",
                "conv2_block1_3_bn", "conv2_block1_add", "conv2_block1_out"), n.subList(i, i + 7));
        assertEquals("conv5_block3_out", n.get(n.size() - 1));
        assertEquals(175, n.size());  // Keras: len(ResNet50(include_top=False).layers) == 175 (input included)
        Tensor y = notop.predict(GradCheck.uniform(4, 0f, 255f, 1, 32, 32, 3), 32, 0);
        assertArrayEquals(new int[]{1, 1, 1, 2048}, y.shape());
    }

    /** The top adds avg_pool and predictions (2048 * 1000 + 1000 parameters). */
    @Test
    void resnet50WithTop() {
        Model top = ResNet50.builder().build();
        assertEquals(25_636_712L, top.countParams());
        List<String> n = names(top);
        assertEquals(List.of("conv5_block3_out", "avg_pool", "predictions"), n.subList(n.size() - 3, n.size()));
        assertEquals(177, n.size());  // Keras: len(ResNet50().layers) == 177 (input layer included)
    }

    @Test
    void mobileNetV2CountsAndNames() {
        Model top = MobileNetV2.builder().build();
        assertEquals(3_538_984L, top.countParams());
        assertEquals("mobilenetv2_1.00_224", top.name());
        Model notop = MobileNetV2.builder().includeTop(false).build();
        assertEquals(2_257_984L, notop.countParams());
        List<String> n = names(notop);
        assertEquals(List.of("Conv1", "bn_Conv1", "Conv1_relu", "expanded_conv_depthwise",
                "expanded_conv_depthwise_BN", "expanded_conv_depthwise_relu", "expanded_conv_project",
                "expanded_conv_project_BN", "block_1_expand", "block_1_expand_BN", "block_1_expand_relu",
                "block_1_pad", "block_1_depthwise"), n.subList(1, 14));
        assertTrue(n.contains("block_2_add"));
        assertEquals(List.of("Conv_1", "Conv_1_bn", "out_relu"), n.subList(n.size() - 3, n.size()));
        assertEquals(154, n.size());  // Keras: len(MobileNetV2(include_top=False).layers)
        Model small = MobileNetV2.builder().includeTop(false).inputShape(32, 32, 3).pooling("max").build();
        assertArrayEquals(new int[]{1, 1280}, small.predict(GradCheck.uniform(5, -1f, 1f, 1, 32, 32, 3), 32, 0).shape());
        assertEquals(16, MobileNetV2.makeDivisible(16, 8));
        assertEquals(16, MobileNetV2.makeDivisible(32 * 0.35, 8));  // 11.2 rounds to 8, < 90 %: 16
    }

    @Test
    void builderChecksFollowKeras() {
        assertThrows(IllegalArgumentException.class,
                () -> VGG16.builder().includeTop(false).inputShape(16, 16, 3).build());
        assertThrows(IllegalArgumentException.class, () -> VGG16.builder().pooling("mean"));
        assertThrows(IllegalArgumentException.class, () -> ResNet50.builder().imagenetWeights().classes(10).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VGG16.builder().includeTop(false).inputShape(32, 32, 3).weights(Path.of("/no/such.h5")).build());
        assertTrue(e.getMessage().contains("/no/such.h5"), e.getMessage());
        assertEquals("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5",
                MobileNetV2.weightFileName(1.0, 224, false));
        assertEquals("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", VGG16.weightFileName(false));
    }
}
