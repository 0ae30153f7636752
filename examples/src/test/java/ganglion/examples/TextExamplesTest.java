package ganglion.examples;

import ganglion.Tensor;
import ganglion.models.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quick checks of the text examples: a tiny character-level run and the attention model's wiring. */
class TextExamplesTest {

    @Test
    void shakespeareCharLstmTrainsAndSamplesFromTheVocabulary() {
        TabularExamplesTest.assumeSharedData("tinyshakespeare");
        ShakespeareCharLstm ex = new ShakespeareCharLstm(6000);
        ShakespeareCharLstm.Result r = ex.run(42, 2, 25, new double[]{0.5}, 0);
        List<Double> loss = r.history().history().get("loss");
        assertEquals(2, loss.size());
        assertTrue(loss.get(1) < loss.get(0), "loss " + loss);
        assertEquals(25, r.samples()[0].length());
        String vocab = new String(ex.vocabulary());
        for (char c : r.samples()[0].toCharArray()) {
            assertTrue(vocab.indexOf(c) >= 0, "sampled '" + c + "' is not in the vocabulary");
        }
    }

    @Test
    void temperatureSamplingFollowsTheDistribution() {
        float[] p = {0.7f, 0.2f, 0.1f};
        int[] counts = new int[3];
        Random rng = new Random(1);
        for (int i = 0; i < 20000; i++) {
            counts[ShakespeareCharLstm.sample(p, 1.0, rng)]++;
        }
        assertEquals(0.7, counts[0] / 20000.0, 0.02);
        assertEquals(0.1, counts[2] / 20000.0, 0.02);
        int low = 0;
        for (int i = 0; i < 2000; i++) {
            low += ShakespeareCharLstm.sample(p, 0.1, rng) == 0 ? 1 : 0;
        }
        assertTrue(low > 1990, "a low temperature picks the most likely character: " + low);
    }

    @Test
    void attentionModelMapsPaddedSentencesToProbabilities() {
        Model m = AttentionExample.build();
        Tensor x = Tensor.zeros(3, AttentionExample.MAX_LEN);
        x.buffer()[AttentionExample.MAX_LEN - 1] = 5;
        x.buffer()[2 * AttentionExample.MAX_LEN - 2] = 7;
        x.buffer()[2 * AttentionExample.MAX_LEN - 1] = 9;
        x.buffer()[3 * AttentionExample.MAX_LEN - 1] = 11;
        Tensor y = m.predict(x, 3, 0);
        assertArrayEquals(new int[]{3, 1}, y.shape());
        for (float v : y.toFloatArray()) {
            assertTrue(v > 0 && v < 1, "sigmoid output " + v);
        }
        Tensor q = Tensor.randomUniform(-1, 1, 1, 4, 8);
        Tensor w = AttentionExample.attentionWeights(q, q);
        assertArrayEquals(new int[]{1, 4, 4}, w.shape());
        float[] wf = w.toFloatArray();
        for (int i = 0; i < 4; i++) {
            float s = 0;
            for (int j = 0; j < 4; j++) {
                s += wf[i * 4 + j];
            }
            assertEquals(1f, s, 1e-5f);
        }
    }
}
