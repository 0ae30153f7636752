package ganglion.saving;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Layer;
import ganglion.models.Model;
import ganglion.optimizers.Optimizer;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy Keras HDF5 layout ({@code keras/src/legacy/saving/legacy_h5_format.py}, as tf.keras 2 wrote it):
 * root attributes {@code keras_version}, {@code backend}, {@code model_config} and {@code training_config}
 * (JSON); group {@code model_weights} with attribute {@code layer_names} and one group per layer holding the
 * attribute {@code weight_names} and datasets {@code <layer>/<weight>:0}; group {@code optimizer_weights}.
 * Weights load positionally: the i-th layer with weights in the file goes to the i-th layer with weights in
 * the model, as Keras does. A weights-only file has the {@code model_weights} content at its root.
 *
 * <p>jHDF 0.10.0 cannot write empty arrays, so a layer without weights gets no {@code weight_names}
 * attribute; Keras's reader ({@code load_attributes_from_hdf5_group}) reads a missing one as empty.
 */
final class LegacyH5 {

    static final String KERAS_VERSION = "3.16.0";
    /** The weights follow the TensorFlow backend's layouts (channels_last kernels), which Keras reads as is. */
    static final String BACKEND = "tensorflow";

    private LegacyH5() {
    }

    // ------------------------------------------------------------------ writing

    static void writeModel(H5Tree.Group root, Model model) {
        root.putAttribute("backend", BACKEND);
        root.putAttribute("keras_version", KERAS_VERSION);
        Map<String, Object> cfg = new LinkedHashMap<>();
        Map<String, Object> full = ModelConfigs.serialize(model, false);
        cfg.put("class_name", full.get("class_name"));
        cfg.put("config", full.get("config"));
        root.putAttribute("model_config", JsonIO.write(cfg));
        if (model.isCompiled()) {
            Map<String, Object> tc = ModelConfigs.compileConfig(model);
            Object opt = tc.remove("optimizer");
            if (opt instanceof Map<?, ?> om) {
                Map<String, Object> oc = new LinkedHashMap<>();
                oc.put("class_name", om.get("class_name"));
                oc.put("config", om.get("config"));
                tc.put("optimizer_config", oc);
            }
            root.putAttribute("training_config", JsonIO.write(tc));
        }
        writeWeights(root.putGroup("model_weights"), model);
        if (model.isCompiled() && !model.optimizer().builtVariables().isEmpty()) {
            writeOptimizer(root.putGroup("optimizer_weights"), model.optimizer());
        }
    }

    /** layer_names, backend, keras_version and one group per layer (in sorted-name order, as Keras). */
    static void writeWeights(H5Tree.Group g, Model model) {
        List<String> names = new ArrayList<>();
        for (Layer l : model.layers()) {
            names.add(l.name());
        }
        g.putAttribute("layer_names", names.toArray(new String[0]));
        g.putAttribute("backend", BACKEND);
        g.putAttribute("keras_version", KERAS_VERSION);
        List<Layer> sorted = new ArrayList<>(model.layers());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (Layer l : sorted) {
            H5Tree.Group lg = g.putGroup(l.name());
            List<Variable> vs = l.variables();
            if (vs.isEmpty()) {
                continue;
            }
            List<String> wn = new ArrayList<>();
            Map<String, H5Tree.Group> groups = new LinkedHashMap<>();
            for (Variable v : vs) {
                String path = v.path() + ":0";
                wn.add(path);
                String[] parts = path.split("/");
                H5Tree.Group parent = lg;
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < parts.length - 1; i++) {
                    prefix.append(parts[i]).append('/');
                    H5Tree.Group existing = groups.get(prefix.toString());
                    if (existing == null) {
                        existing = parent.putGroup(parts[i]);
                        groups.put(prefix.toString(), existing);
                    }
                    parent = existing;
                }
                H5Data.putTensor(parent, parts[parts.length - 1], v.value());
            }
            lg.putAttribute("weight_names", wn.toArray(new String[0]));
        }
    }

    private static void writeOptimizer(H5Tree.Group og, Optimizer o) {
        List<Tensor> state = o.stateTensors();
        List<String> names = o.stateNames();
        List<String> full = new ArrayList<>();
        String prefix = o.name();
        H5Tree.Group g = og.putGroup(prefix);
        for (int i = 0; i < state.size(); i++) {
            String n = names.get(i);
            full.add(prefix + "/" + n);
            if (i == 0) {
                g.putDataset(n, Long.valueOf(o.iterations()));
            } else {
                H5Data.putTensor(g, n, state.get(i));
            }
        }
        og.putAttribute("weight_names", full.toArray(new String[0]));
    }

    // ------------------------------------------------------------------ reading

    /** Whether a root group is in the legacy layout (a full model or weights only). */
    static boolean isLegacy(Group root) {
        return root.getAttributes().containsKey("model_config") || root.getChildren().containsKey("model_weights")
                || root.getAttributes().containsKey("layer_names") || root.getAttributes().containsKey("layer_names0");
    }

    /** Rebuilds the model from model_config, loads its weights and, when compiled, the optimizer state. */
    static Model readModel(Group root, Path file) throws GanglionFormatException {
        String json = H5Data.string(root, "model_config");
        if (json == null) {
            throw new GanglionFormatException(file, "no model_config attribute: this .h5 file holds weights only; "
                    + "build the model in code and call model.loadWeights(path)");
        }
        Model model = ModelConfigs.deserializeModel(JsonIO.parseObject(json, file, "model_config"), file);
        String tc = H5Data.string(root, "training_config");
        if (tc != null) {
            Map<String, Object> training = JsonIO.parseObject(tc, file, "training_config");
            if (training.get("optimizer_config") instanceof Map<?, ?> oc) {
                Map<String, Object> opt = new LinkedHashMap<>();
                Object cls = oc.get("class_name");
                if (cls instanceof String s && s.contains(">")) {
                    cls = s.substring(s.lastIndexOf('>') + 1);
                }
                opt.put("class_name", cls);
                opt.put("config", oc.get("config"));
                training.put("optimizer", opt);
            }
            ModelConfigs.compile(model, training, file);
        }
        Group mw = H5Data.group(root, "model_weights");
        readWeights(mw != null ? mw : root, model, file);
        Group ow = H5Data.group(root, "optimizer_weights");
        if (ow != null && model.isCompiled()) {
            readOptimizer(ow, model, file);
        }
        return model;
    }

    /** Positional loading, as Keras's {@code load_weights_from_hdf5_group}. */
    static void readWeights(Group g, Model model, Path file) throws GanglionFormatException {
        try {
            List<String> layerNames = H5Data.chunkedStrings(g, "layer_names");
            List<String> filtered = new ArrayList<>();
            List<List<Tensor>> values = new ArrayList<>();
            for (String name : layerNames) {
                Group lg = H5Data.group(g, name);
                if (lg == null) {
                    throw new GanglionFormatException(file, "layer_names lists '" + name + "' but there is no such group");
                }
                List<String> wn = H5Data.chunkedStrings(lg, "weight_names");
                if (wn.isEmpty()) {
                    continue;
                }
                List<Tensor> ts = new ArrayList<>();
                for (String w : wn) {
                    Node n = H5Data.child(lg, w);
                    if (!(n instanceof Dataset ds)) {
                        throw new GanglionFormatException(file, "layer '" + name + "' lists weight '" + w
                                + "' but there is no such dataset");
                    }
                    ts.add(H5Data.readTensor(ds, file, name + "/" + w));
                }
                filtered.add(name);
                values.add(ts);
            }
            List<Layer> withWeights = new ArrayList<>();
            for (Layer l : model.layers()) {
                if (!l.variables().isEmpty()) {
                    withWeights.add(l);
                }
            }
            if (withWeights.size() != filtered.size()) {
                throw new GanglionFormatException(file, "Layer count mismatch when loading weights from file. Model "
                        + "expected " + withWeights.size() + " layers with weights, found " + filtered.size()
                        + " saved layers with weights " + filtered + ".");
            }
            for (int k = 0; k < withWeights.size(); k++) {
                Layer l = withWeights.get(k);
                List<Variable> vs = l.variables();
                List<Tensor> ts = values.get(k);
                if (vs.size() != ts.size()) {
                    throw new GanglionFormatException(file, "Weight count mismatch for layer #" + k + " (named '"
                            + l.name() + "' in the current model, '" + filtered.get(k) + "' in the save file). Layer "
                            + "expects " + vs.size() + " weight(s). Received " + ts.size() + " saved weight(s)");
                }
                for (int i = 0; i < vs.size(); i++) {
                    KerasWeights.checkShape(vs.get(i), ts.get(i), file, filtered.get(k) + " weight " + i, l);
                }
            }
            for (int k = 0; k < withWeights.size(); k++) {
                withWeights.get(k).setWeights(values.get(k));
            }
        } catch (GanglionFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "damaged or unreadable legacy weights: " + e, e);
        }
    }

    /** Optimizer state in Keras 3's order (iteration, learning_rate, slots); other layouts are skipped. */
    private static void readOptimizer(Group ow, Model model, Path file) throws GanglionFormatException {
        try {
            List<String> names = H5Data.chunkedStrings(ow, "weight_names");
            if (names.size() < 2 || !names.get(1).endsWith("learning_rate")) {
                return; // tf.keras 2 layout (no learning-rate variable, slots by kind): Keras 3 skips it too
            }
            List<Tensor> state = new ArrayList<>();
            for (String n : names) {
                Node node = H5Data.child(ow, n);
                if (!(node instanceof Dataset ds)) {
                    throw new GanglionFormatException(file, "optimizer_weights lists '" + n + "' but has no such dataset");
                }
                state.add(H5Data.readTensor(ds, file, "optimizer_weights/" + n));
            }
            Long it = null;
            Node first = H5Data.child(ow, names.get(0));
            Object v = first instanceof Dataset d ? H5Data.scalar(d, file, "optimizer_weights/" + names.get(0)) : null;
            if (v instanceof Number num && !(v instanceof Float) && !(v instanceof Double)) {
                it = num.longValue();
            }
            KerasWeights.loadOptimizer(model, state, it, file);
        } catch (GanglionFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "damaged optimizer_weights: " + e, e);
        }
    }
}
