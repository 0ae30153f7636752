package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AUCTest {

    @Test
    void kerasDocstringExample() {
        // num_thresholds=3: thresholds [-1e-7, 0.5, 1 + 1e-7]; tpr [1, 0.5, 0], fpr [1, 0, 0] -> 0.75
        AUC m = new AUC(3, "auc");
        m.update(Tensor.of(0, 0, 1, 1), Tensor.of(0, 0.5f, 0.3f, 0.9f));
        assertEquals(0.75, m.result(), 1e-12);
        m.reset();
        // weights [1, 0, 0, 1]: one negative at 0, one positive at 0.9 -> perfect ranking
        m.update(Tensor.of(0, 0, 1, 1), Tensor.of(0, 0.5f, 0.3f, 0.9f), Tensor.of(1, 0, 0, 1));
        assertEquals(1.0, m.result(), 1e-12);
    }

    @Test
    void fineThresholdsGiveTheExactRocArea() {
        // positives 0.35 and 0.8, negatives 0.1 and 0.4: 3 of 4 pairs ranked right
        AUC m = new AUC();
        assertEquals(200, m.numThresholds());
        assertEquals("auc", m.name());
        m.update(Tensor.of(new float[]{0, 0, 1, 1}, 4, 1), Tensor.of(new float[]{0.1f, 0.4f, 0.35f, 0.8f}, 4, 1));
        assertEquals(0.75, m.result(), 1e-9);
        assertInstanceOf(AUC.class, Metrics.get("auc"));
        assertEquals("ROC", m.getConfig().get("curve"));
        assertThrows(IllegalArgumentException.class, () -> new AUC(1, "auc"));
    }
}
