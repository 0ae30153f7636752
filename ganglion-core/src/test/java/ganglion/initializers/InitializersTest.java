package ganglion.initializers;

import ganglion.Ganglion;
import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializersTest {

    /** {mean, variance, max |v|} */
    private static double[] stats(Tensor t) {
        float[] d = t.buffer();
        double s = 0, ss = 0, m = 0;
        for (float v : d) {
            s += v;
            m = Math.max(m, Math.abs(v));
        }
        double mean = s / d.length;
        for (float v : d) {
            ss += (v - mean) * (v - mean);
        }
        return new double[]{mean, ss / d.length, m};
    }

    private static void assertUniform(Tensor t, double limit) {
        double[] st = stats(t);
        assertTrue(st[2] <= limit, "max " + st[2] + " > limit " + limit);
        assertTrue(st[2] > 0.99 * limit, "samples should reach close to the limit");
        assertEquals(0, st[0], 0.01 * limit);
        assertEquals(limit * limit / 3, st[1], 0.03 * limit * limit / 3);
    }

    private static void assertTruncated(Tensor t, double variance) {
        double[] st = stats(t);
        double untruncatedStd = Math.sqrt(variance) / VarianceScaling.TRUNCATED_STDDEV;
        assertTrue(st[2] <= 2 * untruncatedStd * (1 + 1e-6), "value beyond two standard deviations: " + st[2]);
        assertEquals(0, st[0], 0.01 * Math.sqrt(variance));
        assertEquals(variance, st[1], 0.03 * variance);
    }

    @Test
    void computeFansFollowsKeras() {
        assertArrayEquals(new int[]{1, 1}, Initializers.computeFans());
        assertArrayEquals(new int[]{7, 7}, Initializers.computeFans(7));
        assertArrayEquals(new int[]{784, 128}, Initializers.computeFans(784, 128));
        assertArrayEquals(new int[]{3 * 3 * 16, 3 * 3 * 32}, Initializers.computeFans(3, 3, 16, 32));
    }

    @Test
    void glorotUniformLimit() {
        Tensor t = new GlorotUniform().create(784, 512);
        assertArrayEquals(new int[]{784, 512}, t.shape());
        assertUniform(t, Math.sqrt(6.0 / (784 + 512)));
    }

    @Test
    void glorotNormalVariance() {
        assertTruncated(new GlorotNormal().create(600, 400), 2.0 / 1000);
    }

    @Test
    void heNormalAndUniform() {
        assertTruncated(new HeNormal().create(500, 800), 2.0 / 500);
        assertUniform(new HeUniform().create(500, 800), Math.sqrt(6.0 / 500));
    }

    @Test
    void lecunNormalAndUniform() {
        assertTruncated(new LecunNormal().create(400, 1000), 1.0 / 400);
        assertUniform(new LecunUniform().create(400, 1000), Math.sqrt(3.0 / 400));
    }

    @Test
    void glorotOnConvKernelsUsesTheReceptiveField() {
        // (3, 3, 32, 64): fan_in 288, fan_out 576
        assertUniform(new GlorotUniform().create(3, 3, 32, 64), Math.sqrt(6.0 / (288 + 576)));
    }

    @Test
    void varianceScalingModesAndDistributions() {
        assertUniform(new VarianceScaling(2.0, "fan_out", "uniform").create(300, 1000), Math.sqrt(3 * 2.0 / 1000));
        double[] st = stats(new VarianceScaling(1.0, "fan_avg", "untruncated_normal").create(500, 1500));
        assertEquals(1.0 / 1000, st[1], 0.03 / 1000);
        assertTrue(st[2] > 2 * Math.sqrt(1.0 / 1000), "untruncated samples go past two deviations");
        VarianceScaling n = new VarianceScaling(1.0, "fan_in", "normal");
        assertEquals("truncated_normal", n.distribution());
        assertTruncated(n.create(1000, 300), 1.0 / 1000);
        VarianceScaling d = new VarianceScaling();
        assertEquals(1.0, d.scale());
        assertEquals("fan_in", d.mode());
        assertEquals("truncated_normal", d.distribution());
        assertEquals("variance_scaling", d.name());
    }

    @Test
    void varianceScalingValidatesItsArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VarianceScaling(0, "fan_in", "uniform"));
        assertEquals("Argument `scale` must be positive float. Received: scale=0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1, "fan", "uniform"));
        assertTrue(e.getMessage().startsWith("Invalid `mode` argument: fan."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1, "fan_in", "gamma"));
        assertTrue(e.getMessage().startsWith("Invalid `distribution` argument: gamma."), e.getMessage());
    }

    @Test
    void randomNormalUniformAndTruncatedDefaults() {
        double[] st = stats(new RandomNormal().create(400, 500));
        assertEquals(0, st[0], 1e-3);
        assertEquals(0.05 * 0.05, st[1], 0.03 * 0.0025);
        st = stats(new RandomNormal(2.0, 0.5).create(200, 500));
        assertEquals(2.0, st[0], 0.01);
        assertEquals(0.25, st[1], 0.01);

        Tensor u = new RandomUniform().create(400, 500);
        for (float v : u.buffer()) {
            assertTrue(v >= -0.05f && v < 0.05f, "uniform value out of range: " + v);
        }
        assertEquals(0.1 * 0.1 / 12, stats(u)[1], 0.03 * 0.1 * 0.1 / 12);
        Tensor u2 = new RandomUniform(1, 3).create(1000);
        for (float v : u2.buffer()) {
            assertTrue(v >= 1 && v < 3);
        }

        Tensor t = new TruncatedNormal().create(400, 500);
        st = stats(t);
        assertTrue(st[2] <= 0.1 + 1e-7, "truncated at two deviations");
        double truncStd = 0.05 * VarianceScaling.TRUNCATED_STDDEV;
        assertEquals(truncStd * truncStd, st[1], 0.03 * truncStd * truncStd);
        st = stats(new TruncatedNormal(1.0, 0.1).create(100000));
        assertEquals(1.0, st[0], 1e-3);
    }

    @Test
    void constantInitializers() {
        assertArrayEquals(new float[6], new Zeros().create(2, 3).toFloatArray());
        assertArrayEquals(new float[]{1, 1, 1}, new Ones().create(3).toFloatArray());
        assertArrayEquals(new float[]{2.5f, 2.5f}, new Constant(2.5).create(2).toFloatArray());
        assertEquals(0.0, new Constant().value());
        assertArrayEquals(new float[]{2, 0, 0, 0, 2, 0}, new Identity(2).create(2, 3).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new Identity().create(2, 2, 2));
        assertArrayEquals(new int[]{0, 4}, new Zeros().create(0, 4).shape());
    }

    private static double[][] matrix(Tensor t, int rows, int cols) {
        double[][] m = new double[rows][cols];
        float[] d = t.buffer();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = d[i * cols + j];
            }
        }
        return m;
    }

    /** Checks that the rows (if wide) or the columns (if tall) are orthonormal, times gain. */
    private static void assertOrthogonal(double[][] m, double gain) {
        int r = m.length, c = m[0].length;
        boolean byRows = r < c;
        int k = byRows ? r : c, len = byRows ? c : r;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double dot = 0;
                for (int i = 0; i < len; i++) {
                    dot += byRows ? m[a][i] * m[b][i] : m[i][a] * m[i][b];
                }
                assertEquals(a == b ? gain * gain : 0, dot, 1e-5, "entry (" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void orthogonalTallWideSquareAndConv() {
        assertOrthogonal(matrix(new Orthogonal().create(64, 24), 64, 24), 1);
        assertOrthogonal(matrix(new Orthogonal().create(16, 64), 16, 64), 1);
        assertOrthogonal(matrix(new Orthogonal().create(32, 32), 32, 32), 1);
        assertOrthogonal(matrix(new Orthogonal(2.0).create(3, 3, 4), 9, 4), 2.0);
        assertThrows(IllegalArgumentException.class, () -> new Orthogonal().create(5));
    }

    @Test
    void orthogonalIsTheSignFixedQOfTheSeededNormalMatrix() {
        // A (6 x 3) drawn as Orthogonal draws it; Q = the result; then R = QᵀA must be upper triangular with a
        // positive diagonal, which pins Q down uniquely (Keras's q *= sign(diag(r))).
        Ganglion.setRandomSeed(5);
        Tensor q = new Orthogonal().create(6, 3);
        Ganglion.setRandomSeed(5);
        Random rng = Ganglion.random();
        double[][] a = new double[6][3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = (float) rng.nextGaussian();
            }
        }
        double[][] qm = matrix(q, 6, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double r = 0;
                for (int k = 0; k < 6; k++) {
                    r += qm[k][i] * a[k][j];
                }
                if (i > j) {
                    assertEquals(0, r, 1e-5, "R below the diagonal");
                } else if (i == j) {
                    assertTrue(r > 0, "diag(R) must be positive");
                }
            }
        }
        // wide: the transpose of the tall factor of the same draw
        Ganglion.setRandomSeed(5);
        Tensor w = new Orthogonal().create(3, 6);
        double[][] wm = matrix(w, 3, 6);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(qm[j][i], wm[i][j], 1e-6);
            }
        }
    }

    @Test
    void globalSeedReproducesEveryRandomInitializer() {
        for (Initializer init : List.of(new GlorotUniform(), new GlorotNormal(), new HeNormal(), new HeUniform(),
                new LecunNormal(), new LecunUniform(), new RandomNormal(), new RandomUniform(), new TruncatedNormal(),
                new VarianceScaling(), new Orthogonal())) {
            Ganglion.setRandomSeed(42);
            float[] a = init.create(20, 10).toFloatArray();
            float[] b = init.create(20, 10).toFloatArray();
            Ganglion.setRandomSeed(42);
            float[] c = init.create(20, 10).toFloatArray();
            assertArrayEquals(a, c, init.name());
            assertFalse(java.util.Arrays.equals(a, b), init.name() + " draws fresh values on each call");
        }
    }

    @Test
    void ownSeedGivesTheSameValuesAtEveryCall() {
        Initializer g = new GlorotUniform(7L);
        assertArrayEquals(g.create(5, 5).toFloatArray(), g.create(5, 5).toFloatArray());
        assertArrayEquals(new RandomNormal(0, 1, 3L).create(10).toFloatArray(),
                new RandomNormal(0, 1, 3L).create(10).toFloatArray());
        assertEquals(7L, ((RandomInitializer) g).seed());
    }

    @Test
    void getKnowsKerasNamesAndAliases() {
        assertInstanceOf(GlorotUniform.class, Initializers.get("glorot_uniform"));
        assertInstanceOf(GlorotUniform.class, Initializers.get("GlorotUniform"));
        assertInstanceOf(GlorotNormal.class, Initializers.get("glorot_normal"));
        assertInstanceOf(HeNormal.class, Initializers.get("he_normal"));
        assertInstanceOf(HeUniform.class, Initializers.get("he_uniform"));
        assertInstanceOf(LecunNormal.class, Initializers.get("lecun_normal"));
        assertInstanceOf(LecunUniform.class, Initializers.get("lecun_uniform"));
        assertInstanceOf(Zeros.class, Initializers.get("zeros"));
        assertInstanceOf(Zeros.class, Initializers.get("zero"));
        assertInstanceOf(Ones.class, Initializers.get("ones"));
        assertInstanceOf(Ones.class, Initializers.get("one"));
        assertInstanceOf(Constant.class, Initializers.get("constant"));
        assertInstanceOf(RandomNormal.class, Initializers.get("normal"));
        assertInstanceOf(RandomNormal.class, Initializers.get("random_normal"));
        assertInstanceOf(RandomUniform.class, Initializers.get("uniform"));
        assertInstanceOf(TruncatedNormal.class, Initializers.get("truncated_normal"));
        assertInstanceOf(VarianceScaling.class, Initializers.get("variance_scaling"));
        assertInstanceOf(Orthogonal.class, Initializers.get("orthogonal"));
        assertInstanceOf(Identity.class, Initializers.get("identity"));
        assertTrue(Initializers.names().contains("he_normal"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("glorot"));
        assertTrue(e.getMessage().contains("'glorot'") && e.getMessage().contains("glorot_uniform"), e.getMessage());
    }

    @Test
    void namesMatchKeras() {
        assertEquals("glorot_uniform", new GlorotUniform().name());
        assertEquals("glorot_normal", new GlorotNormal().name());
        assertEquals("he_normal", new HeNormal().name());
        assertEquals("he_uniform", new HeUniform().name());
        assertEquals("lecun_normal", new LecunNormal().name());
        assertEquals("lecun_uniform", new LecunUniform().name());
        assertEquals("random_normal", new RandomNormal().name());
        assertEquals("random_uniform", new RandomUniform().name());
        assertEquals("truncated_normal", new TruncatedNormal().name());
        assertEquals("orthogonal", new Orthogonal().name());
        assertEquals("zeros", new Zeros().name());
        assertEquals("ones", new Ones().name());
        assertEquals("constant", new Constant(1).name());
        assertEquals("identity", new Identity().name());
    }

    @Test
    void serializeWritesKerasConfigs() {
        Map<String, Object> g = Initializers.serialize(new GlorotUniform());
        assertEquals("{module=keras.initializers, class_name=GlorotUniform, config={seed=null}, registered_name=null}",
                g.toString());
        assertEquals("{module=keras.initializers, class_name=Zeros, config={}, registered_name=null}",
                Initializers.serialize(new Zeros()).toString());
        assertEquals("{seed=null, scale=1.0, mode=fan_in, distribution=truncated_normal}",
                new VarianceScaling().getConfig().toString());
        assertEquals("{seed=null, mean=0.0, stddev=0.05}", new RandomNormal().getConfig().toString());
        assertEquals("{seed=null, mean=0.0, stddev=0.05}", new TruncatedNormal().getConfig().toString());
        assertEquals("{seed=null, minval=-0.05, maxval=0.05}", new RandomUniform().getConfig().toString());
        assertEquals("{seed=3, gain=1.0}", new Orthogonal(1.0, 3L).getConfig().toString());
        assertEquals("{value=2.0}", new Constant(2).getConfig().toString());
        assertEquals("{gain=1.0}", new Identity().getConfig().toString());
        assertEquals("{seed=null}", new HeNormal().getConfig().toString());
        assertEquals("HeNormal", Initializers.serialize(new HeNormal()).get("class_name"));
        assertEquals("Orthogonal", Initializers.serialize(new Orthogonal()).get("class_name"));
        assertNull(Initializers.serialize(null));
    }

    @Test
    void negativeLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GlorotUniform().create(-1, 4));
        assertTrue(e.getMessage().contains("GlorotUniform"), e.getMessage());
    }

    @Test
    void gettersReturnTheArguments() {
        RandomNormal n = new RandomNormal(1, 2);
        assertEquals(1.0, n.mean());
        assertEquals(2.0, n.stddev());
        assertNull(n.seed());
        TruncatedNormal t = new TruncatedNormal(3, 4);
        assertEquals(3.0, t.mean());
        assertEquals(4.0, t.stddev());
        RandomUniform u = new RandomUniform(-1, 1);
        assertEquals(-1.0, u.minval());
        assertEquals(1.0, u.maxval());
        assertThrows(IllegalArgumentException.class, () -> new RandomUniform(1, -1));
        assertEquals(0.5, new Orthogonal(0.5).gain());
        assertEquals(3.0, new Identity(3).gain());
        assertEquals("GlorotUniform", new GlorotUniform().className());
        assertEquals("GlorotUniform{seed=null}", new GlorotUniform().toString());
    }
}
