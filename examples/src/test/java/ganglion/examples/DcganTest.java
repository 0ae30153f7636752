package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.datasets.Mnist;
import ganglion.datasets.TrainTestData;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DCGAN: shapes, finite losses and which weights each step moves; the quality bar as a slow test. */
class DcganTest {

    private static List<float[]> snapshot(List<Variable> vars) {
        List<float[]> s = new ArrayList<>();
        for (Variable v : vars) {
            s.add(v.value().toFloatArray());
        }
        return s;
    }

    private static boolean same(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void shapesAndWhichWeightsEachStepMoves() {
        Ganglion.setRandomSeed(7);
        Dcgan gan = new Dcgan();
        Tensor z = Tensor.randomNormal(4, Dcgan.LATENT_DIM);
        Tensor img = gan.generator().predict(z);
        assertArrayEquals(new int[] {4, 28, 28, 1}, img.shape());
        assertArrayEquals(new int[] {4, 1}, gan.discriminator().predict(img).shape());
        Tensor real = Tensor.randomUniform(-1f, 1f, 16, 28, 28, 1);

        // trainable weights only: the discriminator step runs the generator in training mode, which (as in Keras)
        // moves its BatchNormalization moving statistics but none of its trainable weights
        List<Variable> gVars = gan.generator().trainableVariables();
        List<Variable> dVars = gan.discriminator().variables();
        assertFalse(gan.discriminator().isTrainable(), "frozen inside the stacked model");
        assertEquals(gan.generator().trainableVariables().size(), gan.gan().trainableVariables().size());
        for (int step = 0; step < 2; step++) {
            List<float[]> g0 = snapshot(gVars);
            List<float[]> d0 = snapshot(dVars);
            double dLoss = gan.trainDiscriminator(real);
            assertTrue(Double.isFinite(dLoss), "d_loss " + dLoss);
            assertTrue(same(g0, snapshot(gVars)), "a discriminator step left the generator unchanged");
            assertFalse(same(d0, snapshot(dVars)), "a discriminator step moved the discriminator");
            assertFalse(gan.discriminator().isTrainable(), "frozen again after its step");

            List<float[]> g1 = snapshot(gVars);
            List<float[]> d1 = snapshot(dVars);
            double gLoss = gan.trainGenerator(16);
            assertTrue(Double.isFinite(gLoss), "g_loss " + gLoss);
            assertTrue(same(d1, snapshot(dVars)), "a generator step left the discriminator unchanged");
            assertFalse(same(g1, snapshot(gVars)), "a generator step moved the generator");
        }
    }

    @Test
    void trainsAFewStepsAndWritesTheGrid(@TempDir Path dir) throws Exception {
        Ganglion.setRandomSeed(3);
        Dcgan gan = new Dcgan();
        Tensor x = Tensor.randomUniform(-1f, 1f, 64, 28, 28, 1);
        List<double[]> log = gan.train(x, 1, 16, 3, dir, false);
        assertEquals(1, log.size());
        assertTrue(Double.isFinite(log.get(0)[0]) && Double.isFinite(log.get(0)[1]), Arrays.toString(log.get(0)));
        assertTrue(Files.size(dir.resolve("dcgan_epoch_1.png")) > 1000);
        Tensor s = gan.sample(3);
        assertTrue(s.min().item() >= 0f && s.max().item() <= 1f);
    }

    /**
     * Issue 6: after 5 epochs a classifier trained on MNIST (seed 001's CNN, one epoch) labels at least 60 of
     * 100 generated images with confidence 0.9 or more. About 30 minutes on 2 cores. With the three-convolution
     * discriminator this draw gives 64 (seed 42, 2026-11-29); on 1,000 fixed-noise digits the rate is 64.0 %, so the
     * pass is not a lucky draw (one of 100 varies by about +/-5 points).
     */
    @Test
    @Tag("slow")
    void fiveEpochsGiveDigitsAConvnetRecognises(@TempDir Path dir) {
        TabularExamplesTest.assumeSharedData("mnist");
        TrainTestData d = Mnist.loadData();
        Ganglion.setRandomSeed(42);
        Sequential clf = Dcgan.trainJudge(d);
        Dcgan gan = new Dcgan();
        gan.train(Dcgan.scale(d.xTrain()), 5, Dcgan.BATCH_SIZE, 0, dir, false);
        double confident = Dcgan.confidentFraction(clf, gan.sample(100));
        assertTrue(confident >= 0.6, "confidently classified: " + confident);
    }
}
