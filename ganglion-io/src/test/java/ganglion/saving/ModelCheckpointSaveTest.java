package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.ModelCheckpoint;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ModelCheckpoint writing real files through this module: whole models and weights, by epoch and by batch. */
class ModelCheckpointSaveTest {

    private static Sequential model() {
        Ganglion.setRandomSeed(5);
        Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(1));
        m.compile("adam", "mse");
        return m;
    }

    private static final Tensor X = Tensor.of(new float[]{1, 2, 3, 0, 1, 0, 2, 2, 1, 3, 0, 1, 1, 1, 1, 0, 0, 2}, 6, 3);
    private static final Tensor Y = Tensor.of(new float[]{1, 0, 2, 1, 1, 0}, 6, 1);

    @Test
    void savesLoadableModelsPerEpoch(@TempDir Path dir) throws Exception {
        Sequential m = model();
        ModelCheckpoint cp = new ModelCheckpoint(dir.resolve("m-{epoch:02d}-{loss:.3f}.keras").toString())
                .monitor("loss");
        m.fit(X, Y, new FitOptions().epochs(3).batchSize(2).verbose(0).callbacks(cp));
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".keras")).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().startsWith("m-01-"));
        Model last = Model.load(cp.lastSaved());
        assertArrayEquals(m.predict(X, 32, 0).toFloatArray(), last.predict(X, 32, 0).toFloatArray(), 1e-6f);
    }

    @Test
    void savesWeightsEveryFewBatches(@TempDir Path dir) throws Exception {
        Sequential m = model();
        ModelCheckpoint cp = new ModelCheckpoint(dir.resolve("w-{epoch}-{batch}.weights.h5").toString())
                .saveWeightsOnly(true).saveFreq(2);
        m.fit(X, Y, new FitOptions().epochs(2).batchSize(2).verbose(0).callbacks(cp));
        // 3 batches per epoch, 6 in all: saves after batches 2, 4, 6
        assertTrue(Files.exists(dir.resolve("w-1-2.weights.h5")));
        assertTrue(Files.exists(dir.resolve("w-2-1.weights.h5")));
        assertTrue(Files.exists(dir.resolve("w-2-3.weights.h5")));
        Sequential fresh = model();
        fresh.loadWeights(dir.resolve("w-2-3.weights.h5"));
        assertArrayEquals(m.predict(X, 32, 0).toFloatArray(), fresh.predict(X, 32, 0).toFloatArray(), 1e-6f);
    }
}
