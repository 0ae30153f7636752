package ganglion.losses;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossesTest {

    @Test
    void functionNamesAndAliasesNameTheLoss() {
        assertInstanceOf(MeanSquaredError.class, Losses.get("mse"));
        assertEquals("mse", Losses.get("mse").name());
        assertInstanceOf(MeanSquaredError.class, Losses.get("mean_squared_error"));
        assertInstanceOf(MeanAbsoluteError.class, Losses.get("mae"));
        assertInstanceOf(MeanAbsoluteError.class, Losses.get("MAE"));
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("binary_crossentropy"));
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("bce"));
        assertInstanceOf(CategoricalCrossentropy.class, Losses.get("categorical_crossentropy"));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("sparse_categorical_crossentropy"));
        assertInstanceOf(KLDivergence.class, Losses.get("kld"));
        assertInstanceOf(Huber.class, Losses.get("huber"));
    }

    @Test
    void classNamesKeepDefaultNames() {
        assertEquals("mean_squared_error", Losses.get("MeanSquaredError").name());
        assertEquals("huber_loss", Losses.get("Huber").name());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Losses.get("categorical_cross_entropy"));
        assertTrue(e.getMessage().contains("categorical_crossentropy") && e.getMessage().contains("mse"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.get("crossentropy"));
        assertTrue(e.getMessage().contains("shapes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.get(null));
        assertTrue(Losses.names().contains("poisson"));
    }

    @Test
    void crossentropyIsResolvedFromShapes() {
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("crossentropy", new int[]{32, 1}, new int[]{32, 1}));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("ce", new int[]{32}, new int[]{32, 10}));
        assertInstanceOf(SparseCategoricalCrossentropy.class,
                Losses.get("crossentropy", new int[]{32, 1}, new int[]{32, 10}));
        Loss cce = Losses.get("CE", new int[]{32, 10}, new int[]{32, 10});
        assertInstanceOf(CategoricalCrossentropy.class, cce);
        assertEquals("CE", cce.name());
        assertInstanceOf(MeanSquaredError.class, Losses.get("mse", new int[]{4}, new int[]{4, 1}));
    }

    @Test
    void fromConfigRoundTrips() {
        for (Loss l : new Loss[]{new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1f).axis(1),
                new BinaryCrossentropy().labelSmoothing(0.2f), new SparseCategoricalCrossentropy().fromLogits(true),
                new Huber(0.5f), new MeanSquaredError().reduction(Reduction.SUM)}) {
            Map<String, Object> c = l.getConfig();
            String cls = l.getClass().getSimpleName();
            assertEquals(c, Losses.fromConfig(cls, c).getConfig(), cls);
        }
        assertThrows(IllegalArgumentException.class, () -> Losses.fromConfig("Nope", Map.of()));
    }
}
