package ganglion.models;

import ganglion.losses.Loss;
import ganglion.losses.Losses;
import ganglion.metrics.Metric;
import ganglion.metrics.Metrics;
import ganglion.optimizers.Optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code compile()} fixed for each output of a model, as Keras's {@code CompileLoss} and
 * {@code CompileMetrics}: a loss (a {@link Loss} or a name; none for an output without one), a loss weight,
 * and metrics. With several outputs Keras logs each output's unweighted loss as {@code "<output>_loss"} and
 * each metric as {@code "<output>_<metric>"}; with one output the names are plain. Names that depend on the
 * data ("accuracy", "crossentropy") are resolved from the first batch's shapes.
 */
final class OutputSpecs {

    final Optimizer optimizer;
    final List<String> outputNames;
    private final Object[] lossSpecs;
    final double[] weights;
    private final List<List<Object>> metricSpecs;
    private Loss[] losses;
    /** The Compiled these specs go with (a later plain compile() replaces them). */
    Compiled source;
    private List<List<Metric>> metrics;
    /** Whether compile() got a loss per output (dict or list form) rather than one for all. */
    private final boolean perOutput;

    private OutputSpecs(Optimizer optimizer, List<String> outputNames, Object[] lossSpecs, double[] weights,
                        List<List<Object>> metricSpecs, boolean perOutput) {
        this.perOutput = perOutput;
        if (optimizer == null) {
            throw new IllegalArgumentException("compile(): optimizer must not be null");
        }
        this.optimizer = optimizer;
        this.outputNames = List.copyOf(outputNames);
        this.lossSpecs = lossSpecs;
        this.weights = weights;
        this.metricSpecs = metricSpecs;
        boolean any = false;
        for (Object l : lossSpecs) {
            if (l != null && !(l instanceof Loss) && !(l instanceof String)) {
                throw new IllegalArgumentException("compile(): each loss must be a Loss or a loss name. Received: "
                        + l.getClass().getName());
            }
            if (l instanceof String && !shapeDependent((String) l)) {
                Losses.get((String) l);   // fails now on an unknown name
            }
            any |= l != null;
        }
        if (!any) {
            throw new IllegalArgumentException("compile(): no output of the model has a loss; give at least one. "
                    + "Outputs: " + outputNames);
        }
        for (List<Object> ms : metricSpecs) {
            for (Object m : ms) {
                if (m instanceof String && !isAccuracy((String) m)) {
                    Metrics.get((String) m);
                } else if (!(m instanceof String) && !(m instanceof Metric)) {
                    throw new IllegalArgumentException("compile(): metrics must be names or Metric objects. Received: "
                            + m);
                }
            }
        }
    }

    private static boolean shapeDependent(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        return l.equals("crossentropy") || l.equals("ce");
    }

    private static boolean isAccuracy(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        return l.equals("accuracy") || l.equals("acc");
    }

    /** One loss (and the metrics) for every output, as Keras does when compile() gets a single loss. */
    static OutputSpecs broadcast(Optimizer optimizer, Object loss, List<?> metrics, List<String> outputNames) {
        int n = outputNames.size();
        Object[] ls = new Object[n];
        double[] ws = new double[n];
        List<List<Object>> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ls[i] = loss instanceof Loss && i > 0 ? copyOf((Loss) loss) : loss;
            ws[i] = 1.0;
            ms.add(List.copyOf(metrics));
        }
        return new OutputSpecs(optimizer, outputNames, ls, ws, ms, false);
    }

    private static Object copyOf(Loss loss) {
        return loss;   // losses keep no state between calls: sharing one is safe
    }

    /** Per-output specs keyed by output layer name (Keras's dict form); missing outputs get no loss. */
    static OutputSpecs fromMaps(Optimizer optimizer, Map<String, ?> losses, Map<String, ? extends Number> lossWeights,
                                Map<String, ? extends List<?>> metrics, List<String> outputNames) {
        checkKeys("loss", losses, outputNames);
        checkKeys("lossWeights", lossWeights, outputNames);
        checkKeys("metrics", metrics, outputNames);
        int n = outputNames.size();
        Object[] ls = new Object[n];
        double[] ws = new double[n];
        List<List<Object>> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = outputNames.get(i);
            ls[i] = losses.get(name);
            Number w = lossWeights == null ? null : lossWeights.get(name);
            ws[i] = w == null ? 1.0 : w.doubleValue();
            List<?> m = metrics == null ? null : metrics.get(name);
            ms.add(m == null ? List.of() : List.copyOf(m));
        }
        return new OutputSpecs(optimizer, outputNames, ls, ws, ms, true);
    }

    /** The settings as compile() got them. */
    CompileSettings settings() {
        List<Object> ls = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            ls.add(lossSpecs[i]);
            ws.add(weights[i]);
        }
        return new CompileSettings(optimizer, outputNames, java.util.Collections.unmodifiableList(ls), List.copyOf(ws),
                List.copyOf(metricSpecs), perOutput);
    }

    private static void checkKeys(String what, Map<String, ?> map, List<String> outputNames) {
        if (map == null) {
            if (what.equals("loss")) {
                throw new IllegalArgumentException("compile(): the losses must not be null");
            }
            return;
        }
        for (String k : map.keySet()) {
            if (!outputNames.contains(k)) {
                throw new IllegalArgumentException("compile(): in the `" + what + "` argument, key '" + k
                        + "' does not correspond to any model output. Received: " + what + "=" + map.keySet()
                        + ". The model's outputs are " + outputNames + ".");
            }
        }
    }

    /** Per-output specs in output order (Keras's list form); lossWeights and metrics may be null. */
    static OutputSpecs fromLists(Optimizer optimizer, List<?> losses, List<? extends Number> lossWeights,
                                 List<? extends List<?>> metrics, List<String> outputNames) {
        int n = outputNames.size();
        checkLength("loss", losses, n, outputNames);
        checkLength("lossWeights", lossWeights, n, outputNames);
        checkLength("metrics", metrics, n, outputNames);
        Object[] ls = losses.toArray();
        double[] ws = new double[n];
        List<List<Object>> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ws[i] = lossWeights == null || lossWeights.get(i) == null ? 1.0 : lossWeights.get(i).doubleValue();
            List<?> m = metrics == null ? null : metrics.get(i);
            ms.add(m == null ? List.of() : List.copyOf(m));
        }
        return new OutputSpecs(optimizer, outputNames, ls, ws, ms, true);
    }

    private static void checkLength(String what, List<?> list, int n, List<String> outputNames) {
        if (list == null) {
            if (what.equals("loss")) {
                throw new IllegalArgumentException("compile(): the losses must not be null");
            }
            return;
        }
        if (list.size() != n) {
            throw new IllegalArgumentException("compile(): `" + what + "` has " + list.size() + " entries but the "
                    + "model has " + n + " outputs " + outputNames + "; give one entry per output (null for none), "
                    + "or use a Map keyed by output name.");
        }
    }

    Object lossSpec(int i) {
        return lossSpecs[i];
    }

    List<Object> metricSpecs(int i) {
        return metricSpecs.get(i);
    }

    int size() {
        return outputNames.size();
    }

    /** Resolves shape-dependent names from one batch's shapes (with batch axis); once. */
    synchronized void resolve(List<int[]> yShapes, List<int[]> predShapes) {
        if (losses != null) {
            return;
        }
        int n = size();
        Loss[] ls = new Loss[n];
        List<List<Metric>> ms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        names.add("loss");
        boolean several = n > 1;
        for (int i = 0; i < n; i++) {
            Object spec = lossSpecs[i];
            if (spec instanceof Loss) {
                ls[i] = (Loss) spec;
            } else if (spec != null) {
                ls[i] = Losses.get((String) spec, yShapes.get(i), predShapes.get(i));
            }
            if (several && ls[i] != null) {
                names.add(outputNames.get(i) + "_loss");
            }
            List<Metric> out = new ArrayList<>();
            for (Object m : metricSpecs.get(i)) {
                Metric metric = m instanceof Metric ? (Metric) m
                        : Metrics.get((String) m, yShapes.get(i), predShapes.get(i));
                if (several) {
                    metric = metric.name(outputNames.get(i) + "_" + metric.name());
                }
                if (!names.add(metric.name())) {
                    throw new IllegalArgumentException("compile(): two metrics (or a metric and a loss) are named '"
                            + metric.name() + "'; give each metric a distinct name");
                }
                out.add(metric);
            }
            ms.add(out);
        }
        losses = ls;
        metrics = ms;
    }

    /** Whether {@link #resolve} has run. */
    synchronized boolean resolved() {
        return losses != null;
    }

    Loss loss(int i) {
        return losses[i];
    }

    List<Metric> metrics(int i) {
        return metrics.get(i);
    }

    /** Whether the per-output losses are logged by name (several outputs). */
    boolean logsPerOutputLoss() {
        return size() > 1;
    }

    /** Keras's {@code metrics_names} order: "loss", each output's loss, then each output's metrics. */
    List<String> logOrder() {
        List<String> r = new ArrayList<>();
        r.add("loss");
        if (logsPerOutputLoss()) {
            for (int i = 0; i < size(); i++) {
                if (losses[i] != null) {
                    r.add(outputNames.get(i) + "_loss");
                }
            }
        }
        for (int i = 0; i < size(); i++) {
            for (Metric m : metrics.get(i)) {
                r.add(m.name());
            }
        }
        return r;
    }
}
