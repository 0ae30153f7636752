package ganglion;

import ganglion.layers.Dense;
import ganglion.layers.Input;
import ganglion.layers.NameScope;
import ganglion.layers.SymbolicTensor;
import ganglion.losses.BinaryCrossentropy;
import ganglion.losses.Loss;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;
import ganglion.optimizers.SGD;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientTapeTest {

    @BeforeEach
    void fresh() {
        NameScope.clear();
        Ganglion.setRandomSeed(3);
    }

    private static List<float[]> snapshot(List<Variable> vs) {
        List<float[]> r = new ArrayList<>();
        for (Variable v : vs) {
            r.add(v.value().toFloatArray());
        }
        return r;
    }

    private static boolean same(List<float[]> a, List<Variable> vs) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), vs.get(i).value().toFloatArray())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void gradientsMatchBackwardAndLeaveNoTrace() {
        Sequential a = new Sequential(new Dense(3, "tanh").inputShape(4));
        Sequential b = new Sequential(new Dense(2, "tanh").inputShape(3));
        Tensor x = GradCheck.uniform(1, 5, 4);
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = b.apply(a.apply(x, true), true).square().mean();
            grads = tape.gradient(loss, b.trainableVariables());
            assertThrows(IllegalStateException.class, () -> tape.gradient(loss, b.trainableVariables()));
        }
        for (Variable v : a.variables()) {
            assertNull(v.gradBuffer(), "no gradient may leak into " + v.path());
        }
        for (Variable v : b.variables()) {
            assertNull(v.gradBuffer());
        }
        // the same through backward()
        Tensor loss = b.apply(a.apply(x, true), true).square().mean();
        loss.backward();
        List<Variable> bv = b.trainableVariables();
        for (int i = 0; i < bv.size(); i++) {
            assertArrayEquals(bv.get(i).value().grad().toFloatArray(), grads.get(i).toFloatArray(), 1e-6f);
            bv.get(i).zeroGrad();
        }
        for (Variable v : a.variables()) {
            v.value().setGradBuffer(null);
        }
        // watched input, persistent tape, and an unrelated variable gets null
        Tensor xi = GradCheck.uniform(2, 2, 4);
        try (GradientTape tape = new GradientTape(true)) {
            tape.watch(xi);
            Tensor y = a.apply(xi, true).sum();
            Tensor gx = tape.gradient(y, xi);
            assertArrayEquals(new int[]{2, 4}, gx.shape());
            List<Tensor> none = tape.gradient(y, b.trainableVariables());
            assertNull(none.get(0));
        }
    }

    @Test
    void applyGradientsStepsTheOptimizer() {
        Sequential m = new Sequential(new Dense(1).inputShape(2));
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2);
        Tensor y = Tensor.of(new float[]{1, 0}, 2, 1);
        List<float[]> before = snapshot(m.trainableVariables());
        SGD sgd = new SGD(0.1);
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = m.apply(x, true).sub(y).square().mean();
            grads = tape.gradient(loss, m.trainableVariables());
        }
        GradientTape.applyGradients(sgd, grads, m.trainableVariables());
        List<Variable> vs = m.trainableVariables();
        for (int i = 0; i < vs.size(); i++) {
            float[] w = vs.get(i).value().toFloatArray();
            float[] g = grads.get(i).toFloatArray();
            for (int k = 0; k < w.length; k++) {
                assertEquals(before.get(i)[k] - 0.1f * g[k], w[k], 1e-6f);
            }
        }
        assertEquals(1, sgd.iterations());
    }

    /** A small dense GAN, written both as Keras's train_on_batch loop with trainable toggling and with a tape:
     * each step trains exactly the intended weights. */
    @Test
    void denseGanTrainsWithTrainableToggling() {
        int latent = 4;
        Sequential generator = new Sequential(new Dense(16, "relu").inputShape(latent), new Dense(2, "tanh"));
        Sequential discriminator = new Sequential(new Dense(16, "relu").inputShape(2), new Dense(1, "sigmoid"));
        discriminator.compile(new Adam(0.005), "binary_crossentropy");
        discriminator.setTrainable(false);
        SymbolicTensor z = Input.of(latent);
        Model gan = new Model(z, discriminator.apply(generator.apply(z)));
        gan.compile(new Adam(0.005), "binary_crossentropy");
        assertEquals(generator.trainableVariables().size(), gan.trainableVariables().size());

        int batch = 64;
        Tensor ones = Tensor.ones(batch, 1);
        Tensor zeros = Tensor.zeros(batch, 1);
        double dLoss = 0;
        double gLoss = 0;
        for (int step = 0; step < 40; step++) {
            // real data: points on a ring of radius 0.5 around (0.3, -0.2)
            Tensor angle = Tensor.randomUniform(0f, (float) (2 * Math.PI), batch, 1);
            Tensor real = Tensor.concat(1, angle.cos().mul(0.5f).add(0.3f), angle.sin().mul(0.5f).sub(0.2f));
            Tensor noise = Tensor.randomNormal(batch, latent);
            Tensor fake = generator.predictOnBatch(noise);

            discriminator.setTrainable(true);
            List<float[]> g0 = snapshot(generator.variables());
            Map<String, Double> dr = discriminator.trainOnBatch(real, ones);
            Map<String, Double> df = discriminator.trainOnBatch(fake, zeros);
            assertTrue(same(g0, generator.variables()), "a discriminator step changed the generator");
            dLoss = 0.5 * (dr.get("loss") + df.get("loss"));

            discriminator.setTrainable(false);
            List<float[]> d0 = snapshot(discriminator.variables());
            gLoss = gan.trainOnBatch(Tensor.randomNormal(batch, latent), ones).get("loss");
            assertTrue(same(d0, discriminator.variables()), "a generator step changed the frozen discriminator");
            assertFalse(same(g0, generator.variables()), "the generator did not train");
        }
        assertTrue(Double.isFinite(dLoss) && Double.isFinite(gLoss));
        Tensor samples = generator.predict(Tensor.randomNormal(512, latent), 512, 0);
        assertArrayEquals(new int[]{512, 2}, samples.shape());

        // the same alternating steps with a tape, as Keras's custom train_step
        Loss bce = new BinaryCrossentropy();
        Adam gOpt = new Adam(0.005);
        Adam dOpt = new Adam(0.005);
        discriminator.setTrainable(true);
        for (int step = 0; step < 5; step++) {
            Tensor noise = Tensor.randomNormal(batch, latent);
            List<float[]> g0 = snapshot(generator.variables());
            try (GradientTape tape = new GradientTape()) {
                Tensor fake = generator.apply(noise, true);
                Tensor dl = bce.compute(zeros, discriminator.apply(fake, true));
                GradientTape.applyGradients(dOpt, tape.gradient(dl, discriminator.trainableVariables()),
                        discriminator.trainableVariables());
            }
            assertTrue(same(g0, generator.variables()));
            try (GradientTape tape = new GradientTape()) {
                Tensor gl = bce.compute(ones, discriminator.apply(generator.apply(noise, true), true));
                GradientTape.applyGradients(gOpt, tape.gradient(gl, generator.trainableVariables()),
                        generator.trainableVariables());
            }
            assertFalse(same(g0, generator.variables()));
        }
    }
}
