package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Add;
import ganglion.layers.Bidirectional;
import ganglion.layers.Dense;
import ganglion.layers.Embedding;
import ganglion.layers.GlobalAveragePooling1D;
import ganglion.layers.Input;
import ganglion.layers.LSTM;
import ganglion.layers.LeakyReLU;
import ganglion.layers.SymbolicTensor;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functional models, embeddings and wrapped recurrent layers survive .keras and .h5 round trips. */
class MoreModelsSaveTest {

    @TempDir
    Path dir;

    private void roundTrip(Model m, Tensor x) {
        for (String f : new String[]{"m.keras", "m.h5"}) {
            Path p = dir.resolve(f);
            m.save(p);
            Model back = Model.load(p);
            assertEquals(m.kerasClassName(), back.kerasClassName());
            assertEquals(m.layers().size(), back.layers().size());
            List<Tensor> a = m.getWeights();
            List<Tensor> b = back.getWeights();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f);
            }
            assertArrayEquals(m.predict(x, 32, 0).toFloatArray(), back.predict(x, 32, 0).toFloatArray(), 0f, f);
        }
    }

    @Test
    void functionalModelWithABranch() {
        Ganglion.setRandomSeed(41);
        SymbolicTensor in = Input.of(4);
        SymbolicTensor a = new Dense(5, "relu").apply(in);
        SymbolicTensor b = new Dense(5, "tanh").apply(in);
        SymbolicTensor out = new Dense(2).apply(new Add().apply(a, b));
        Model m = new Model(in, out);
        Tensor x = GradCheck.uniform(2, 3, 4);
        m.compile("adam", "mse");
        m.fit(x, GradCheck.uniform(3, 3, 2), new FitOptions().epochs(1).batchSize(3).verbose(0));
        assertEquals("Functional", m.kerasClassName());
        roundTrip(m, x);
        Model back = Model.load(dir.resolve("m.keras"));
        assertTrue(back.isCompiled());
        assertEquals(m.optimizer().iterations(), back.optimizer().iterations());
    }

    @Test
    void initialStatesAreKerasInitialStateKeywords() throws Exception {
        Ganglion.setRandomSeed(44);
        // a seq2seq-style graph: the encoder's states start a Bidirectional decoder and an LSTM
        SymbolicTensor enc = Input.of(5, 3);
        SymbolicTensor dec = Input.of(4, 2);
        List<SymbolicTensor> e = new LSTM(6).returnState(true).applyAll(List.of(enc));
        SymbolicTensor bi = new Bidirectional(new LSTM(6).returnSequences(true))
                .applyAll(List.of(dec, e.get(1), e.get(2), e.get(2), e.get(1))).get(0);
        SymbolicTensor out = new LSTM(3).applyAll(List.of(bi, new Dense(3).apply(e.get(1)), new Dense(3).apply(e.get(2))))
                .get(0);
        Model m = new Model(List.of(enc, dec), List.of(out));
        Path p = dir.resolve("s2s.keras");
        m.save(p);
        String config = new String(zipEntry(p, "config.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(config.contains("\"initial_state\""), "Keras's keyword for initial states");
        Model back = Model.load(p);
        List<Tensor> xs = List.of(GradCheck.uniform(5, 2, 5, 3), GradCheck.uniform(6, 2, 4, 2));
        assertArrayEquals(m.predict(xs, 32, 0).get(0).toFloatArray(), back.predict(xs, 32, 0).get(0).toFloatArray(),
                0f);
    }

    private static byte[] zipEntry(Path zip, String name) throws java.io.IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void leakyReluKeepsItsSlope() {
        Ganglion.setRandomSeed(43);
        Sequential m = new Sequential();
        m.add(new Dense(5).inputShape(3));
        m.add(new LeakyReLU(0.2));
        m.add(new Dense(2));
        roundTrip(m, GradCheck.uniform(4, 6, 3));
        LeakyReLU back = (LeakyReLU) Model.load(dir.resolve("m.keras")).layers().get(1);
        assertEquals(0.2, back.negativeSlope(), 1e-7);
    }

    @Test
    void embeddingAndBidirectionalLstm() {
        Ganglion.setRandomSeed(42);
        Sequential m = new Sequential();
        m.add(new Embedding(20, 4).inputShape(6));
        m.add(new Bidirectional(new LSTM(3).returnSequences(true)));
        m.add(new GlobalAveragePooling1D());
        m.add(new Dense(1));
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 6);
        roundTrip(m, x);
    }
}
