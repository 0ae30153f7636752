package ganglion.metrics;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

    private static int[] s(int... d) {
        return d;
    }

    @Test
    void accuracyIsResolvedFromShapesAsCompileDoes() {
        // binary: the predictions' last axis is 1
        Metric m = Metrics.get("accuracy", s(32, 1), s(32, 1));
        assertInstanceOf(BinaryAccuracy.class, m);
        assertEquals("accuracy", m.name());
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("accuracy", s(32), s(32, 1)));
        // sparse: lower label rank, or a label axis of 1 against several outputs
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", s(32), s(32, 10)));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", s(50000, 1), s(50000, 10)));
        // categorical otherwise
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("accuracy", s(32, 10), s(32, 10)));
        // "acc" in any case, named as given
        Metric acc = Metrics.get("ACC", s(32, 10), s(32, 10));
        assertInstanceOf(CategoricalAccuracy.class, acc);
        assertEquals("ACC", acc.name());
        // the decision is made from shapes, not values: a sequence model's outputs
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("acc", s(8, 20), s(8, 20, 5000)));
    }

    @Test
    void otherNamesKeepTheStringGiven() {
        Metric mse = Metrics.get("mse", s(4, 1), s(4, 1));
        assertInstanceOf(MeanSquaredError.class, mse);
        assertEquals("mse", mse.name());
        assertEquals("precision", Metrics.get("precision", s(4), s(4, 1)).name());
        assertEquals("binary_accuracy", Metrics.get("binary_accuracy", s(4), s(4, 1)).name());
    }

    @Test
    void plainGetUsesDefaultNames() {
        assertInstanceOf(Accuracy.class, Metrics.get("accuracy"));
        assertEquals("mean_squared_error", Metrics.get("mse").name());
        assertEquals("mean_absolute_error", Metrics.get("MAE").name());
        assertInstanceOf(Recall.class, Metrics.get("Recall"));
        assertInstanceOf(RootMeanSquaredError.class, Metrics.get("root_mean_squared_error"));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("sparse_categorical_accuracy"));
        assertTrue(Metrics.names().contains("categorical_accuracy"));
    }

    @Test
    void lossNamesGiveTheRunningMeanOfTheLoss() {
        Metric m = Metrics.get("binary_crossentropy");
        assertEquals("binary_crossentropy", m.name());
        m.update(Tensor.of(new float[][]{{0, 1}, {0, 0}}), Tensor.of(new float[][]{{0.6f, 0.4f}, {0.4f, 0.6f}}));
        assertEquals(0.81492447, m.result(), 1e-6);
        assertEquals("logcosh", Metrics.get("LogCoshError").name());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("accuarcy"));
        assertTrue(e.getMessage().contains("accuracy") && e.getMessage().contains("precision"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("acc"));
        assertTrue(e.getMessage().contains("shapes"), e.getMessage());
    }
}
