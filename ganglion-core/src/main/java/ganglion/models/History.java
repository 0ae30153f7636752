package ganglion.models;

import ganglion.callbacks.Callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of a {@code fit()}, as Keras's {@code keras.callbacks.History}: {@link #history()} maps each
 * logged name ("accuracy", "loss", "val_accuracy", "val_loss", ...) to its value per epoch, keys in
 * alphabetical order, and {@link #epoch()} lists the epochs run (0-based). {@code fit()} adds one to its
 * callbacks and returns it.
 */
public class History extends Callback {

    private final Map<String, List<Double>> history = new TreeMap<>();
    private final List<Integer> epochs = new ArrayList<>();

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        epochs.clear();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** Name → values per epoch, names in alphabetical order. Read-only views. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> view = new TreeMap<>();
        for (Map.Entry<String, List<Double>> e : history.entrySet()) {
            view.put(e.getKey(), Collections.unmodifiableList(e.getValue()));
        }
        return Collections.unmodifiableMap(view);
    }

    /** The 0-based indices of the epochs run. */
    public List<Integer> epoch() {
        return Collections.unmodifiableList(epochs);
    }

    @Override
    public String toString() {
        return "History" + history;
    }
}
