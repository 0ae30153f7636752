package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training resumed from a saved file ends with exactly the weights of uninterrupted training. */
class ResumeTrainingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ckpt.keras", "ckpt.h5"})
    void resumedTrainingMatchesUninterruptedTraining(String file) {
        for (String opt : new String[]{"adam", "rmsprop", "sgd"}) {
            Ganglion.setRandomSeed(21);
            Sequential m = new Sequential();
            m.add(new Dense(6, "tanh").inputShape(3));
            m.add(new Dense(2));
            m.compile(opt, "mse");
            Tensor x = GradCheck.uniform(31, 24, 3);
            Tensor y = GradCheck.uniform(32, 24, 2);
            FitOptions two = new FitOptions().epochs(2).batchSize(5).verbose(0).shuffle(false);
            m.fit(x, y, two);
            Path p = dir.resolve(opt + file);
            m.save(p);
            m.fit(x, y, two);

            Model resumed = Model.load(p);
            resumed.fit(x, y, two);
            assertEquals(m.optimizer().iterations(), resumed.optimizer().iterations(), opt);
            List<Tensor> a = m.getWeights();
            List<Tensor> b = resumed.getWeights();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f, opt + " weight " + i);
            }
        }
    }

    /** Keras's use_ema: the moving averages are saved with the optimizer (after the learning rate) and restored. */
    @ParameterizedTest
    @ValueSource(strings = {"ema.keras", "ema.h5"})
    void movingAveragesOfTheWeightsAreSavedAndRestored(String file) {
        Ganglion.setRandomSeed(22);
        Sequential m = new Sequential();
        m.add(new Dense(6, "tanh").inputShape(3));
        m.add(new Dense(2));
        m.compile(new Adam(0.01).useEma(true).emaMomentum(0.9), "mse");
        Tensor x = GradCheck.uniform(33, 24, 3);
        Tensor y = GradCheck.uniform(34, 24, 2);
        FitOptions two = new FitOptions().epochs(2).batchSize(5).verbose(0).shuffle(false);
        m.fit(x, y, two);
        Path p = dir.resolve(file);
        m.save(p);
        m.fit(x, y, two);

        Model resumed = Model.load(p);
        assertTrue(resumed.optimizer().useEma());
        assertEquals(0.9f, resumed.optimizer().emaMomentum());
        resumed.fit(x, y, two);
        List<Tensor> a = m.getWeights();
        List<Tensor> b = resumed.getWeights();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f, "weight " + i);
        }
    }
}
