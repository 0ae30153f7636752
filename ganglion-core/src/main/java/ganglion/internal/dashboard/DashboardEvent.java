package ganglion.internal.dashboard;

import ganglion.internal.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message of the training page (start, batch progress, epoch logs, sample predictions, end). The training
 * thread only fills in numbers; the JSON text is built on first use by a server thread and kept, so that a run
 * nobody watches never formats JSON at all.
 */
public abstract class DashboardEvent {

    /** Order of publication in its {@link EventLog}; set by the log before the event becomes visible. */
    long seq;
    private volatile String json;

    DashboardEvent() {
    }

    /** The event as the JSON object the page reads (built once, on the first call). */
    public final String json() {
        String j = json;
        if (j == null) {
            j = Json.dumps(toMap());
            json = j;
        }
        return j;
    }

    abstract Map<String, Object> toMap();

    /** The first message of a run: model name, summary table, epochs and steps per epoch, wall-clock start. */
    public static DashboardEvent start(String model, String summary, int epochs, Integer steps, double time) {
        return new DashboardEvent() {
            @Override
            Map<String, Object> toMap() {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "start");
                e.put("model", model);
                e.put("summary", summary);
                e.put("epochs", epochs);
                e.put("steps", steps);
                e.put("time", time);
                return e;
            }
        };
    }

    /** Progress within an epoch: step (1-based) of steps, seconds since the start, the running logs. */
    public static DashboardEvent batch(int epoch, int step, Integer steps, double elapsed, String[] keys,
                                       double[] values) {
        return new DashboardEvent() {
            @Override
            Map<String, Object> toMap() {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "batch");
                e.put("epoch", epoch);
                e.put("step", step);
                e.put("steps", steps);
                e.put("elapsed", elapsed);
                e.put("logs", logs(keys, values));
                return e;
            }
        };
    }

    /** The end of an epoch: its logs (validation included) and the learning rate (null when unknown). */
    public static DashboardEvent epoch(int epoch, double elapsed, String[] keys, double[] values, Double lr) {
        return new DashboardEvent() {
            @Override
            Map<String, Object> toMap() {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "epoch");
                e.put("epoch", epoch);
                e.put("elapsed", elapsed);
                e.put("logs", logs(keys, values));
                if (lr != null) {
                    e.put("lr", lr);
                }
                return e;
            }
        };
    }

    /** Sample predictions after an epoch: for each image of {@code grid}, the predicted class and its probability. */
    public static DashboardEvent samples(int epoch, SampleGrid grid, int[] predicted, float[] probability) {
        return new DashboardEvent() {
            @Override
            Map<String, Object> toMap() {
                List<Map<String, Object>> items = new ArrayList<>(predicted.length);
                for (int i = 0; i < predicted.length; i++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("img", "data:image/png;base64," + grid.png(i));
                    item.put("pred", grid.label(predicted[i]));
                    item.put("p", (double) probability[i]);
                    if (grid.hasTruth()) {
                        item.put("truth", grid.label(grid.truth(i)));
                    }
                    items.add(item);
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "samples");
                e.put("epoch", epoch);
                e.put("items", items);
                return e;
            }
        };
    }

    /** The last message of a run. */
    public static DashboardEvent end(double elapsed) {
        return new DashboardEvent() {
            @Override
            Map<String, Object> toMap() {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("type", "end");
                e.put("elapsed", elapsed);
                return e;
            }
        };
    }

    private static Map<String, Object> logs(String[] keys, double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }
}
