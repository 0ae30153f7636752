package ganglion.testing;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finite-difference gradient checks: compares autograd's gradient of {@code sum(f(inputs) * w)} (w a fixed
 * random weighting, so that every output element matters differently) with central differences computed
 * in double precision over float perturbations.
 */
public final class GradCheck {

    private GradCheck() {
    }

    /** Checks the gradients of f with respect to every input, with default tolerances. */
    public static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        check(f, 1e-2, 2e-2, 1e-3, inputs);
    }

    /**
     * @param eps  perturbation size
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     */
    public static void check(Function<List<Tensor>, Tensor> f, double eps, double rtol, double atol, Tensor... inputs) {
        for (Tensor t : inputs) {
            t.requiresGrad(true);
            t.setGradBuffer(null);
        }
        Tensor out = f.apply(List.of(inputs));
        java.util.Random r = new java.util.Random(7);
        float[] w = new float[(int) out.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextDouble() * 2 - 1);
        }
        Tensor weights = Tensor.wrap(w, out.shape());
        out.mul(weights).sum().backward();
        for (int which = 0; which < inputs.length; which++) {
            Tensor in = inputs[which];
            Tensor g = in.grad();
            float[] analytic = g == null ? new float[(int) in.size()] : g.toFloatArray();
            float[] data = in.buffer();
            for (int i = 0; i < data.length; i++) {
                float saved = data[i];
                double plus, minus;
                try (var s = Autograd.noGrad()) {
                    data[i] = (float) (saved + eps);
                    plus = weightedSum(f.apply(List.of(inputs)), w);
                    data[i] = (float) (saved - eps);
                    minus = weightedSum(f.apply(List.of(inputs)), w);
                } finally {
                    data[i] = saved;
                }
                double numeric = (plus - minus) / (2 * eps);
                double diff = Math.abs(numeric - analytic[i]);
                if (diff > atol + rtol * Math.abs(numeric)) {
                    fail("gradient mismatch for input " + which + " element " + i + ": autograd " + analytic[i]
                            + ", finite difference " + numeric);
                }
            }
        }
        assertTrue(true);
    }

    private static double weightedSum(Tensor t, float[] w) {
        float[] d = t.buffer();
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += (double) d[i] * w[i];
        }
        return s;
    }
}
