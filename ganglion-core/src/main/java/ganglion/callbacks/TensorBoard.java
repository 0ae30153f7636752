package ganglion.callbacks;

import ganglion.Variable;
import ganglion.internal.tensorboard.EventFileWriter;
import ganglion.internal.tensorboard.Summaries;
import ganglion.internal.tensorboard.Summaries.GraphNode;
import ganglion.layers.Layer;
import ganglion.models.Model;
import ganglion.internal.graph.LayerGraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code TensorBoard} callback: writes TensorBoard event files under {@code logDir/train} and
 * {@code logDir/validation}, as Keras does, so that {@code tensorboard --logdir logDir} shows the run.
 *
 * <ul>
 * <li>Every epoch: {@code epoch_<metric>} scalars (loss, accuracy, ..., and {@code epoch_learning_rate}) in
 * {@code train/}, and the {@code val_} metrics as {@code epoch_<metric>} in {@code validation/}, at step =
 * epoch (0-based); after each validation during fit, {@code evaluation_<metric>_vs_iterations} at the global
 * training step in {@code validation/}.</li>
 * <li>With {@code updateFreq("batch")} or {@code updateFreq(n)}: {@code batch_<metric>} scalars every n
 * batches at the global step.</li>
 * <li>With {@code histogramFreq(n)}: a histogram of every weight every n epochs, tagged
 * {@code <layer>/<weight>/histogram}.</li>
 * <li>With {@code writeGraph} (default on): the model's layer graph (each layer a node, its Keras class as
 * the op, edges from its inputs) for the Graphs dashboard.</li>
 * </ul>
 * Writing failures raise {@link UncheckedIOException} naming the folder. Files are flushed after each epoch.
 */
public class TensorBoard extends Callback {

    private final Path logDir;
    private int histogramFreq;
    private boolean writeGraph = true;
    private int updateFreq;      // 0: epoch; n > 0: every n batches
    private EventFileWriter train;
    private EventFileWriter validation;
    private long globalStep;

    /** Logs to {@code logDir} (Keras's default is "logs"). */
    public TensorBoard(Path logDir) {
        this.logDir = logDir;
    }

    /** Logs to {@code logDir}. */
    public TensorBoard(String logDir) {
        this(Path.of(logDir));
    }

    /** Logs to "logs", Keras's default. */
    public TensorBoard() {
        this(Path.of("logs"));
    }

    /** Histograms of the weights every {@code n} epochs (0, the default, writes none). */
    public TensorBoard histogramFreq(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("TensorBoard: histogramFreq must be >= 0, got " + n);
        }
        histogramFreq = n;
        return this;
    }

    /** Whether to write the model graph (default true). */
    public TensorBoard writeGraph(boolean write) {
        writeGraph = write;
        return this;
    }

    /** "epoch" (default) or "batch". */
    public TensorBoard updateFreq(String freq) {
        switch (freq) {
            case "epoch" -> updateFreq = 0;
            case "batch" -> updateFreq = 1;
            default -> throw new IllegalArgumentException("TensorBoard: updateFreq must be \"epoch\", \"batch\" "
                    + "or a number of batches, got \"" + freq + "\"");
        }
        return this;
    }

    /** Batch-level scalars every {@code batches} batches. */
    public TensorBoard updateFreq(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("TensorBoard: updateFreq must be >= 1 batch, got " + batches);
        }
        updateFreq = batches;
        return this;
    }

    public Path logDir() {
        return logDir;
    }

    private EventFileWriter trainWriter() throws IOException {
        if (train == null) {
            train = new EventFileWriter(logDir.resolve("train"));
        }
        return train;
    }

    private EventFileWriter validationWriter() throws IOException {
        if (validation == null) {
            validation = new EventFileWriter(logDir.resolve("validation"));
        }
        return validation;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("TensorBoard: cannot write event files under " + logDir + ": "
                + e.getMessage(), e);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        globalStep = 0;
        try {
            EventFileWriter w = trainWriter();
            if (writeGraph && model() != null) {
                w.write(Summaries.graph(graphNodes(), now()));
                w.flush();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private java.util.List<GraphNode> graphNodes() {
        java.util.List<GraphNode> out = new java.util.ArrayList<>();
        for (LayerGraph.Node n : LayerGraph.of(model())) {
            Map<String, String> attrs = new LinkedHashMap<>();
            if (n.outputShape() != null) {
                attrs.put("output_shape", Layer.withBatch(n.outputShape()));
            }
            attrs.put("params", String.valueOf(n.params()));
            out.add(new GraphNode(n.name(), n.className(), n.inputs(), attrs));
        }
        return out;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        globalStep++;
        if (updateFreq > 0 && globalStep % updateFreq == 0 && logs != null) {
            try {
                EventFileWriter w = trainWriter();
                for (Map.Entry<String, Double> e : logs.entrySet()) {
                    w.write(Summaries.scalar("batch_" + e.getKey(), e.getValue().floatValue(), globalStep, now()));
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (logs == null || globalStep == 0) {
            return;   // evaluate() outside fit writes nothing, as Keras
        }
        try {
            EventFileWriter w = validationWriter();
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                String name = e.getKey().startsWith("val_") ? e.getKey().substring(4) : e.getKey();
                w.write(Summaries.scalar("evaluation_" + name + "_vs_iterations", e.getValue().floatValue(),
                        globalStep, now()));
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        try {
            Map<String, Double> trainLogs = new LinkedHashMap<>();
            Map<String, Double> valLogs = new LinkedHashMap<>();
            if (logs != null) {
                for (Map.Entry<String, Double> e : logs.entrySet()) {
                    if (e.getKey().startsWith("val_")) {
                        valLogs.put(e.getKey().substring(4), e.getValue());
                    } else {
                        trainLogs.put(e.getKey(), e.getValue());
                    }
                }
            }
            if (model() != null && model().isCompiled() && !trainLogs.containsKey("learning_rate")) {
                trainLogs.put("learning_rate", (double) model().optimizer().learningRate());
            }
            double t = now();
            EventFileWriter w = trainWriter();
            for (Map.Entry<String, Double> e : trainLogs.entrySet()) {
                w.write(Summaries.scalar("epoch_" + e.getKey(), e.getValue().floatValue(), epoch, t));
            }
            if (histogramFreq > 0 && epoch % histogramFreq == 0 && model() != null) {
                for (Layer layer : model().layers()) {
                    for (Variable v : layer.variables()) {
                        w.write(Summaries.histogram(layer.name() + "/" + v.name() + "/histogram",
                                v.value().buffer(), 30, epoch, t));
                    }
                }
            }
            w.flush();
            if (!valLogs.isEmpty()) {
                EventFileWriter vw = validationWriter();
                for (Map.Entry<String, Double> e : valLogs.entrySet()) {
                    vw.write(Summaries.scalar("epoch_" + e.getKey(), e.getValue().floatValue(), epoch, t));
                }
                vw.flush();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        try {
            if (train != null) {
                train.close();
            }
            if (validation != null) {
                validation.close();
            }
        } catch (IOException e) {
            throw failure(e);
        } finally {
            train = null;
            validation = null;
        }
    }
}
