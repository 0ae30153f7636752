package ganglion.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small tutorial ports, each with a fixed seed: they must reach the tutorial's result. */
class SmallExamplesTest {

    @Test
    void linearRegressionFindsTheLeastSquaresLine() {
        LinearRegression.Result r = LinearRegression.run(42, 0);
        assertEquals(2.3, r.slope(), 0.1, r.toString());
        assertEquals(79.0, r.intercept(), 0.6, r.toString());
        assertEquals(95.1, r.predictionFor7Hours(), 0.3, r.toString());
        assertTrue(r.finalLoss() < 8.5, r.toString());          // least squares leaves mse 8.3
    }

    @Test
    void logisticRegressionSeparatesPassFromFail() {
        LogisticRegression.Result r = LogisticRegression.run(42, 0);
        assertEquals(1.0, r.accuracy(), r.toString());
        assertTrue(r.passProbability()[0] < 0.1 && r.passProbability()[6] > 0.9, r.toString());
    }

    @Test
    void xorIsSolvedFourOutOfFour() {
        Xor.Result r = Xor.run(42, 0);
        assertEquals(4, r.correct(), java.util.Arrays.toString(r.outputs()));
    }
}
