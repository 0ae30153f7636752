package ganglion.callbacks;

import ganglion.models.Model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Several callbacks called as one, in list order, as Keras's {@code keras.callbacks.CallbackList}.
 * {@code fit()} builds one from the user's callbacks plus a {@code History} and, when {@code verbose} is
 * not 0, a {@link ProgbarLogger} (each only when the user did not pass one).
 */
public final class CallbackList extends Callback {

    private final List<Callback> callbacks;

    /** Wraps the callbacks (nulls are rejected). */
    public CallbackList(List<? extends Callback> callbacks) {
        List<Callback> copy = new ArrayList<>(callbacks.size());
        for (Callback c : callbacks) {
            if (c == null) {
                throw new IllegalArgumentException("CallbackList: callbacks must not contain null");
            }
            copy.add(c);
        }
        this.callbacks = Collections.unmodifiableList(copy);
    }

    /** The wrapped callbacks, in calling order. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /** The first wrapped callback of the given class, or null. */
    public <T extends Callback> T find(Class<T> type) {
        for (Callback c : callbacks) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @Override
    public void setModel(Model model) {
        super.setModel(model);
        for (Callback c : callbacks) {
            c.setModel(model);
        }
    }

    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        for (Callback c : callbacks) {
            c.setParams(params);
        }
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTrainBegin(logs);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTrainEnd(logs);
        }
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onEpochBegin(epoch, logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onEpochEnd(epoch, logs);
        }
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTrainBatchBegin(batch, logs);
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTrainBatchEnd(batch, logs);
        }
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTestBegin(logs);
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTestEnd(logs);
        }
    }

    @Override
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTestBatchBegin(batch, logs);
        }
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onTestBatchEnd(batch, logs);
        }
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onPredictBegin(logs);
        }
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onPredictEnd(logs);
        }
    }

    @Override
    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onPredictBatchBegin(batch, logs);
        }
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        for (Callback c : callbacks) {
            c.onPredictBatchEnd(batch, logs);
        }
    }
}
