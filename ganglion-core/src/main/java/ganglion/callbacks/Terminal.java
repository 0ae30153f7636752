package ganglion.callbacks;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * Whether standard output is an interactive terminal, decided once. On Java 22 and later
 * {@code System.console()} also exists when output is redirected, so {@code Console.isTerminal()} is asked
 * when that method exists (looked up once, at class initialisation; never on a hot path).
 */
final class Terminal {

    private static final boolean STDOUT_IS_TERMINAL = detect();

    private Terminal() {
    }

    /** True when {@code out} is the process's standard output and that is a terminal. */
    static boolean isTerminal(PrintStream out) {
        return STDOUT_IS_TERMINAL && out == System.out;
    }

    private static boolean detect() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
