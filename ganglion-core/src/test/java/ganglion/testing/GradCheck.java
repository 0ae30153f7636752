package ganglion.testing;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finite-difference gradient checks: compares autograd's gradient of {@code sum(f(inputs) * w)} (w a fixed
 * random weighting, so that every output element matters differently) with central differences computed
 * in double precision over float perturbations.
 *
 * <p>Each check runs backward twice: the first pass lets ops hand fresh arrays to inputs without gradients,
 * the second must add into the existing gradients, giving exactly twice the first result.
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
        Random r = new Random(7);
        float[] w = new float[(int) out.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextDouble() * 2 - 1);
        }
        Tensor weights = Tensor.wrap(w, out.shape());
        out.mul(weights).sum().backward();
        float[][] analytic = new float[inputs.length][];
        for (int which = 0; which < inputs.length; which++) {
            Tensor g = inputs[which].grad();
            analytic[which] = g == null ? new float[(int) inputs[which].size()] : g.toFloatArray();
        }
        // Second pass: gradients must accumulate into the existing buffers.
        f.apply(List.of(inputs)).mul(weights).sum().backward();
        for (int which = 0; which < inputs.length; which++) {
            Tensor g = inputs[which].grad();
            float[] twice = g == null ? new float[(int) inputs[which].size()] : g.toFloatArray();
            for (int i = 0; i < twice.length; i++) {
                float expect = 2 * analytic[which][i];
                if (Math.abs(twice[i] - expect) > 1e-5 + 1e-5 * Math.abs(expect)) {
                    fail("second backward did not accumulate for input " + which + " element " + i + ": "
                            + twice[i] + " after two passes, " + analytic[which][i] + " after one");
                }
            }
        }
        for (int which = 0; which < inputs.length; which++) {
            Tensor in = inputs[which];
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
                double diff = Math.abs(numeric - analytic[which][i]);
                if (!(diff <= atol + rtol * Math.abs(numeric))) {
                    fail("gradient mismatch for input " + which + " element " + i + ": autograd "
                            + analytic[which][i] + ", finite difference " + numeric);
                }
            }
        }
    }

    private static double weightedSum(Tensor t, float[] w) {
        float[] d = t.buffer();
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += (double) d[i] * w[i];
        }
        return s;
    }

    /** Seeded uniform values in [-1, 1). */
    public static Tensor uniform(long seed, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return t;
    }

    /** Seeded values in [lo, hi). */
    public static Tensor uniform(long seed, float lo, float hi, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return t;
    }

    /**
     * Distinct values at least 0.1 apart, shuffled: offset + k * 0.1 for k = 0..n-1, centred on zero. Safe for
     * kinks and ties (max, min, relu, abs, clip) with the default eps of 0.01 when offset avoids them.
     */
    public static Tensor distinct(long seed, float offset, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.buffer();
        int n = d.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            d[i] = offset + (perm[i] - n / 2) * 0.1f;
        }
        return t;
    }
}
