package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import org.junit.jupiter.api.Test;

import static ganglion.losses.LossTesting.t;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationLogitsTest {

    private static final Tensor Z = t(new float[][]{{0.5f, -1f, 2f}, {1f, 0.3f, -0.2f}});

    @Test
    void matchingActivationGivesItsLogits() {
        Tensor z = Z.copy().requiresGrad(true);
        assertSame(z, ActivationLogits.of(z.softmax(), ActivationLogits.Kind.SOFTMAX));
        assertSame(z, ActivationLogits.of(z.sigmoid(), ActivationLogits.Kind.SIGMOID));
    }

    @Test
    void otherActivationGivesNone() {
        Tensor z = Z.copy().requiresGrad(true);
        assertNull(ActivationLogits.of(z.sigmoid(), ActivationLogits.Kind.SOFTMAX));
        assertNull(ActivationLogits.of(z.softmax(), ActivationLogits.Kind.SIGMOID));
        assertNull(ActivationLogits.of(z.relu(), ActivationLogits.Kind.SOFTMAX));
        assertNull(ActivationLogits.of(z.softmax().detach(), ActivationLogits.Kind.SOFTMAX));
    }

    @Test
    void withoutAGraphTheValuesDecide() {
        try (var s = Autograd.noGrad()) {
            Tensor soft = Z.softmax();
            Tensor sig = Z.sigmoid();
            assertSame(Z, ActivationLogits.of(soft, ActivationLogits.Kind.SOFTMAX));
            assertNull(ActivationLogits.of(sig, ActivationLogits.Kind.SOFTMAX));
            assertSame(Z, ActivationLogits.of(sig, ActivationLogits.Kind.SIGMOID));
            assertNull(ActivationLogits.of(soft, ActivationLogits.Kind.SIGMOID));
        }
    }

    @Test
    void resolveUsesLogitsEvenWhenFromLogitsWasSet() {
        Tensor z = Z.copy();
        ActivationLogits.Source s = ActivationLogits.resolve(z.softmax(), true, ActivationLogits.Kind.SOFTMAX, "cce");
        assertSame(z, s.input());
        assertTrue(s.logits());
        ActivationLogits.Source plain = ActivationLogits.resolve(z, false, ActivationLogits.Kind.SOFTMAX, "cce");
        assertSame(z, plain.input());
        assertFalse(plain.logits());
    }
}
