package ganglion.callbacks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgbarTest {

    private static final String B = "\u001b[1m";
    private static final String R = "\u001b[0m";
    private static final String G = "\u001b[32m";
    private static final String W = "\u001b[37m";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Double> logs(double accuracy, double loss) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("loss", loss);
        return m;
    }

    @Test
    void terminalRedrawsInPlaceWithKerasAnsiCodes() {
        Progbar bar = new Progbar(10, 1, "step", out, true, () -> now);
        now = 100_000_000L;                       // first step took 0.1 s
        bar.update(1, logs(0.5, 0.25), false);
        String first = "\r" + B + " 1/10" + R + " " + G + "━━" + R + W + "━".repeat(18) + R
                + " " + B + "0s" + R + " 100ms/step - accuracy: 0.5000 - loss: 0.2500";
        assertEquals(first, printed());
        int firstWidth = (" 1/10 " + "━".repeat(20) + " 0s 100ms/step - accuracy: 0.5000 - loss: 0.2500").length();

        bytes.reset();
        now = 120_000_000L;                       // within 0.05 s: throttled
        bar.update(2, logs(0.6, 0.2), false);
        assertEquals("", printed());

        now = 900_000_000L;                       // steps 2..5 took 0.8 s: 0.2 s each, ETA 1 s
        bar.update(5, logs(0.75, 0.0001), false);
        String second = "\b".repeat(firstWidth) + "\r" + B + " 5/10" + R + " " + G + "━".repeat(10) + R + W
                + "━".repeat(10) + R + " " + B + "1s" + R + " 200ms/step - accuracy: 0.7500 - loss: 1.0000e-04";
        int secondWidth = (" 5/10 " + "━".repeat(20) + " 1s 200ms/step - accuracy: 0.7500 - loss: 1.0000e-04").length();
        assertEquals(second + " ".repeat(Math.max(0, firstWidth - secondWidth)), printed());

        bytes.reset();
        now = 2_600_000_000L;
        Map<String, Double> fin = logs(0.8, 0.1);
        fin.put("val_accuracy", 0.9);
        fin.put("val_loss", 0.05);
        bar.update(10, fin, true);
        String last = "\b".repeat(secondWidth) + "\r" + B + "10/10" + R + " " + G + "━".repeat(20) + R + W + R
                + " " + B + "3s" + R + " 278ms/step - accuracy: 0.8000 - loss: 0.1000 - val_accuracy: 0.9000"
                + " - val_loss: 0.0500\n";
        assertEquals(last, printed());
    }

    @Test
    void notATerminalPrintsOnlyTheFinalLineWithoutAnsi() {
        Progbar bar = new Progbar(1875, 1, "step", out, false, () -> now);
        for (int i = 1; i <= 1875; i++) {
            now = 1_000_000_000L + (i - 1) * 2_000_000L; // a slow first step, then 2 ms each
            bar.update(i, logs(0.8778, 0.4336), false);
        }
        assertEquals("", printed());
        bar.update(1875, logs(0.8778, 0.4336), true);
        assertEquals("1875/1875 ━━━━━━━━━━━━━━━━━━━━ 5s 2ms/step - accuracy: 0.8778 - loss: 0.4336\n", printed());
    }

    @Test
    void verbose2PrintsOneLineAtTheEnd() {
        Progbar bar = new Progbar(1875, 2, "step", out, true, () -> now);
        now = 2_000_000L;
        bar.update(1, logs(0.1, 0.2), false);
        assertEquals("", printed());
        now = 1875 * 2_000_000L;
        Map<String, Double> fin = logs(0.8778, -0.5);
        bar.update(1875, fin, true);
        assertEquals("1875/1875 - 4s - 2ms/step - accuracy: 0.8778 - loss: -5.0000e-01\n", printed());
    }

    @Test
    void verbose0PrintsNothing() {
        Progbar bar = new Progbar(3, 0, out, true);
        bar.update(1, logs(1, 1), false);
        bar.update(3, logs(1, 1), true);
        assertEquals("", printed());
        assertEquals(3, bar.target());
        assertThrows(IllegalArgumentException.class, () -> new Progbar(0, 1, out, false));
    }

    @Test
    void etaAndTimeFormatsFollowKeras() {
        assertEquals("5s", Progbar.eta(5.9));
        assertEquals("1:05", Progbar.eta(65.5));
        assertEquals("1:01:01", Progbar.eta(3661.7));
        Progbar bar = new Progbar(1, 1, out, false);
        assertEquals(" 0s/step", bar.formatTime(0));
        assertEquals(" 2s/step", bar.formatTime(1.5));
        assertEquals(" 2ms/step", bar.formatTime(0.0025));
        assertEquals(" 250us/step", bar.formatTime(0.00025));
    }

    @Test
    void valuesUseFixedOrScientificAsKeras() {
        assertEquals("0.4336", Progbar.formatValue(0.43361, true));
        assertEquals("1.0000e-03", Progbar.formatValue(0.001, true));
        assertEquals("-0.5000", Progbar.formatValue(-0.5, true));
        assertEquals("-5.0000e-01", Progbar.formatValue(-0.5, false));
        assertEquals("nan", Progbar.formatValue(Double.NaN, true));
        assertEquals("inf", Progbar.formatValue(Double.POSITIVE_INFINITY, true));
    }

    @Test
    void pythonRoundingIsHalfEvenOnTheExactValue() {
        assertEquals("0.0312", PyFormat.fixed(0.03125, 4));
        assertEquals("2", PyFormat.fixed(2.5, 0));
        assertEquals("4", PyFormat.fixed(3.5, 0));
        assertEquals("-0.0000", PyFormat.fixed(-1e-9, 4));
        assertEquals("0.0000e+00", PyFormat.scientific(0, 4));
        assertEquals("1.2346e-04", PyFormat.scientific(0.000123456, 4));
        assertEquals("1.0000e+01", PyFormat.scientific(9.99999, 4));
        assertEquals("1.2346e+100", PyFormat.scientific(1.23456e100, 4));
    }
}
