package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.activations.Activations;
import ganglion.initializers.Constant;
import ganglion.initializers.GlorotUniform;
import ganglion.initializers.HeNormal;
import ganglion.regularizers.Regularizers;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseTest {

    @BeforeEach
    void resetNames() {
        NameScope.clear();
    }

    /** A built Dense(3) on 2 inputs with kernel [[1, 2, 3], [4, 5, 6]] and bias [0.5, -0.5, 1]. */
    private static Dense known(String activation) {
        Dense d = new Dense(3, activation);
        d.ensureBuilt(new int[]{2});
        d.setWeights(List.of(Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3), Tensor.of(0.5f, -0.5f, 1f)));
        return d;
    }

    @Test
    void invalidUnitsGiveTheKerasMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dense(-3));
        assertEquals("Received an invalid value for `units`, expected a positive integer. Received: units=-3",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dense(0));
    }

    @Test
    void fluentSettersReturnDense() {
        Dense d = new Dense(10).inputShape(4).activation("relu").name("hidden").useBias(false)
                .kernelInitializer("he_normal").biasInitializer("ones").kernelRegularizer("l2")
                .biasRegularizer(Regularizers.l1(0.1)).activityRegularizer("l1");
        assertEquals(10, d.units());
        assertArrayEquals(new int[]{4}, d.declaredInputShape());
        assertSame(Activations.RELU, d.activation());
        assertEquals("hidden", d.name());
        assertFalse(d.useBias());
        assertInstanceOf(HeNormal.class, d.kernelInitializer());
        assertEquals("ones", d.biasInitializer().name());
        assertEquals("l2", d.kernelRegularizer().name());
        assertEquals("l1", d.biasRegularizer().name());
        assertEquals("l1", d.activityRegularizer().name());
        Dense e = new Dense(5, Activations.TANH).kernelInitializer(new GlorotUniform()).biasInitializer(new Constant(1));
        assertSame(Activations.TANH, e.activation());
        assertSame(Activations.LINEAR, new Dense(2).activation());
        assertInstanceOf(GlorotUniform.class, new Dense(2).kernelInitializer());
        assertEquals("zeros", new Dense(2).biasInitializer().name());
        assertNull(new Dense(2).kernelRegularizer());
    }

    @Test
    void parameterCountsAndWeightShapes() {
        Dense d = new Dense(512);
        d.ensureBuilt(new int[]{784});
        assertEquals(401_920, d.countParams());
        assertArrayEquals(new int[]{784, 512}, d.kernel().shape());
        assertArrayEquals(new int[]{512}, d.bias().shape());
        assertArrayEquals(new int[]{512}, d.outputShape());
        List<Tensor> w = d.getWeights();
        assertEquals(2, w.size());
        assertArrayEquals(new int[]{784, 512}, w.get(0).shape());
        assertEquals("dense/kernel", d.kernel().path());
        assertEquals("dense/bias", d.bias().path());
        Dense nb = new Dense(10).useBias(false);
        nb.ensureBuilt(new int[]{784});
        assertEquals(7840, nb.countParams());
        assertNull(nb.bias());
        assertEquals(1, nb.getWeights().size());
    }

    @Test
    void computesActivationOfXWPlusB() {
        Tensor x = Tensor.of(new float[]{1, 1, -1, 2}, 2, 2);
        // [1,1]·W = [5, 7, 9] + b = [5.5, 6.5, 10]; [-1,2]·W = [7, 8, 9] + b = [7.5, 7.5, 10]
        assertArrayEquals(new float[]{5.5f, 6.5f, 10, 7.5f, 7.5f, 10}, known(null).apply(x, false).toFloatArray());
        Tensor p = known("softmax").apply(x, false);
        assertEquals(1f, p.sum(-1, false).toFloatArray()[0], 1e-6f);
        Tensor r = new Dense(2, "relu").kernelInitializer("ones").biasInitializer(new Constant(-3)).apply(x, true);
        assertArrayEquals(new float[]{0, 0, 0, 0}, r.toFloatArray());
    }

    @Test
    void actsOnTheLastAxisOfHigherRankInputs() {
        Dense d = known(null);
        Tensor x = Tensor.of(new float[]{1, 1, -1, 2, 0, 1, 2, 0}, 2, 2, 2);
        Tensor y = d.apply(x, false);
        assertArrayEquals(new int[]{2, 2, 3}, y.shape());
        Tensor flat = d.apply(x.reshape(4, 2), false);
        assertArrayEquals(flat.toFloatArray(), y.toFloatArray());
        assertArrayEquals(new int[]{5, 3}, d.computeOutputShape(new int[]{5, 2}));
        assertArrayEquals(new int[]{-1, 3}, new Dense(3).computeOutputShape(new int[]{-1, 7}));
    }

    @Test
    void shapeMismatchNamesTheLayerAndBothShapes() {
        new Dense(1);   // takes "dense"
        Dense d = new Dense(10);
        d.ensureBuilt(new int[]{784});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.apply(Tensor.zeros(2, 28, 28), false));
        assertTrue(e.getMessage().startsWith("Layer 'dense_1' (Dense) expects input of shape (None, 784) but received "
                + "input with shape (None, 28, 28)."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.apply(Tensor.zeros(2, 783), false));
    }

    @Test
    void buildNeedsAKnownFeatureAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dense(3).ensureBuilt(new int[]{4, -1}));
        assertTrue(e.getMessage().contains("should be defined"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dense(3).apply(Tensor.zeros(5), false));
        assertTrue(e.getMessage().contains("min_ndim=2"), e.getMessage());
    }

    @Test
    void settersThrowOnceBuilt() {
        Dense d = known(null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.activation("relu"));
        assertTrue(e.getMessage().contains("activation() must be called before the layer is built"));
        assertThrows(IllegalStateException.class, () -> d.useBias(false));
        assertThrows(IllegalStateException.class, () -> d.kernelInitializer("zeros"));
        assertThrows(IllegalStateException.class, () -> d.biasInitializer("zeros"));
        assertThrows(IllegalStateException.class, () -> d.kernelRegularizer("l2"));
        assertThrows(IllegalStateException.class, () -> d.biasRegularizer("l2"));
        assertThrows(IllegalStateException.class, () -> d.inputShape(2));
        assertThrows(IllegalArgumentException.class, () -> new Dense(2).activation("nope"));
    }

    @Test
    void weightRegularizersJoinTheLoss() {
        Dense d = new Dense(3).kernelRegularizer(Regularizers.l2(0.1)).biasRegularizer(Regularizers.l1(0.5));
        d.ensureBuilt(new int[]{2});
        d.setWeights(List.of(Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3), Tensor.of(0.5f, -0.5f, 1f)));
        assertEquals(0.1f * 91 + 0.5f * 2, d.regularizationLoss().item(), 1e-4);
        assertNull(known(null).regularizationLoss());
    }

    @Test
    void activityRegularizerPenalisesTheOutputOfTheLatestCall() {
        Dense d = new Dense(3).activityRegularizer(Regularizers.l2(0.01));
        d.ensureBuilt(new int[]{2});
        d.setWeights(List.of(Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3), Tensor.of(0.5f, -0.5f, 1f)));
        Tensor y = d.apply(Tensor.of(new float[]{1, 1, -1, 2}, 2, 2), true);
        double expected = 0;
        for (float v : y.buffer()) {
            expected += v * v;
        }
        assertEquals(0.01 * expected, d.regularizationLoss().item(), 1e-3);
    }

    @Test
    void gradientsThroughKernelBiasAndInput() {
        Ganglion.setRandomSeed(3);
        Dense d = new Dense(4, "tanh");
        d.ensureBuilt(new int[]{3});
        d.setWeights(List.of(Tensor.randomNormal(3, 4).mul(0.5f), Tensor.randomNormal(4).mul(0.1f)));
        Tensor x = Tensor.randomNormal(5, 3);
        GradCheck.check(in -> d.apply(in.get(0), true), 1e-3, 2e-2, 1e-3,
                x, d.kernel().value(), d.bias().value());
        Tensor x3 = Tensor.randomNormal(2, 2, 3);
        GradCheck.check(in -> d.apply(in.get(0), true), 1e-3, 2e-2, 1e-3, x3, d.kernel().value());
    }

    @Test
    void sameSeedSameWeights() {
        Ganglion.setRandomSeed(123);
        Dense a = new Dense(16);
        a.ensureBuilt(new int[]{8});
        Ganglion.setRandomSeed(123);
        Dense b = new Dense(16);
        b.ensureBuilt(new int[]{8});
        assertArrayEquals(a.kernel().value().toFloatArray(), b.kernel().value().toFloatArray());
        Dense c = new Dense(16);
        c.ensureBuilt(new int[]{8});
        assertFalse(java.util.Arrays.equals(a.kernel().value().toFloatArray(), c.kernel().value().toFloatArray()));
        double limit = Math.sqrt(6.0 / 24);
        for (float v : a.kernel().value().buffer()) {
            assertTrue(Math.abs(v) <= limit);
        }
    }

    @Test
    void configMatchesKeras() {
        Dense d = new Dense(10, "relu");
        Map<String, Object> c = d.getConfig();
        assertEquals("{name=dense, trainable=true, dtype={module=keras, class_name=DTypePolicy, config={name=float32}, "
                + "registered_name=null}, units=10, activation=relu, use_bias=true, "
                + "kernel_initializer={module=keras.initializers, class_name=GlorotUniform, config={seed=null}, "
                + "registered_name=null}, bias_initializer={module=keras.initializers, class_name=Zeros, config={}, "
                + "registered_name=null}, kernel_regularizer=null, bias_regularizer=null, kernel_constraint=null, "
                + "bias_constraint=null, quantization_config=null}", c.toString());
        Map<String, Object> r = new Dense(2).kernelRegularizer("l2").activityRegularizer("l1").getConfig();
        assertEquals("{module=keras.regularizers, class_name=L2, config={l2=0.009999999776482582}, "
                + "registered_name=null}", r.get("kernel_regularizer").toString());
        assertTrue(r.containsKey("activity_regularizer"));
        assertEquals("linear", new Dense(2).getConfig().get("activation"));
        assertEquals("silu", new Dense(2, "swish").getConfig().get("activation"));
    }

    @Test
    void symbolicApplyBuildsAndGivesTheOutputShape() {
        SymbolicTensor in = Input.of(784);
        Dense d = new Dense(64, "relu");
        SymbolicTensor out = d.apply(in);
        assertArrayEquals(new int[]{64}, out.shape());
        assertSame(d, out.layer());
        assertEquals(List.of(in), out.inputs());
        assertTrue(d.isBuilt());
        assertEquals(784 * 64 + 64, d.countParams());
        SymbolicTensor seq = new Dense(8).apply(Input.of(-1, 5));
        assertArrayEquals(new int[]{-1, 8}, seq.shape());
    }
}
