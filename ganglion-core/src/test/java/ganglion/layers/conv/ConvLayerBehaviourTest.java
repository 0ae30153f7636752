package ganglion.layers.conv;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.layers.AveragePooling2D;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Conv2DTranspose;
import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.SeparableConv2D;
import ganglion.layers.UpSampling2D;
import ganglion.layers.ZeroPadding2D;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forward behaviour, gradients through the layers' weights, BatchNormalization modes, and Keras configs. */
class ConvLayerBehaviourTest {

    private static Tensor input(int... shape) {
        Ganglion.setRandomSeed(11);
        return Tensor.randomUniform(-1f, 1f, shape);
    }

    @Test
    void conv2dIsConvPlusBiasThenActivation() {
        Ganglion.setRandomSeed(3);
        Conv2D c = new Conv2D(4, 3).padding("same").strides(2).activation("relu").biasInitializer("ones");
        Tensor x = input(2, 7, 7, 3);
        Tensor y = c.apply(x, false);
        Tensor expected = ConvOps.conv2d(x, c.kernel().value(), c.bias().value(), 2, 2, 1, 1, true).relu();
        assertArrayEquals(new int[]{2, 4, 4, 4}, y.shape());
        assertArrayEquals(expected.toFloatArray(), y.toFloatArray());
    }

    @Test
    void gradientsReachTheWeights() {
        Ganglion.setRandomSeed(5);
        Conv2D c = new Conv2D(3, 3).padding("same").biasInitializer("random_normal");
        c.ensureBuilt(new int[]{5, 6, 2});
        GradCheck.check(in -> c.apply(in.get(0), true), input(2, 5, 6, 2), c.kernel().value(), c.bias().value());
        Conv2DTranspose t = new Conv2DTranspose(2, 3).strides(2);
        t.ensureBuilt(new int[]{3, 3, 2});
        GradCheck.check(in -> t.apply(in.get(0), true), input(2, 3, 3, 2), t.kernel().value(), t.bias().value());
        SeparableConv2D sep = new SeparableConv2D(3, 3).depthMultiplier(2).padding("same").biasInitializer("random_normal");
        sep.ensureBuilt(new int[]{4, 5, 2});
        GradCheck.check(in -> sep.apply(in.get(0), true), input(2, 4, 5, 2), sep.depthwiseKernel().value(),
                sep.pointwiseKernel().value(), sep.bias().value());
        BatchNormalization bn = new BatchNormalization().gammaInitializer("random_uniform");
        bn.ensureBuilt(new int[]{3, 3, 4});
        GradCheck.check(in -> bn.apply(in.get(0), true), 1e-2, 3e-2, 2e-3,
                input(4, 3, 3, 4).mul(2f), bn.gamma().value(), bn.beta().value());
        BatchNormalization bnAxis1 = new BatchNormalization().axis(1);
        bnAxis1.ensureBuilt(new int[]{3, 4, 2});
        GradCheck.check(in -> bnAxis1.apply(in.get(0), true), 1e-2, 3e-2, 2e-3,
                input(4, 3, 4, 2).mul(2f), bnAxis1.gamma().value(), bnAxis1.beta().value());
    }

    @Test
    void batchNormTrainingUpdatesMovingStatistics() {
        BatchNormalization bn = new BatchNormalization().momentum(0.9);
        Tensor x = input(8, 2, 2, 3).mul(3f).add(1f);
        Tensor y = bn.apply(x, true);
        float[] xd = x.buffer();
        for (int c = 0; c < 3; c++) {
            double mean = 0, var = 0;
            int n = 0;
            for (int i = c; i < xd.length; i += 3, n++) {
                mean += xd[i];
            }
            mean /= n;
            for (int i = c; i < xd.length; i += 3) {
                var += (xd[i] - mean) * (xd[i] - mean);
            }
            var /= n;
            assertEquals(0.1 * mean, bn.movingMean().value().get(c), 1e-5);
            assertEquals(0.9 + 0.1 * var, bn.movingVariance().value().get(c), 1e-5);
            // training output: normalised with the batch statistics (gamma 1, beta 0)
            assertEquals((xd[c] - mean) / Math.sqrt(var + 1e-3), y.buffer()[c], 1e-4);
        }
        // inference: uses the moving statistics and changes nothing
        float[] mm = bn.movingMean().value().toFloatArray();
        Tensor yi = bn.apply(x, false);
        assertArrayEquals(mm, bn.movingMean().value().toFloatArray());
        float m0 = mm[0], v0 = bn.movingVariance().value().get(0);
        assertEquals((xd[0] - m0) / Math.sqrt(v0 + 1e-3), yi.buffer()[0], 1e-4);
        // a frozen layer runs in inference mode even when training, as in Keras
        bn.setTrainable(false);
        Tensor yf = bn.apply(x, true);
        assertArrayEquals(yi.toFloatArray(), yf.toFloatArray());
        assertArrayEquals(mm, bn.movingMean().value().toFloatArray());
    }

    @Test
    void parameterFreeLayersRunTheirOps() {
        Tensor x = input(2, 5, 5, 3);
        assertArrayEquals(ConvOps.maxPool2d(x, 2, 2, 2, 2, false).toFloatArray(),
                new MaxPooling2D(2).apply(x, false).toFloatArray());
        assertArrayEquals(ConvOps.avgPool2d(x, 3, 3, 2, 2, true).toFloatArray(),
                new AveragePooling2D(3).strides(2).padding("same").apply(x, false).toFloatArray());
        assertArrayEquals(new int[]{2, 3}, new GlobalAveragePooling2D().apply(x, false).shape());
        assertArrayEquals(new int[]{2, 7, 8, 3}, new ZeroPadding2D(1, 1, 2, 1).apply(x, false).shape());
        assertArrayEquals(new int[]{2, 10, 10, 3}, new UpSampling2D().apply(x, false).shape());
    }

    @Test
    @SuppressWarnings("unchecked")
    void kerasConfigs() {
        Map<String, Object> c = new Conv2D(32, 3).activation("relu").padding("same").name("c1").getConfig();
        assertEquals("c1", c.get("name"));
        assertEquals(32, c.get("filters"));
        assertEquals(List.of(3, 3), c.get("kernel_size"));
        assertEquals(List.of(1, 1), c.get("strides"));
        assertEquals("same", c.get("padding"));
        assertEquals("channels_last", c.get("data_format"));
        assertEquals(List.of(1, 1), c.get("dilation_rate"));
        assertEquals(1, c.get("groups"));
        assertEquals("relu", c.get("activation"));
        assertEquals(true, c.get("use_bias"));
        Map<String, Object> init = (Map<String, Object>) c.get("kernel_initializer");
        assertEquals("GlorotUniform", init.get("class_name"));
        assertEquals("keras.initializers", init.get("module"));
        assertTrue(c.containsKey("kernel_regularizer") && c.get("kernel_regularizer") == null);
        assertTrue(c.containsKey("activity_regularizer"));
        Map<String, Object> t = new Conv2DTranspose(8, 4).strides(2).getConfig();
        assertEquals(List.of(4, 4), t.get("kernel_size"));
        assertEquals(List.of(2, 2), t.get("strides"));
        assertTrue(!t.containsKey("groups"));
        Map<String, Object> p = new MaxPooling2D(2).getConfig();
        assertEquals(List.of(2, 2), p.get("pool_size"));
        assertEquals(List.of(2, 2), p.get("strides"));
        assertEquals("valid", p.get("padding"));
        Map<String, Object> b = new BatchNormalization().getConfig();
        assertEquals(-1, b.get("axis"));
        assertEquals(0.99, b.get("momentum"));
        assertEquals(1e-3, b.get("epsilon"));
        assertEquals(true, b.get("center"));
        assertEquals("Ones", ((Map<String, Object>) b.get("gamma_initializer")).get("class_name"));
        assertNull(b.get("beta_regularizer"));
        assertEquals(false, new GlobalAveragePooling2D().getConfig().get("keepdims"));
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), new ZeroPadding2D(0, 1, 2, 3).getConfig().get("padding"));
        assertEquals("nearest", new UpSampling2D().getConfig().get("interpolation"));
        assertTrue(new Conv2D(1, 1).name().startsWith("conv2d"));
        assertTrue(new BatchNormalization().name().startsWith("batch_normalization"));
        assertTrue(new Conv2DTranspose(1, 1).name().startsWith("conv2d_transpose"));
    }
}
