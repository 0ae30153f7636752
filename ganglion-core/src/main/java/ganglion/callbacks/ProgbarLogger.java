package ganglion.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints training progress, as Keras's {@code keras.callbacks.ProgbarLogger}: an "Epoch 3/10" header when
 * there is more than one epoch, then a {@link Progbar} per epoch whose final line carries the epoch's
 * logs (validation values included). Validation inside {@code fit()} is silent; a stand-alone
 * {@code evaluate()} or {@code predict()} gets its own bar. {@code fit()} adds one automatically when
 * {@code verbose} is not 0; pass your own in the callbacks to print elsewhere.
 */
public class ProgbarLogger extends Callback {

    private final PrintStream fixedOut;
    private final Boolean fixedDynamic;
    private int verbose = 1;
    private int epochs = 1;
    private int target = 1;
    private boolean calledInFit;
    private int seen;
    private Progbar progbar;

    /** Prints to {@code System.out} (as it is when printing starts); redraws in place on a terminal. */
    public ProgbarLogger() {
        this.fixedOut = null;
        this.fixedDynamic = null;
    }

    /** Prints to {@code out}; redraws in place only when {@code out} is standard output on a terminal. */
    public ProgbarLogger(PrintStream out) {
        this.fixedOut = out;
        this.fixedDynamic = null;
    }

    /** Prints to {@code out}, redrawing in place with ANSI codes when {@code dynamicDisplay} is true. */
    public ProgbarLogger(PrintStream out, boolean dynamicDisplay) {
        this.fixedOut = out;
        this.fixedDynamic = dynamicDisplay;
    }

    private PrintStream out() {
        return fixedOut != null ? fixedOut : System.out;
    }

    private boolean dynamic() {
        return fixedDynamic != null ? fixedDynamic : Terminal.isTerminal(out());
    }

    /**
     * Reads "verbose" (1 when absent), "epochs" and "steps" (the bar's target; absent or null: unknown, shown as
     * "N/Unknown" until the first epoch ends, after which the steps seen are the target, as in Keras).
     */
    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        Object v = params.get("verbose");
        verbose = v instanceof Number ? ((Number) v).intValue() : 1;
        Object e = params.get("epochs");
        epochs = e instanceof Number ? ((Number) e).intValue() : 1;
        Object s = params.get("steps");
        target = s instanceof Number ? Math.max(1, ((Number) s).intValue()) : Progbar.UNKNOWN;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        calledInFit = true;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        calledInFit = false;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        resetProgbar();
        progbar(); // the clock starts now
        if (verbose != 0 && epochs > 1) {
            PrintStream o = out();
            o.println("Epoch " + (epoch + 1) + "/" + epochs);
            o.flush();
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        updateProgbar(batch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        finalizeProgbar(logs);
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        if (!calledInFit) {
            resetProgbar();
            progbar();
        }
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        if (!calledInFit) {
            updateProgbar(batch, logs);
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (!calledInFit) {
            finalizeProgbar(logs);
        }
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        resetProgbar();
        progbar();
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        updateProgbar(batch, null);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        finalizeProgbar(logs);
    }

    private void resetProgbar() {
        seen = 0;
        progbar = null;
    }

    private Progbar progbar() {
        if (progbar == null) {
            progbar = new Progbar(target, verbose, out(), dynamic());
        }
        return progbar;
    }

    private void updateProgbar(int batch, Map<String, Double> logs) {
        Progbar bar = progbar();
        seen = batch + 1;
        if (verbose == 1) {
            bar.update(seen, logs, false);
        }
    }

    private void finalizeProgbar(Map<String, Double> logs) {
        Progbar bar = progbar();
        if (target == Progbar.UNKNOWN) {
            target = Math.max(1, seen);
            bar.setTarget(target);
        }
        bar.update(target, logs, true);
    }
}
