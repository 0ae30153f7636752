package ganglion.callbacks;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A callback built from lambdas, as Keras's {@code keras.callbacks.LambdaCallback}: pass the hooks you
 * need, the others do nothing.
 *
 * <pre>{@code
 * new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(epoch + " " + logs.get("loss")))
 * }</pre>
 */
public class LambdaCallback extends Callback {

    /** A hook that receives an index (epoch or batch, 0-based) and the logs. */
    @FunctionalInterface
    public interface IndexedHook {
        void accept(int index, Map<String, Double> logs);
    }

    private IndexedHook epochBegin;
    private IndexedHook epochEnd;
    private IndexedHook batchBegin;
    private IndexedHook batchEnd;
    private Consumer<Map<String, Double>> trainBegin;
    private Consumer<Map<String, Double>> trainEnd;

    public LambdaCallback onEpochBegin(IndexedHook hook) {
        this.epochBegin = hook;
        return this;
    }

    public LambdaCallback onEpochEnd(IndexedHook hook) {
        this.epochEnd = hook;
        return this;
    }

    /** Called at the start of every training batch (Keras's {@code on_batch_begin}). */
    public LambdaCallback onBatchBegin(IndexedHook hook) {
        this.batchBegin = hook;
        return this;
    }

    /** Called at the end of every training batch (Keras's {@code on_batch_end}). */
    public LambdaCallback onBatchEnd(IndexedHook hook) {
        this.batchEnd = hook;
        return this;
    }

    public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> hook) {
        this.trainBegin = hook;
        return this;
    }

    public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> hook) {
        this.trainEnd = hook;
        return this;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        if (epochBegin != null) {
            epochBegin.accept(epoch, logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (epochEnd != null) {
            epochEnd.accept(epoch, logs);
        }
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        if (batchBegin != null) {
            batchBegin.accept(batch, logs);
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (batchEnd != null) {
            batchEnd.accept(batch, logs);
        }
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        if (trainBegin != null) {
            trainBegin.accept(logs);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (trainEnd != null) {
            trainEnd.accept(logs);
        }
    }
}
