package ganglion.callbacks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgbarLoggerTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ProgbarLogger logger(int epochs, int steps, int verbose) {
        ProgbarLogger p = new ProgbarLogger(out, false);
        p.setParams(Map.of("epochs", epochs, "steps", steps, "verbose", verbose));
        return p;
    }

    private static void epoch(ProgbarLogger p, int epoch, int steps) {
        p.onEpochBegin(epoch, Map.of());
        for (int s = 0; s < steps; s++) {
            p.onTrainBatchBegin(s, Map.of());
            p.onTrainBatchEnd(s, Map.of("loss", 0.5));
        }
        p.onTestBegin(Map.of());
        p.onTestBatchEnd(0, Map.of("loss", 9.0));
        p.onTestEnd(Map.of("loss", 9.0));
        p.onEpochEnd(epoch, new TreeMap<>(Map.of("loss", 0.5, "val_loss", 0.25))); // fit passes sorted logs
    }

    @Test
    void headerOnlyWithMoreThanOneEpochAndSilentValidation() {
        ProgbarLogger p = logger(2, 3, 1);
        p.onTrainBegin(Map.of());
        epoch(p, 0, 3);
        epoch(p, 1, 3);
        p.onTrainEnd(Map.of());
        String line = "3/3 ━{20} \\d+s \\d+(s|ms|us)/step - loss: 0\\.5000 - val_loss: 0\\.2500\n";
        assertTrue(printed().matches("Epoch 1/2\n" + line + "Epoch 2/2\n" + line), printed());

        bytes.reset();
        ProgbarLogger single = logger(1, 3, 1);
        single.onTrainBegin(Map.of());
        epoch(single, 0, 3);
        assertTrue(printed().matches(line), printed());
    }

    @Test
    void verbose2AlsoPrintsHeaders() {
        ProgbarLogger p = logger(2, 4, 2);
        p.onTrainBegin(Map.of());
        epoch(p, 0, 4);
        assertTrue(printed().matches("Epoch 1/2\n4/4 - \\d+s - \\d+(s|ms|us)/step - loss: 0\\.5000 - val_loss: 0\\.2500\n"),
                printed());
    }

    @Test
    void standaloneEvaluateAndPredictGetTheirOwnBar() {
        ProgbarLogger p = logger(1, 2, 1);
        p.onTestBegin(Map.of());
        p.onTestBatchEnd(0, Map.of("loss", 1.0));
        p.onTestBatchEnd(1, Map.of("loss", 2.0));
        p.onTestEnd(Map.of("loss", 1.5));
        p.onPredictBegin(Map.of());
        p.onPredictBatchEnd(0, Map.of());
        p.onPredictBatchEnd(1, Map.of());
        p.onPredictEnd(Map.of());
        assertTrue(printed().matches("2/2 ━{20} \\d+s \\d+(s|ms|us)/step - loss: 1\\.5000\n2/2 ━{20} \\d+s \\d+(s|ms|us)/step\n"),
                printed());
    }

    @Test
    void defaultConstructorTargetsSystemOut() {
        PrintStream saved = System.out;
        try {
            System.setOut(out);
            ProgbarLogger p = new ProgbarLogger();
            p.setParams(Map.of("epochs", 1, "steps", 1, "verbose", 2));
            p.onEpochBegin(0, Map.of());
            p.onEpochEnd(0, Map.of("loss", 1.0));
            ProgbarLogger q = new ProgbarLogger(out);
            q.setParams(Map.of("epochs", 1, "steps", 1, "verbose", 2));
            q.onEpochBegin(0, Map.of());
            q.onEpochEnd(0, Map.of("loss", 1.0));
        } finally {
            System.setOut(saved);
        }
        assertTrue(printed().matches("(1/1 - \\d+s - \\d+(s|ms|us)/step - loss: 1\\.0000\n){2}"), printed());
        assertEquals(false, Terminal.isTerminal(out));
    }
}
