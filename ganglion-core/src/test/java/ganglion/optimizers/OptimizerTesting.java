package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs an optimizer for three steps on w0 = [1, -2, 0.5] with fixed gradients, checking each step. */
final class OptimizerTesting {

    static final float[] W0 = {1.0f, -2.0f, 0.5f};
    static final float[][] GRADS = {{0.1f, -0.2f, 0.3f}, {0.2f, 0.1f, -0.4f}, {-0.3f, 0.5f, 0.05f}};

    private OptimizerTesting() {
    }

    static Variable variable() {
        Variable v = new Variable("kernel", Tensor.of(W0.clone(), 3), true);
        v.setPath("dense/kernel");
        return v;
    }

    static void setGrad(Variable v, float[] g) {
        v.value().setGradBuffer(g.clone());
    }

    /** Applies the three gradients and compares w after each step with {@code expected[step]}. */
    static Variable checkThreeSteps(Optimizer opt, float[][] expected) {
        Variable v = variable();
        for (int step = 0; step < 3; step++) {
            setGrad(v, GRADS[step]);
            opt.apply(List.of(v));
            float[] w = v.value().toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[step][i], w[i], 2e-6f * Math.max(1f, Math.abs(expected[step][i])),
                        opt.name() + " step " + (step + 1) + " element " + i);
            }
            for (float x : v.gradBuffer()) {
                assertEquals(0f, x, "gradients are zeroed after a step");
            }
        }
        assertEquals(3, opt.iterations());
        return v;
    }
}
