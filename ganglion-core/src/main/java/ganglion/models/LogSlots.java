package ganglion.models;

import ganglion.metrics.Metric;

import java.util.Arrays;
import java.util.List;

/** Where "loss" and each metric sit in the alphabetically sorted logs, so a step fills them by index. */
final class LogSlots {

    final String[] keys;
    private final int loss;
    private final int[] metric;

    LogSlots(List<Metric> metrics) {
        keys = new String[metrics.size() + 1];
        keys[0] = "loss";
        for (int i = 0; i < metrics.size(); i++) {
            keys[i + 1] = metrics.get(i).name();
        }
        Arrays.sort(keys);
        loss = Arrays.binarySearch(keys, "loss");
        metric = new int[metrics.size()];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = Arrays.binarySearch(keys, metrics.get(i).name());
        }
    }

    /** Fresh logs with these names. */
    StepLogs newLogs() {
        return new StepLogs(keys);
    }

    /** Writes the running mean loss and each metric's current result. */
    void fill(StepLogs logs, double meanLoss, List<Metric> metrics) {
        logs.set(loss, meanLoss);
        for (int i = 0; i < metric.length; i++) {
            logs.set(metric[i], metrics.get(i).result());
        }
    }
}
