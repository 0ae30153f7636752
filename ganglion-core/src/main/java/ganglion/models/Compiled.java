package ganglion.models;

import ganglion.losses.Loss;
import ganglion.losses.Losses;
import ganglion.metrics.Metric;
import ganglion.metrics.Metrics;
import ganglion.optimizers.Optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code compile()} fixed: the optimizer, the loss and the metrics. Names are checked at once;
 * those that depend on the data ("accuracy", "crossentropy") are resolved on first use from the shapes of
 * the targets and predictions, as Keras's compile utilities do.
 */
final class Compiled {

    final Optimizer optimizer;
    private final String lossName;
    private Loss loss;
    private final List<Object> metricSpecs;
    private List<Metric> metrics;

    /** {@code loss} is a Loss or a name; each metric a Metric or a name. */
    Compiled(Optimizer optimizer, Object loss, List<?> metricSpecs) {
        this.optimizer = Objects.requireNonNull(optimizer, "compile(): optimizer must not be null");
        Objects.requireNonNull(loss, "compile(): loss must not be null");
        if (loss instanceof Loss) {
            this.loss = (Loss) loss;
            this.lossName = null;
        } else {
            String name = (String) loss;
            this.lossName = name;
            if (!shapeDependentLoss(name)) {
                this.loss = Losses.get(name);
            }
        }
        List<Object> specs = new ArrayList<>();
        for (Object m : metricSpecs) {
            if (m == null) {
                throw new IllegalArgumentException("compile(): metrics must not contain null");
            }
            if (!(m instanceof String) && !(m instanceof Metric)) {
                throw new IllegalArgumentException("compile(): metrics must be names or Metric objects. Received: "
                        + m.getClass().getName());
            }
            if (m instanceof String && !shapeDependentMetric((String) m)) {
                Metrics.get((String) m); // fails now, naming the valid identifiers, if the name is unknown
            }
            specs.add(m);
        }
        this.metricSpecs = Collections.unmodifiableList(specs);
    }

    private static boolean shapeDependentLoss(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("crossentropy") || lower.equals("ce");
    }

    private static boolean shapeDependentMetric(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("accuracy") || lower.equals("acc");
    }

    /** The loss as given to compile(): a Loss or a name (for per-output training of functional models). */
    Object lossSpec() {
        return lossName != null ? lossName : loss;
    }

    /** The metrics as given to compile(): names and Metric objects. */
    List<Object> metricSpecs() {
        return metricSpecs;
    }

    /** The loss, resolving a shape-dependent name against these shapes (with batch axis) on first use. */
    synchronized Loss loss(int[] yTrueShape, int[] yPredShape) {
        if (loss == null) {
            loss = Losses.get(lossName, yTrueShape, yPredShape);
        }
        return loss;
    }

    /** The loss once known, else null. */
    synchronized Loss resolvedLoss() {
        return loss;
    }

    /** The metric objects, resolving names against these shapes (with batch axis) on the first call. */
    synchronized List<Metric> metrics(int[] yTrueShape, int[] yPredShape) {
        if (metrics == null) {
            List<Metric> r = new ArrayList<>();
            Set<String> names = new HashSet<>();
            names.add("loss");
            for (Object spec : metricSpecs) {
                Metric m = spec instanceof Metric ? (Metric) spec
                        : Metrics.get((String) spec, yTrueShape, yPredShape);
                if (!names.add(m.name())) {
                    throw new IllegalArgumentException("compile(): two metrics (or a metric and the loss) are named '"
                            + m.name() + "'; give each metric a distinct name");
                }
                r.add(m);
            }
            metrics = Collections.unmodifiableList(r);
        }
        return metrics;
    }

    /** The metrics once resolved, else an empty list. */
    synchronized List<Metric> resolvedMetrics() {
        return metrics == null ? List.of() : metrics;
    }
}
