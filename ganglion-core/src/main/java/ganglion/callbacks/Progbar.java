package ganglion.callbacks;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A text progress bar, as Keras's {@code keras.utils.Progbar} used by {@code fit()}: one line such as
 * <pre>{@code 1875/1875 ━━━━━━━━━━━━━━━━━━━━ 5s 2ms/step - accuracy: 0.8778 - loss: 0.4336}</pre>
 * with Keras's layout: the step counter right-aligned to the target's digits, a 20-cell bar, the ETA while
 * running and the elapsed time when finished, the time per step (ignoring the first step), then each value
 * as given ("%.4f", or "%.4e" when its magnitude is at most 1e-3). Values are shown as-is (the model
 * already gives running means), in the order they first appeared.
 *
 * <p>With {@code verbose=1} on a terminal the line is redrawn in place ({@code "\b"} × previous width,
 * {@code "\r"}, then the line padded to the previous width) at most every 0.05 s, with Keras's ANSI
 * bold/green/white codes. When output is not a terminal ({@code dynamicDisplay=false}) only the final line
 * is printed, once, without ANSI codes. {@code verbose=2} prints one line at the end:
 * {@code 1875/1875 - 5s - 2ms/step - loss: 0.4336}. {@code verbose=0} prints nothing.
 *
 * <p>Not thread-safe: one progress bar belongs to one loop.
 */
public final class Progbar {

    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String WHITE = "\u001b[37m";
    private static final char CELL = '\u2501'; // ━

    /** Target for a bar whose number of steps is not known (Keras's {@code target=None}): "N/Unknown". */
    public static final int UNKNOWN = -1;

    private int target;
    private final int width = 20;
    private final int verbose;
    private final long intervalNanos = 50_000_000L;
    private final String unitName;
    private final PrintStream out;
    private final boolean dynamicDisplay;
    private final LongSupplier clock;

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final long start;
    private long lastUpdate;
    private boolean updatedOnce;
    private long timeAfterFirstStep;
    private boolean firstStepSeen;
    private int prevTotalWidth;

    /**
     * A progress bar for {@code target} steps (at least 1), verbosity 0, 1 or 2, printing to {@code out};
     * {@code dynamicDisplay} redraws in place with ANSI codes (a terminal).
     */
    public Progbar(int target, int verbose, PrintStream out, boolean dynamicDisplay) {
        this(target, verbose, "step", out, dynamicDisplay, System::nanoTime);
    }

    /** As above, with a unit name other than "step" and a nanosecond clock (for tests). */
    Progbar(int target, int verbose, String unitName, PrintStream out, boolean dynamicDisplay, LongSupplier clock) {
        if (target < 1 && target != UNKNOWN) {
            throw new IllegalArgumentException("Progbar: target must be at least 1 (or Progbar.UNKNOWN). Received: "
                    + "target=" + target);
        }
        this.target = target;
        this.verbose = verbose;
        this.unitName = unitName;
        this.out = out;
        this.dynamicDisplay = dynamicDisplay;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** The number of steps this bar counts to, or {@link #UNKNOWN}. */
    public int target() {
        return target;
    }

    /** Sets the number of steps once it is known (Keras sets it to the steps seen when an unknown epoch ends). */
    public void setTarget(int target) {
        if (target < 1 && target != UNKNOWN) {
            throw new IllegalArgumentException("Progbar: target must be at least 1 (or Progbar.UNKNOWN). Received: "
                    + "target=" + target);
        }
        this.target = target;
    }

    /**
     * Records that {@code current} steps are done, with the values to show (may be null), and redraws when
     * due. {@code finalize} marks the last update: it prints the final line.
     */
    public void update(int current, Map<String, Double> logs, boolean finalize) {
        long now = clock.getAsLong();
        double timePerUnit = estimateStepDuration(current, now);
        if (verbose == 1) {
            if (!finalize && (!dynamicDisplay || (updatedOnce && now - lastUpdate < intervalNanos))) {
                return;
            }
            record(logs);
            drawVerbose1(current, now, timePerUnit, finalize);
        } else if (verbose == 2) {
            record(logs);
            if (finalize) {
                drawVerbose2(current, now, timePerUnit);
            }
        }
        lastUpdate = now;
        updatedOnce = true;
    }

    private void record(Map<String, Double> logs) {
        if (logs != null) {
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                values.put(e.getKey(), e.getValue());
            }
        }
    }

    private void drawVerbose1(int current, long now, double timePerUnit, boolean finalize) {
        boolean ansi = dynamicDisplay;
        StringBuilder line = new StringBuilder(160);
        if (target == UNKNOWN) {
            String count = pad(current, 7) + "/Unknown";
            line.append(ansi ? BOLD + count + RESET : count);
        } else {
            int numDigits = (int) Math.log10(target) + 1;
            String count = pad(current, numDigits) + "/" + target;
            int progWidth = (int) (width * ((double) current / target));
            progWidth = Math.max(0, Math.min(width, progWidth));
            if (ansi) {
                line.append(BOLD).append(count).append(RESET).append(' ');
                if (progWidth > 0) {
                    line.append(GREEN).append(cells(progWidth)).append(RESET);
                }
                line.append(WHITE).append(cells(width - progWidth)).append(RESET);
            } else {
                line.append(count).append(' ').append(cells(width));
            }
        }
        String time;
        if (!finalize && target != UNKNOWN) {
            time = eta(timePerUnit * (target - current));
        } else {
            time = PyFormat.fixed((now - start) / 1e9, 0) + "s";
        }
        line.append(' ');
        if (ansi) {
            line.append(BOLD).append(time).append(RESET);
        } else {
            line.append(time);
        }
        line.append(formatTime(timePerUnit));
        appendValues(line, true);
        int totalWidth = ansi ? visibleLength(line) : line.length();
        StringBuilder message = new StringBuilder(line.length() + prevTotalWidth + 4);
        if (dynamicDisplay) {
            message.append("\b".repeat(prevTotalWidth)).append('\r');
        }
        message.append(line);
        if (prevTotalWidth > totalWidth) {
            message.append(" ".repeat(prevTotalWidth - totalWidth));
        }
        if (finalize) {
            message.append('\n');
        }
        out.print(message);
        out.flush();
        prevTotalWidth = totalWidth;
    }

    private void drawVerbose2(int current, long now, double timePerUnit) {
        StringBuilder line = new StringBuilder(120);
        if (target == UNKNOWN) {
            line.append(pad(current, 7)).append("/Unknown");
        } else {
            line.append(pad(current, (int) Math.log10(target) + 1)).append('/').append(target);
        }
        line
                .append(" - ").append(PyFormat.fixed((now - start) / 1e9, 0)).append('s')
                .append(" -").append(formatTime(timePerUnit));
        appendValues(line, false);
        line.append('\n');
        out.print(line);
        out.flush();
    }

    private void appendValues(StringBuilder line, boolean absolute) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            line.append(" - ").append(e.getKey()).append(": ").append(formatValue(e.getValue(), absolute));
        }
    }

    /** Keras's value format: %.4f above 1e-3 in magnitude (verbose 2: in value), else %.4e. */
    static String formatValue(double v, boolean absolute) {
        double test = absolute ? Math.abs(v) : v;
        return test > 1e-3 ? PyFormat.fixed(v, 4) : PyFormat.scientific(v, 4);
    }

    /** Keras's " 2ms/step" style: seconds, milliseconds or microseconds per unit. */
    String formatTime(double timePerUnit) {
        if (timePerUnit >= 1 || timePerUnit == 0) {
            return " " + PyFormat.fixed(timePerUnit, 0) + "s/" + unitName;
        } else if (timePerUnit >= 1e-3) {
            return " " + PyFormat.fixed(timePerUnit * 1000.0, 0) + "ms/" + unitName;
        }
        return " " + PyFormat.fixed(timePerUnit * 1_000_000.0, 0) + "us/" + unitName;
    }

    /** "%d:%02d:%02d" above an hour, "%d:%02d" above a minute, else "%ds" (Python truncates to int). */
    static String eta(double eta) {
        if (eta > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", (long) Math.floor(eta / 3600), (long) Math.floor((eta % 3600) / 60),
                    (long) (eta % 60));
        } else if (eta > 60) {
            return String.format(Locale.ROOT, "%d:%02d", (long) Math.floor(eta / 60), (long) (eta % 60));
        }
        return (long) eta + "s";
    }

    /** Seconds per step; the first step is left out of the average once there are more. */
    private double estimateStepDuration(int current, long now) {
        if (current <= 0) {
            return 0;
        }
        double perUnit;
        if (firstStepSeen && current > 1) {
            perUnit = (now - timeAfterFirstStep) / 1e9 / (current - 1);
        } else {
            perUnit = (now - start) / 1e9 / current;
        }
        if (current == 1) {
            timeAfterFirstStep = now;
            firstStepSeen = true;
        }
        return perUnit;
    }

    private static String pad(int value, int digits) {
        String s = Integer.toString(value);
        return s.length() >= digits ? s : " ".repeat(digits - s.length()) + s;
    }

    private static String cells(int n) {
        return String.valueOf(CELL).repeat(n);
    }

    /** Length without ANSI escape sequences (ESC [ ... m). */
    private static int visibleLength(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                while (i < s.length() && s.charAt(i) != 'm') {
                    i++;
                }
                continue;
            }
            n++;
        }
        return n;
    }
}
