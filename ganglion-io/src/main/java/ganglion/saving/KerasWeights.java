package ganglion.saving;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Dropout;
import ganglion.layers.Layer;
import ganglion.layers.Recurrent;
import ganglion.models.Model;
import ganglion.optimizers.Optimizer;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 3's weights layout ({@code model.weights.h5} inside a ".keras" zip, and ".weights.h5" files), as
 * {@code saving_lib._save_state} and {@code H5IOStore} write it: {@code layers/<entry>/vars/0, 1, ...} where
 * the entry is the snake-cased <em>class</em> name made unique ("dense", "dense_1"), not the layer's name;
 * recurrent layers keep their weights under {@code layers/lstm/cell/vars}; nested models under
 * {@code layers/<entry>/layers/...}; the optimizer under {@code optimizer/vars/0..} (iteration, learning
 * rate, then the slots interleaved per variable); an empty root {@code vars}.
 */
final class KerasWeights {

    private KerasWeights() {
    }

    // ------------------------------------------------------------------ writing

    static void write(H5Tree.Group root, Model model, boolean withOptimizer) {
        writeContainer(root, model);
        if (withOptimizer && model.isCompiled() && model.optimizer() != null) {
            writeOptimizer(root.putGroup("optimizer"), model.optimizer());
        }
        root.putGroup("vars");
    }

    private static void writeContainer(H5Tree.Group g, Model model) {
        H5Tree.Group layers = g.putGroup("layers");
        Map<String, Integer> used = new HashMap<>();
        for (Layer l : model.layers()) {
            H5Tree.Group lg = layers.putGroup(uniqueName(l, used));
            writeLayer(lg, l);
        }
    }

    private static void writeLayer(H5Tree.Group lg, Layer l) {
        if (l instanceof Model m) {
            writeContainer(lg, m);
            lg.putGroup("vars");
            return;
        }
        if (l instanceof ganglion.layers.Bidirectional b) {
            lg.putGroup("vars");
            writeLayer(lg.putGroup("forward_layer"), b.forwardLayer());
            writeLayer(lg.putGroup("backward_layer"), b.backwardLayer());
            return;
        }
        if (l instanceof ganglion.layers.TimeDistributed t) {
            lg.putGroup("vars");
            writeLayer(lg.putGroup("layer"), t.layer());
            return;
        }
        if (l instanceof Recurrent<?>) {
            lg.putGroup("vars");
            H5Tree.Group cell = lg.putGroup("cell");
            putVars(cell.putGroup("vars"), l.variables());
            putSeed(cell, seedOf(l.getConfig()));
            return;
        }
        putVars(lg.putGroup("vars"), l.variables());
        if (l instanceof Dropout d && d.rate() > 0) {
            putSeed(lg, d.seed());
        }
    }

    private static Long seedOf(Map<String, Object> config) {
        return config.get("seed") instanceof Number n ? n.longValue() : null;
    }

    /** Keras layers with randomness keep a SeedGenerator whose state [seed, counter] is saved (uint32). */
    private static void putSeed(H5Tree.Group parent, Long seed) {
        int s = seed == null ? 0 : (int) (long) seed;
        parent.putGroup("seed_generator").putGroup("vars").putDataset("0", new int[]{s, 0});
    }

    private static void putVars(H5Tree.Group vars, List<Variable> vs) {
        for (int i = 0; i < vs.size(); i++) {
            H5Data.putTensor(vars, String.valueOf(i), vs.get(i).value());
        }
    }

    static void writeOptimizer(H5Tree.Group og, Optimizer o) {
        H5Tree.Group vars = og.putGroup("vars");
        List<Tensor> state = o.stateTensors();
        vars.putDataset("0", Long.valueOf(o.iterations()));
        for (int i = 1; i < state.size(); i++) {
            H5Data.putTensor(vars, String.valueOf(i), state.get(i));
        }
    }

    /** Keras's {@code _get_unique_name}: snake-cased class name, then "_1", "_2", ... */
    static String uniqueName(Layer l, Map<String, Integer> used) {
        String base = snake(ModelConfigs.className(l));
        Integer n = used.get(base);
        used.put(base, n == null ? 1 : n + 1);
        return n == null ? base : base + "_" + n;
    }

    static String snake(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ reading

    /** Whether a file's root looks like Keras 3's layout. */
    static boolean isKeras3Layout(Group root) {
        return root.getChildren().containsKey("layers") && !root.getAttributes().containsKey("layer_names");
    }

    /** Loads every layer's weights (all checked before any is assigned), then the optimizer state if wanted. */
    static void read(Group root, Model model, Path file, boolean withOptimizer) throws GanglionFormatException {
        try {
            List<Runnable> assignments = new ArrayList<>();
            readContainer(root, model, file, "", assignments);
            List<Tensor> optState = null;
            Group og = H5Data.group(root, "optimizer/vars");
            Long iterations = null;
            if (withOptimizer && og != null && model.isCompiled() && model.optimizer() != null) {
                optState = H5Data.readVars(og, file, "optimizer/vars");
                iterations = exactLong(og, "0", file);
            }
            for (Runnable r : assignments) {
                r.run();
            }
            if (optState != null) {
                loadOptimizer(model, optState, iterations, file);
            }
        } catch (GanglionFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "damaged or unreadable weights: " + e, e);
        }
    }

    private static void readContainer(Group g, Model model, Path file, String prefix, List<Runnable> out)
            throws GanglionFormatException {
        Group layers = H5Data.group(g, "layers");
        if (layers == null) {
            throw new GanglionFormatException(file, "no group '" + prefix + "layers' for model '" + model.name()
                    + "': not a Keras 3 weights file, or a different architecture");
        }
        Map<String, Integer> used = new HashMap<>();
        for (Layer l : model.layers()) {
            String key = uniqueName(l, used);
            String path = prefix + "layers/" + key;
            Group lg = H5Data.group(layers, key);
            if (lg == null) {
                if (l.variables().isEmpty()) {
                    continue;
                }
                throw new GanglionFormatException(file, "no weights at '" + path + "' for layer '" + l.name()
                        + "' (" + ModelConfigs.className(l) + "); the file has " + layers.getChildren().keySet());
            }
            if (l instanceof Model m) {
                readContainer(lg, m, file, path + "/", out);
                continue;
            }
            List<Tensor> values = wrappedValues(l, lg, file, path);
            List<Variable> vs = l.variables();
            if (values.size() != vs.size()) {
                throw new GanglionFormatException(file, "layer '" + l.name() + "' (" + ModelConfigs.className(l)
                        + ") expects " + vs.size() + " weights but '" + path + "' holds " + values.size());
            }
            for (int i = 0; i < vs.size(); i++) {
                checkShape(vs.get(i), values.get(i), file, path + "/vars/" + i, l);
            }
            out.add(() -> l.setWeights(values));
        }
    }

    /** Bidirectional keeps forward_layer/ and backward_layer/, TimeDistributed layer/, each a layer group. */
    private static List<Tensor> wrappedValues(Layer l, Group lg, Path file, String path) throws GanglionFormatException {
        if (l instanceof ganglion.layers.Bidirectional) {
            List<Tensor> r = new ArrayList<>();
            for (String side : new String[]{"forward_layer", "backward_layer"}) {
                Group g = H5Data.group(lg, side);
                if (g == null) {
                    throw new GanglionFormatException(file, "no group '" + path + "/" + side + "' for layer '"
                            + l.name() + "' (Bidirectional)");
                }
                r.addAll(layerValues(g, file, path + "/" + side));
            }
            return r;
        }
        if (l instanceof ganglion.layers.TimeDistributed && H5Data.group(lg, "layer") != null) {
            return layerValues(H5Data.group(lg, "layer"), file, path + "/layer");
        }
        return layerValues(lg, file, path);
    }

    private static List<Tensor> layerValues(Group lg, Path file, String path) throws GanglionFormatException {
        Group vars = H5Data.group(lg, "vars");
        List<Tensor> values = vars == null ? new ArrayList<>() : H5Data.readVars(vars, file, path + "/vars");
        if (values.isEmpty()) {
            Group cell = H5Data.group(lg, "cell/vars");
            if (cell != null) {
                values = H5Data.readVars(cell, file, path + "/cell/vars");
            }
        }
        return values;
    }

    static void checkShape(Variable v, Tensor t, Path file, String where, Layer l) throws GanglionFormatException {
        if (!java.util.Arrays.equals(v.shape(), t.shape())) {
            throw new GanglionFormatException(file, where + " has shape " + java.util.Arrays.toString(t.shape())
                    + " but layer '" + l.name() + "' weight '" + v.name() + "' has shape "
                    + java.util.Arrays.toString(v.shape()));
        }
    }

    /** Restores iteration, learning rate and slots; with only two values (unbuilt), just the first two. */
    static void loadOptimizer(Model model, List<Tensor> state, Long iterations, Path file)
            throws GanglionFormatException {
        Optimizer o = model.optimizer();
        try {
            if (state.size() == 2) {
                o.setLearningRate(state.get(1).item());
            } else {
                o.loadState(state, model.variables());
            }
            o.setIterations(iterations != null ? iterations : (long) state.get(0).item());
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "the saved optimizer state does not fit model '" + model.name()
                    + "': " + e.getMessage(), e);
        }
    }

    /** An integer scalar dataset read without going through float (iteration counts beyond 2^24). */
    static Long exactLong(Group g, String name, Path file) throws GanglionFormatException {
        Node n = g.getChildren().get(name);
        if (n instanceof Dataset d && d.isScalar()) {
            Object v = H5Data.scalar(d, file, g.getPath() + "/" + name);
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
        }
        return null;
    }

    /** For tests and tools: the dataset at a path, or null. */
    static Dataset dataset(Group root, String path) {
        Node n = H5Data.child(root, path);
        return n instanceof Dataset d ? d : null;
    }
}
