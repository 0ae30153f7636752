package ganglion.callbacks;

import ganglion.models.Model;

import java.util.Map;

/**
 * The base of every callback, as Keras's {@code keras.callbacks.Callback}, with Keras's hook names. Every
 * hook does nothing by default; override the ones you need. {@code logs} maps metric names ("loss",
 * "accuracy", "val_loss", ...) to values, in alphabetical order; epoch-end logs include the validation
 * values and may be extended by callbacks (later callbacks and History see the additions).
 *
 * <p>{@code fit()} calls, in order: {@code onTrainBegin}; per epoch {@code onEpochBegin}, per batch
 * {@code onTrainBatchBegin}/{@code onTrainBatchEnd}, then the silent validation's {@code onTest*} hooks,
 * then {@code onEpochEnd}; finally {@code onTrainEnd} with the last epoch's logs. To stop training (as
 * EarlyStopping does), call {@code model().setStopTraining(true)}: fit stops after the current batch.
 */
public abstract class Callback {

    private Model model;
    private Map<String, Object> params = Map.of();

    /** The model being trained (set by fit/evaluate/predict before the first hook). */
    public Model model() {
        return model;
    }

    public void setModel(Model model) {
        this.model = model;
    }

    /** Run parameters: "epochs", "steps", "verbose". */
    public Map<String, Object> params() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }

    public void onTrainBegin(Map<String, Double> logs) {
    }

    public void onTrainEnd(Map<String, Double> logs) {
    }

    public void onEpochBegin(int epoch, Map<String, Double> logs) {
    }

    public void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    /** Called before each training batch; by default calls {@link #onBatchBegin} (as Keras does). */
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        onBatchBegin(batch, logs);
    }

    /** Called after each training batch with the running logs; by default calls {@link #onBatchEnd}. */
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        onBatchEnd(batch, logs);
    }

    /** Keras's older name for {@link #onTrainBatchBegin} ({@code on_batch_begin}), kept for ported code. */
    public void onBatchBegin(int batch, Map<String, Double> logs) {
    }

    /** Keras's older name for {@link #onTrainBatchEnd} ({@code on_batch_end}), kept for ported code. */
    public void onBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onTestBegin(Map<String, Double> logs) {
    }

    public void onTestEnd(Map<String, Double> logs) {
    }

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onPredictBegin(Map<String, Double> logs) {
    }

    public void onPredictEnd(Map<String, Double> logs) {
    }

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    }
}
