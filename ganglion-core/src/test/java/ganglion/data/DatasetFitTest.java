package ganglion.data;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fit, evaluate and predict consume a Dataset; the progress bar shows its known length. */
class DatasetFitTest {

    @Test
    void fitEvaluatePredictOnADatasetWithItsLengthInTheProgressBar() {
        Ganglion.setRandomSeed(2);
        Tensor x = Tensor.randomNormal(64, 3);
        Tensor y = x.sum(-1, false).gt(0f);
        Dataset<Tensor[]> train = Dataset.fromTensorSlices(x, y).shuffle(64, 1).batch(16).prefetch(2);
        Sequential m = new Sequential();
        m.add(new Dense(8, "relu").inputShape(3));
        m.add(new Dense(1, "sigmoid"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.setOutput(new PrintStream(out, true, StandardCharsets.UTF_8));
        m.compile("adam", "binary_crossentropy", "accuracy");
        History h = m.fit(train, new FitOptions().epochs(3).verbose(2));
        assertEquals(3, h.history().get("loss").size());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("4/4"), printed);
        assertTrue(!printed.contains("Unknown"), printed);
        Dataset<Tensor[]> test = Dataset.fromTensorSlices(x, y).batch(32);
        assertTrue(m.evaluate(test, 0, 0).containsKey("accuracy"));
        assertEquals(64, m.predict(test, 0, 0).shape()[0]);
    }
}
