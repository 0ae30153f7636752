package ganglion.plot;

import ganglion.Tensor;
import ganglion.models.History;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tutorials' matplotlib figures in one call each:
 * <pre>{@code
 * Plots.history(h, "accuracy", "val_accuracy").save(Path.of("acc.png"));   // plt.plot(...) per key
 * Plots.historyGrid(h).save(Path.of("curves.png"));                        // accuracy | loss subplots
 * Plots.images(xTest.slice(0, 25), yTest.slice(0, 25), 5).save(Path.of("samples.png"));  // imshow grid
 * Plots.confusionMatrix(cm, classNames).save(Path.of("cm.svg"));
 * }</pre>
 * Curves use matplotlib's default colours (tab:blue, tab:orange, ...), a title, axis titles, a legend and
 * a grid; x counts epochs from 1 as Keras prints them.
 */
public final class Plots {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** matplotlib's "tab10" colour cycle. */
    static final Color[] TAB10 = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
            new Color(0x17becf)};

    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 480;

    private Plots() {
    }

    // ------------------------------------------------------------------ training curves

    /**
     * One line per key of a fit's History, e.g. {@code history(h, "accuracy", "val_accuracy")}: title
     * "Model Accuracy", x axis "epoch", legend "Train Accuracy" / "Validation Accuracy". With no keys,
     * every logged key is drawn.
     */
    public static Figure history(History history, String... keys) {
        return history(history.history(), keys);
    }

    /** As {@link #history(History, String...)}, from a {@code history.history()} map. */
    public static Figure history(Map<String, List<Double>> history, String... keys) {
        List<String> use = keys.length == 0 ? new ArrayList<>(history.keySet()) : List.of(keys);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String k : use) {
            List<Double> v = history.get(k);
            if (v == null) {
                throw new IllegalArgumentException("Plots.history: no key '" + k + "' in the history; it has "
                        + history.keySet());
            }
            series.put(legendLabel(k), v);
        }
        String base = baseName(use.get(0));
        boolean same = use.stream().allMatch(k -> baseName(k).equals(base));
        String title = same ? "Model " + capitalize(base) : "Training History";
        return new Figure(List.of(lineChart(title, "epoch", same ? capitalize(base) : "value", series)::paint), 1,
                CHART_WIDTH, CHART_HEIGHT);
    }

    /**
     * Seed 001's figure: accuracy (train and validation) left, loss right, as two subplots of one figure
     * ({@code plt.subplot(1, 2, 1)} / {@code (1, 2, 2)}). Metrics other than accuracy (e.g. "mae") take the
     * left panel when there is no accuracy; with only a loss, the figure has one panel.
     */
    public static Figure historyGrid(History history) {
        return historyGrid(history.history());
    }

    /** As {@link #historyGrid(History)}, from a {@code history.history()} map. */
    public static Figure historyGrid(Map<String, List<Double>> history) {
        List<Panel> panels = new ArrayList<>();
        String metric = null;
        for (String k : history.keySet()) {
            String b = baseName(k);
            if (!b.equals("loss") && !b.equals("learning_rate") && (metric == null || b.contains("acc"))) {
                metric = b;
            }
        }
        if (metric != null) {
            panels.add(historyPanel(history, metric));
        }
        if (history.containsKey("loss")) {
            panels.add(historyPanel(history, "loss"));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("Plots.historyGrid: the history is empty (did fit run any epoch?)");
        }
        return new Figure(panels, 2, 600, 400);
    }

    private static Panel historyPanel(Map<String, List<Double>> history, String base) {
        Map<String, List<Double>> s = new LinkedHashMap<>();
        s.put(legendLabel(base), history.get(base));
        if (history.containsKey("val_" + base)) {
            s.put(legendLabel("val_" + base), history.get("val_" + base));
        }
        return lineChart("Model " + capitalize(base), "epoch", capitalize(base), s)::paint;
    }

    /**
     * Free-form curves over epochs, each series labelled as given, e.g. seed 001's fine-tuning figure:
     * {@code curves("Model Accuracy", "Epochs", "Accuracy", Map.of("Initial Training Accuracy", acc, ...))}.
     */
    public static Figure curves(String title, String xLabel, String yLabel, Map<String, List<Double>> series) {
        return new Figure(List.of(lineChart(title, xLabel, yLabel, series)::paint), 1, CHART_WIDTH, CHART_HEIGHT);
    }

    /**
     * A scatter plot of predictions against true values with the ideal line y = x, as regression tutorials
     * draw it ({@code plt.scatter(y_test, y_pred)}).
     */
    public static Figure predictedVsActual(Tensor actual, Tensor predicted, String title) {
        float[] a = actual.toFloatArray();
        float[] p = predicted.toFloatArray();
        if (a.length != p.length) {
            throw new IllegalArgumentException("Plots.predictedVsActual: " + a.length + " true values but " + p.length
                    + " predictions");
        }
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
            y[i] = p[i];
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        XYChart c = chart(title, "actual", "predicted");
        XYSeries pts = c.addSeries("predictions", x, y);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(TAB10[0]);
        XYSeries line = c.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(TAB10[3]);
        c.getStyler().setMarkerSize(5);
        return new Figure(List.of(c::paint), 1, CHART_WIDTH, CHART_HEIGHT);
    }

    // ------------------------------------------------------------------ images and matrices

    /**
     * A grid of images like {@code plt.imshow} in subplots, each titled with its label: {@code images} is
     * [n, h, w] or [n, h, w, 1] (grey) or [n, h, w, 3] (RGB), values in 0..1 or 0..255; {@code labels}
     * holds class indices or one-hot rows (or null for no titles).
     */
    public static Figure images(Tensor images, Tensor labels, int columns) {
        return images(images, labels, null, columns);
    }

    /** As {@link #images(Tensor, Tensor, int)}, titling each image with {@code classNames[label]}. */
    public static Figure images(Tensor images, Tensor labels, String[] classNames, int columns) {
        int n = images.shape(0);
        List<String> captions = new ArrayList<>(n);
        if (labels != null) {
            int[] idx = ganglion.utils.Labels.toIndices(labels);
            if (idx.length != n) {
                throw new IllegalArgumentException("Plots.images: " + n + " images but " + idx.length + " labels");
            }
            for (int i : idx) {
                captions.add(classNames != null && i >= 0 && i < classNames.length ? classNames[i] : Integer.toString(i));
            }
        }
        return images(images, captions, columns);
    }

    /** A grid of images, each titled with its caption (an empty list: no titles). */
    public static Figure images(Tensor images, List<String> captions, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("Plots.images: columns must be >= 1; got " + columns);
        }
        ImagePanels grid = ImagePanels.of(images);
        List<Panel> panels = new ArrayList<>(grid.count());
        for (int i = 0; i < grid.count(); i++) {
            String caption = i < captions.size() ? captions.get(i) : null;
            panels.add(grid.panel(i, caption));
        }
        int side = Math.max(100, Math.min(200, 4 * Math.max(grid.height(), grid.width())));
        return new Figure(panels, columns, side, side + (captions.isEmpty() ? 0 : 20));
    }

    /**
     * A confusion matrix as scikit-learn's {@code ConfusionMatrixDisplay} draws it: cells shaded from white
     * to blue by count, the counts written in them, "Predicted label" across and "True label" down.
     */
    public static Figure confusionMatrix(int[][] matrix, String... classNames) {
        return MatrixPanel.figure(matrix, classNames);
    }

    // ------------------------------------------------------------------ helpers

    static XYChart lineChart(String title, String xLabel, String yLabel, Map<String, List<Double>> series) {
        XYChart c = chart(title, xLabel, yLabel);
        c.getStyler().setLegendPosition(rising(series) ? Styler.LegendPosition.InsideSE
                : Styler.LegendPosition.InsideNE);
        int i = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            List<Double> v = e.getValue();
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int j = 0; j < v.size(); j++) {
                if (v.get(j) != null && Double.isFinite(v.get(j))) {
                    xs.add(j + 1.0);
                    ys.add(v.get(j));
                }
            }
            if (xs.isEmpty()) {
                xs.add(1.0);
                ys.add(0.0);
            }
            XYSeries s = c.addSeries(e.getKey(), xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(TAB10[i++ % TAB10.length]);
        }
        return c;
    }

    /** Whether the curves mostly go up (then the legend goes bottom right, out of their way, as "best" would). */
    static boolean rising(Map<String, List<Double>> series) {
        int votes = 0;
        for (List<Double> v : series.values()) {
            if (v.size() >= 2 && v.get(0) != null && v.get(v.size() - 1) != null) {
                votes += v.get(v.size() - 1) > v.get(0) ? 1 : -1;
            }
        }
        return votes > 0;
    }

    static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.BLACK);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendBorderColor(new Color(0xcccccc));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return c;
    }

    /** "val_accuracy" gives "Validation Accuracy", "loss" gives "Train Loss". */
    static String legendLabel(String key) {
        return (key.startsWith("val_") ? "Validation " : "Train ") + capitalize(baseName(key));
    }

    static String baseName(String key) {
        return key.startsWith("val_") ? key.substring(4) : key;
    }

    static String capitalize(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.split("_")) {
            if (!w.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
            }
        }
        return sb.toString();
    }
}
