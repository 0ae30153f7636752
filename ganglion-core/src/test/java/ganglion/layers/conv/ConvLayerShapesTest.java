package ganglion.layers.conv;

import ganglion.layers.AveragePooling2D;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Conv2DTranspose;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Flatten;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.GlobalMaxPooling2D;
import ganglion.layers.Layer;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.SeparableConv2D;
import ganglion.layers.UpSampling2D;
import ganglion.layers.ZeroPadding2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output shapes and parameter counts against the numbers Keras prints in model.summary(). */
class ConvLayerShapesTest {

    /** Builds each layer on the previous one's output; returns the total parameter count. */
    private static long chain(int[] input, List<Layer> layers, int[][] shapes, long[] params) {
        int[] in = input;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            l.ensureBuilt(in);
            in = l.outputShape();
            assertArrayEquals(shapes[i], in, "output shape of layer " + i + " " + l);
            assertEquals(params[i], l.countParams(), "parameters of layer " + i + " " + l);
            total += l.countParams();
        }
        return total;
    }

    @Test
    void conv2dOnMnist() {
        Conv2D c = new Conv2D(32, 3).activation("relu");
        c.ensureBuilt(new int[]{28, 28, 1});
        assertArrayEquals(new int[]{26, 26, 32}, c.outputShape());
        assertEquals(320, c.countParams());
        assertArrayEquals(new int[]{3, 3, 1, 32}, c.kernel().shape());
        assertArrayEquals(new int[]{32}, c.bias().shape());
        Conv2D c2 = new Conv2D(64, 3);
        c2.ensureBuilt(new int[]{26, 26, 32});
        assertArrayEquals(new int[]{24, 24, 64}, c2.outputShape());
        assertEquals(18496, c2.countParams());
    }

    /** Seed 002's first model: Conv2D(16) - MaxPool2D(strides 2) - Conv2D(32) - MaxPool2D - Conv2D(64). */
    @Test
    void seed002SmallCnn() {
        long total = chain(new int[]{28, 28, 1},
                List.of(new Conv2D(16, 3), new MaxPooling2D().strides(2), new Conv2D(32, 3),
                        new MaxPooling2D().strides(2), new Conv2D(64, 3), new Flatten(), new Dense(128, "relu"),
                        new Dropout(0.3), new Dense(10, "softmax")),
                new int[][]{{26, 26, 16}, {13, 13, 16}, {11, 11, 32}, {5, 5, 32}, {3, 3, 64}, {576}, {128}, {128}, {10}},
                new long[]{160, 0, 4640, 0, 18496, 0, 73856, 0, 1290});
        assertEquals(98442, total);
    }

    /** Seed 002's 14-layer VGG-style network. */
    @Test
    void seed002VggStyle() {
        long total = chain(new int[]{28, 28, 1},
                List.of(new Conv2D(32, 3).padding("same").activation("relu"),
                        new Conv2D(64, 3).padding("same").activation("relu"),
                        new MaxPooling2D(2), new Dropout(0.5),
                        new Conv2D(128, 3).padding("same").activation("relu"),
                        new Conv2D(256, 3).padding("valid").activation("relu"),
                        new MaxPooling2D(2), new Dropout(0.5), new Flatten(),
                        new Dense(512, "relu"), new Dropout(0.5), new Dense(256, "relu"), new Dropout(0.5),
                        new Dense(10, "softmax")),
                new int[][]{{28, 28, 32}, {28, 28, 64}, {14, 14, 64}, {14, 14, 64}, {14, 14, 128}, {12, 12, 256},
                        {6, 6, 256}, {6, 6, 256}, {9216}, {512}, {512}, {256}, {256}, {10}},
                new long[]{320, 18496, 0, 0, 73856, 295168, 0, 0, 0, 4719104, 0, 131328, 0, 2570});
        assertEquals(5240842, total);
    }

    @Test
    void stridesPaddingDilation() {
        assertShape(new Conv2D(16, 3).strides(2), new int[]{28, 28, 1}, 13, 13, 16);
        assertShape(new Conv2D(16, 3).strides(2).padding("same"), new int[]{28, 28, 3}, 14, 14, 16);
        assertShape(new Conv2D(8, 3).strides(2).padding("SAME"), new int[]{7, 7, 3}, 4, 4, 8);
        assertShape(new Conv2D(8, 3, 5).strides(1, 2), new int[]{10, 11, 3}, 8, 4, 8);
        assertShape(new Conv2D(8, 3).dilationRate(2), new int[]{9, 9, 3}, 5, 5, 8);
        assertShape(new Conv2D(8, 3).dilationRate(2).padding("same"), new int[]{9, 9, 3}, 9, 9, 8);
        assertShape(new Conv2D(4, 3), new int[]{-1, -1, 3}, -1, -1, 4);
    }

    @Test
    void conv2dTranspose() {
        Conv2DTranspose t = new Conv2DTranspose(16, 3).strides(2).padding("same");
        t.ensureBuilt(new int[]{7, 7, 32});
        assertArrayEquals(new int[]{14, 14, 16}, t.outputShape());
        assertArrayEquals(new int[]{3, 3, 16, 32}, t.kernel().shape());
        assertEquals(3 * 3 * 16 * 32 + 16, t.countParams());
        assertShape(new Conv2DTranspose(16, 3).strides(2), new int[]{7, 7, 32}, 15, 15, 16);
        assertShape(new Conv2DTranspose(4, 2).strides(3), new int[]{5, 4, 2}, 15, 12, 4);
        assertShape(new Conv2DTranspose(4, 3), new int[]{5, 4, 2}, 7, 6, 4);
    }

    @Test
    void separableConv2d() {
        SeparableConv2D sep = new SeparableConv2D(64, 3).padding("same");
        sep.ensureBuilt(new int[]{28, 28, 32});
        assertArrayEquals(new int[]{28, 28, 64}, sep.outputShape());
        assertEquals(3 * 3 * 32 + 32 * 64 + 64, sep.countParams());
        assertArrayEquals(new int[]{1, 1, 64, 16}, tap(new SeparableConv2D(16, 3).depthMultiplier(2), 9, 9, 32));
    }

    private static int[] tap(SeparableConv2D l, int... in) {
        l.ensureBuilt(in);
        assertArrayEquals(new int[]{in[0] - 2, in[1] - 2, l.filters()}, l.outputShape());
        assertArrayEquals(new int[]{3, 3, in[2], l.depthMultiplier()}, l.depthwiseKernel().shape());
        return l.pointwiseKernel().shape();
    }

    @Test
    void pooling() {
        assertShape(new MaxPooling2D(2), new int[]{26, 26, 32}, 13, 13, 32);
        assertShape(new MaxPooling2D(2), new int[]{27, 27, 8}, 13, 13, 8);
        assertShape(new MaxPooling2D(3).strides(2).padding("same"), new int[]{7, 7, 8}, 4, 4, 8);
        assertShape(new MaxPooling2D(3).strides(1), new int[]{7, 6, 8}, 5, 4, 8);
        assertShape(new AveragePooling2D(2, 3), new int[]{8, 9, 4}, 4, 3, 4);
        assertShape(new AveragePooling2D(2).padding("same"), new int[]{7, 7, 4}, 4, 4, 4);
        assertArrayEquals(new int[]{2, 2}, new MaxPooling2D(2).strides());
        Layer g = new GlobalAveragePooling2D();
        g.ensureBuilt(new int[]{7, 7, 512});
        assertArrayEquals(new int[]{512}, g.outputShape());
        g = new GlobalMaxPooling2D().keepdims(true);
        g.ensureBuilt(new int[]{7, 7, 512});
        assertArrayEquals(new int[]{1, 1, 512}, g.outputShape());
    }

    @Test
    void paddingUpSamplingBatchNorm() {
        assertShape(new ZeroPadding2D(3), new int[]{224, 224, 3}, 230, 230, 3);
        assertShape(new ZeroPadding2D(0, 1, 2, 3), new int[]{5, 5, 3}, 6, 10, 3);
        assertShape(new UpSampling2D(), new int[]{7, 7, 16}, 14, 14, 16);
        assertShape(new UpSampling2D(2, 3), new int[]{7, 5, 16}, 14, 15, 16);
        BatchNormalization bn = new BatchNormalization();
        bn.ensureBuilt(new int[]{26, 26, 32});
        assertArrayEquals(new int[]{26, 26, 32}, bn.outputShape());
        assertEquals(128, bn.countParams());
        assertEquals(2, bn.trainableVariables().size());
        assertEquals(2, bn.nonTrainableVariables().size());
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
                bn.variables().stream().map(v -> v.name()).toList());
        bn.setTrainable(false);
        bn.setTrainable(true);
        assertEquals(2, bn.nonTrainableVariables().size(), "moving statistics never become trainable");
        BatchNormalization plain = new BatchNormalization().center(false).scale(false);
        plain.ensureBuilt(new int[]{10});
        assertEquals(20, plain.countParams());
        assertEquals(0, plain.trainableVariables().size());
    }

    @Test
    void clearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(32, 3).ensureBuilt(new int[]{784}));
        assertTrue(e.getMessage().contains("expects 4-D input (batch, height, width, channels), got shape (None, 784)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Conv2D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 5).ensureBuilt(new int[]{3, 3, 1}));
        assertTrue(e.getMessage().contains("larger than the input (None, 3, 3, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
        assertTrue(e.getMessage().contains("filters=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).strides(2).dilationRate(2));
        assertTrue(e.getMessage().contains("dilation_rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Conv2D(8, 3).padding("full"));
        assertTrue(e.getMessage().contains("padding=full"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(4).ensureBuilt(new int[]{3, 3, 1}));
        assertTrue(e.getMessage().contains("MaxPooling2D"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(2).ensureBuilt(new int[]{10, 10}));
        assertTrue(e.getMessage().contains("expects 4-D input"), e.getMessage());
        Conv2D built = new Conv2D(4, 3);
        built.ensureBuilt(new int[]{8, 8, 3});
        assertThrows(IllegalStateException.class, () -> built.strides(2));
        assertThrows(IllegalArgumentException.class, () -> built.ensureBuilt(new int[]{8, 8, 4}));
    }

    private static void assertShape(Layer l, int[] in, int... expected) {
        l.ensureBuilt(in);
        assertArrayEquals(expected, l.outputShape(), l.toString());
    }
}
