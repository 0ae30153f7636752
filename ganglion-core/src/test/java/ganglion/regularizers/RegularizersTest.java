package ganglion.regularizers;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegularizersTest {

    private static final Tensor W = Tensor.of(new float[]{1, -2, 3, -4}, 2, 2);

    @Test
    void l1IsFactorTimesSumOfAbs() {
        assertEquals(0.01f * 10, new L1().apply(W).item(), 1e-7);
        assertEquals(0.5f * 10, Regularizers.l1(0.5).apply(W).item(), 1e-6);
        assertEquals(0.01f, new L1().l1());
        assertEquals("l1", new L1().name());
    }

    @Test
    void l2IsFactorTimesSumOfSquaresWithoutAHalf() {
        assertEquals(0.01f * 30, new L2().apply(W).item(), 1e-6);
        // Keras's docstring example: L2(2.) on ones(5, 5) gives 50
        assertEquals(50f, Regularizers.l2(2).apply(Tensor.ones(5, 5)).item(), 1e-5);
        assertEquals(0.01f, new L2().l2());
        assertEquals("l2", new L2().name());
    }

    @Test
    void l1l2AddsBothTermsAndDefaultsToZero() {
        assertEquals(0.1f * 10 + 0.2f * 30, Regularizers.l1l2(0.1, 0.2).apply(W).item(), 1e-5);
        assertEquals(0.1f * 10, new L1L2(0.1, 0).apply(W).item(), 1e-6);
        assertEquals(0.2f * 30, new L1L2(0, 0.2).apply(W).item(), 1e-5);
        L1L2 d = new L1L2();
        assertEquals(0f, d.l1());
        assertEquals(0f, d.l2());
        assertEquals(0f, d.apply(W).item());
        assertEquals("l1_l2", d.name());
    }

    @Test
    void penaltiesAreDifferentiable() {
        Tensor w = Tensor.of(new float[]{0.5f, -1.5f, 2f, -0.25f}, 2, 2);
        GradCheck.check(in -> new L1(0.3).apply(in.get(0)), 1e-3, 1e-2, 1e-4, w);
        GradCheck.check(in -> new L2(0.3).apply(in.get(0)), 1e-3, 1e-2, 1e-4, w);
        GradCheck.check(in -> new L1L2(0.1, 0.2).apply(in.get(0)), 1e-3, 1e-2, 1e-4, w);
    }

    @Test
    void factorsMustBeNonNegativeAndFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2(-1));
        assertEquals("Invalid value for argument l2: expected a non-negative float. Received: l2=-1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L1(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new L1L2(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void getKnowsKerasNames() {
        assertInstanceOf(L1.class, Regularizers.get("l1"));
        assertInstanceOf(L1.class, Regularizers.get("L1"));
        assertInstanceOf(L2.class, Regularizers.get("l2"));
        assertInstanceOf(L2.class, Regularizers.get("L2"));
        assertInstanceOf(L1L2.class, Regularizers.get("l1_l2"));
        assertInstanceOf(L1L2.class, Regularizers.get("L1L2"));
        assertNull(Regularizers.get(null));
        assertTrue(Regularizers.names().contains("l1_l2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularizers.get("l3"));
        assertTrue(e.getMessage().contains("'l3'") && e.getMessage().contains("l1, L1, l2"), e.getMessage());
    }

    @Test
    void serializeWritesFloat32FactorsAsKerasDoes() {
        assertEquals("{module=keras.regularizers, class_name=L2, config={l2=0.009999999776482582}, registered_name=null}",
                Regularizers.serialize(new L2()).toString());
        assertEquals("{l1=0.5}", new L1(0.5).getConfig().toString());
        assertEquals("{l1=0.0, l2=0.25}", new L1L2(0, 0.25).getConfig().toString());
        assertEquals("L1L2", Regularizers.serialize(new L1L2()).get("class_name"));
        assertNull(Regularizers.serialize(null));
    }
}
