package ganglion.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model or its weights during training, as Keras's {@code keras.callbacks.ModelCheckpoint}.
 * The file path is a Python format template filled with {@code epoch} (1-based), {@code batch} (when saving
 * every few batches) and the logs, e.g. {@code "ckpt/{epoch:02d}-{val_loss:.4f}.keras"}. With
 * {@code saveBestOnly}, a file is written only when the monitored value improves on the best so far; with
 * {@code verbose > 0} it prints Keras's messages, e.g.
 * {@code "Epoch 1: val_loss improved from inf to 0.12345, saving model to best.keras"}. Whole models go
 * through {@code model.save} (".keras" or ".h5"), weights through {@code model.saveWeights} (".weights.h5");
 * both need the ganglion-io module, which {@code io.ganglion:ganglion} brings.
 *
 * <pre>{@code
 * new ModelCheckpoint("best.keras").monitor("val_accuracy").mode("max").saveBestOnly(true).verbose(1)
 * }</pre>
 */
public class ModelCheckpoint extends Callback {

    private final String filepath;
    private String monitor = "val_loss";
    private int verbose;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private String mode = "auto";
    private int saveFreq;
    private Double initialValueThreshold;

    private boolean higherIsBetter;
    private double best;
    private int currentEpoch;
    private int lastBatchSeen = -1;
    private int batchesSinceLastSave;
    private Path lastSaved;

    /** Saves to {@code filepath} (a template) at the end of every epoch, monitoring "val_loss". */
    public ModelCheckpoint(String filepath) {
        if (filepath == null || filepath.isEmpty()) {
            throw new IllegalArgumentException("ModelCheckpoint: filepath must be a file name such as \"model.keras\"");
        }
        this.filepath = filepath;
    }

    /** Saves to {@code filepath} (a template). */
    public ModelCheckpoint(Path filepath) {
        this(filepath.toString());
    }

    /** @param monitor the log compared by saveBestOnly; default "val_loss" */
    public ModelCheckpoint monitor(String monitor) {
        this.monitor = monitor;
        return this;
    }

    /** @param verbose 1 prints a line for each save decision; default 0 */
    public ModelCheckpoint verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** @param only write only when the monitored value improves; default false */
    public ModelCheckpoint saveBestOnly(boolean only) {
        this.saveBestOnly = only;
        return this;
    }

    /** @param only write the weights (a ".weights.h5" path) instead of the whole model; default false */
    public ModelCheckpoint saveWeightsOnly(boolean only) {
        this.saveWeightsOnly = only;
        return this;
    }

    /** @param mode "auto", "min" or "max"; default "auto" ("acc" in the name means max, otherwise min) */
    public ModelCheckpoint mode(String mode) {
        this.mode = MonitorMode.check("ModelCheckpoint", mode);
        return this;
    }

    /** @param freq "epoch" (the default) */
    public ModelCheckpoint saveFreq(String freq) {
        if (!"epoch".equals(freq)) {
            throw new IllegalArgumentException("Unrecognized save_freq: " + freq + ". Expected saveFreq are \"epoch\" "
                    + "or integer values");
        }
        this.saveFreq = 0;
        return this;
    }

    /** @param batches save every this many training batches instead of every epoch */
    public ModelCheckpoint saveFreq(int batches) {
        if (batches <= 0) {
            throw new IllegalArgumentException("ModelCheckpoint: saveFreq must be a positive number of batches. "
                    + "Received: saveFreq=" + batches);
        }
        this.saveFreq = batches;
        return this;
    }

    /** @param threshold the value to beat before the first save with saveBestOnly; default none (inf/-inf) */
    public ModelCheckpoint initialValueThreshold(double threshold) {
        this.initialValueThreshold = threshold;
        return this;
    }

    /** The best monitored value so far (inf or -inf before any). */
    public double best() {
        return best;
    }

    /** The path written last, or null. */
    public Path lastSaved() {
        return lastSaved;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        checkExtension();
        higherIsBetter = mode.equals("max") || (mode.equals("auto")
                && (monitor.contains("acc") || monitor.startsWith("fmeasure")));
        best = initialValueThreshold != null ? initialValueThreshold
                : higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        lastBatchSeen = -1;
        batchesSinceLastSave = 0;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        currentEpoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (shouldSaveOnBatch(batch)) {
            save(currentEpoch, batch, logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveFreq == 0) {
            save(epoch, -1, logs);
        }
    }

    private boolean shouldSaveOnBatch(int batch) {
        if (saveFreq == 0) {
            return false;
        }
        int add = batch <= lastBatchSeen ? batch + 1 : batch - lastBatchSeen;
        batchesSinceLastSave += add;
        lastBatchSeen = batch;
        if (batchesSinceLastSave >= saveFreq) {
            batchesSinceLastSave = 0;
            return true;
        }
        return false;
    }

    /** The file name for an epoch (0-based) and batch (0-based, or -1 at epoch end), as Keras fills it. */
    public String filePath(int epoch, int batch, Map<String, Double> logs) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (logs != null) {
            values.putAll(logs);
        }
        values.put("epoch", epoch + 1);
        if (batch >= 0 && (logs == null || !logs.containsKey("batch"))) {
            values.put("batch", batch + 1);
        }
        return PyTemplate.format(filepath, values);
    }

    private void save(int epoch, int batch, Map<String, Double> logs) {
        Path path = Path.of(filePath(epoch, batch, logs));
        if (saveBestOnly) {
            Double current = logs == null ? null : logs.get(monitor);
            if (current == null) {
                System.err.println("WARNING: Can save best model only with " + monitor + " available, skipping.");
                return;
            }
            boolean improved = higherIsBetter ? current > best : current < best;
            if (improved) {
                message("Epoch " + (epoch + 1) + ": " + monitor + " improved from " + PyFormat.fixed(best, 5) + " to "
                        + PyFormat.fixed(current, 5) + ", saving model to " + path);
                best = current;
                write(path);
            } else {
                message("Epoch " + (epoch + 1) + ": " + monitor + " did not improve from " + PyFormat.fixed(best, 5));
            }
        } else {
            message("Epoch " + (epoch + 1) + ": saving model to " + path);
            write(path);
        }
    }

    private void message(String text) {
        if (verbose > 0) {
            model().output().print("\n" + text + "\n");
        }
    }

    /** Writes the model or its weights; overridable to save elsewhere (tests, remote stores). */
    protected void write(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: could not create the folder " + dir, e);
        }
        if (saveWeightsOnly) {
            model().saveWeights(path);
        } else {
            model().save(path);
        }
        lastSaved = path;
    }

    private void checkExtension() {
        if (saveWeightsOnly) {
            if (!filepath.endsWith(".weights.h5")) {
                throw new IllegalArgumentException("When using saveWeightsOnly(true) in ModelCheckpoint, the filepath "
                        + "provided must end in `.weights.h5` (Keras weights format). Received: filepath=" + filepath);
            }
        } else if (!filepath.endsWith(".keras") && !filepath.endsWith(".h5")) {
            throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format) or "
                    + "`.h5` (legacy). Received: filepath=" + filepath);
        }
    }
}
