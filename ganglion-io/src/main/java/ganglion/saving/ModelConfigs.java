package ganglion.saving;

import ganglion.layers.Input;
import ganglion.layers.InputLayer;
import ganglion.layers.Layer;
import ganglion.losses.Loss;
import ganglion.losses.Losses;
import ganglion.metrics.Metric;
import ganglion.models.CompileSettings;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.Optimizer;
import ganglion.optimizers.Optimizers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model into Keras 3's serialized form ({@code serialize_keras_object(model)}: module, class_name,
 * config, registered_name, build_config, compile_config) and back, through the {@link LayerRegistry} only.
 */
final class ModelConfigs {

    private ModelConfigs() {
    }

    // ------------------------------------------------------------------ writing

    /** The whole config.json object for a model. */
    static Map<String, Object> serialize(Model model, boolean withCompile) {
        Map<String, Object> m = serializeLayer(model);
        if (withCompile && model.isCompiled()) {
            m.put("compile_config", compileConfig(model));
        }
        return m;
    }

    /** {"module", "class_name", "config", "registered_name", "build_config"} for a layer or nested model. */
    static Map<String, Object> serializeLayer(Layer layer) {
        String cls = className(layer);
        Map<String, Object> m = new LinkedHashMap<>();
        boolean functional = layer instanceof Model fm && fm.isFunctional();
        boolean builtin = LayerRegistry.isBuiltin(cls) || functional || layer instanceof Sequential;
        m.put("module", layer instanceof Sequential ? "keras" : functional ? "keras.src.models.functional"
                : builtin ? "keras.layers" : null);
        m.put("class_name", cls);
        m.put("config", layer instanceof Sequential s ? sequentialConfig(s)
                : functional ? functionalConfig((Model) layer) : layer.getConfig());
        m.put("registered_name", functional ? "Functional" : builtin ? null : cls);
        Map<String, Object> bc = layer.getBuildConfig();
        if (bc != null) {
            m.put("build_config", bc);
        }
        return m;
    }

    static String className(Layer layer) {
        if (layer instanceof Model m && m.isFunctional()) {
            return m.kerasClassName();
        }
        Class<?> c = layer.getClass();
        while (c.getSimpleName().isEmpty() && c.getSuperclass() != null) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    /** Model.getConfig()'s functional config, with Keras's module, registered_name and build_config added. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionalConfig(Model model) {
        if (model.getClass() != Model.class) {
            throw new IllegalArgumentException("model '" + model.name() + "' is a subclass of Model ("
                    + model.getClass().getName() + "); save its weights with saveWeights() instead");
        }
        Map<String, Object> c = model.getConfig();
        Map<String, Layer> byName = new java.util.HashMap<>();
        for (Layer l : model.layers()) {
            byName.put(l.name(), l);
        }
        List<Object> out = new ArrayList<>();
        for (Object o : (List<Object>) c.get("layers")) {
            Map<String, Object> e = (Map<String, Object>) o;
            Layer l = byName.get(String.valueOf(e.get("name")));
            Map<String, Object> full = new LinkedHashMap<>();
            if (l == null || l instanceof InputLayer) {
                full.put("module", "keras.layers");
                full.put("class_name", e.get("class_name"));
                full.put("config", e.get("config"));
                full.put("registered_name", null);
            } else {
                full.putAll(serializeLayer(l));
            }
            full.put("name", e.get("name"));
            full.put("inbound_nodes", e.get("inbound_nodes"));
            out.add(full);
        }
        c.put("layers", out);
        return c;
    }

    private static Map<String, Object> sequentialConfig(Sequential s) {
        if (s.getClass() != Sequential.class) {
            throw new IllegalArgumentException("model '" + s.name() + "' is a subclass of Sequential ("
                    + s.getClass().getName() + "); only plain Sequential and functional models can be saved with "
                    + "their architecture. Save the weights with saveWeights() instead.");
        }
        Map<String, Object> c = s.getConfig();
        List<Object> layers = new ArrayList<>();
        int[] in = s.declaredInputShape();
        if (in == null && s.isBuilt()) {
            in = s.builtInputShape();
        }
        if (in != null) {
            Map<String, Object> il = new LinkedHashMap<>();
            il.put("module", "keras.layers");
            il.put("class_name", "InputLayer");
            Map<String, Object> ic = new LinkedHashMap<>();
            List<Integer> shape = new ArrayList<>();
            shape.add(null);
            for (int d : in) {
                shape.add(d < 0 ? null : d);
            }
            ic.put("batch_shape", shape);
            ic.put("dtype", "float32");
            ic.put("sparse", false);
            ic.put("ragged", false);
            ic.put("name", s.inputLayer() != null ? s.inputLayer().name() : "input_layer");
            ic.put("optional", false);
            il.put("config", ic);
            il.put("registered_name", null);
            layers.add(il);
        }
        for (Layer l : s.layers()) {
            layers.add(serializeLayer(l));
        }
        c.put("layers", layers);
        return c;
    }

    /**
     * Keras 3's compile_config: optimizer, loss, loss_weights, metrics and the fixed defaults, written from what
     * compile() was given. A per-output compile becomes dicts keyed by output name, as Keras writes
     * {@code compile(loss={"a": ..., "b": ...})}.
     */
    static Map<String, Object> compileConfig(Model model) {
        CompileSettings s = model.compileSettings();
        Map<String, Object> cc = new LinkedHashMap<>();
        cc.put("optimizer", serializeOptimizer(s.optimizer()));
        if (!s.perOutput()) {
            cc.put("loss", serializeLoss(s.losses().get(0)));
            cc.put("loss_weights", null);
            List<Object> metrics = serializeMetrics(s.metrics().get(0));
            cc.put("metrics", metrics.isEmpty() ? null : metrics);
        } else {
            Map<String, Object> losses = new LinkedHashMap<>();
            Map<String, Object> weights = new LinkedHashMap<>();
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (int i = 0; i < s.outputNames().size(); i++) {
                String out = s.outputNames().get(i);
                losses.put(out, serializeLoss(s.losses().get(i)));
                weights.put(out, s.lossWeights().get(i));
                List<Object> ms = serializeMetrics(s.metrics().get(i));
                if (!ms.isEmpty()) {
                    metrics.put(out, ms);
                }
            }
            cc.put("loss", losses);
            cc.put("loss_weights", weights);
            cc.put("metrics", metrics.isEmpty() ? null : metrics);
        }
        cc.put("weighted_metrics", null);
        cc.put("run_eagerly", false);
        cc.put("steps_per_execution", 1);
        cc.put("jit_compile", false);
        return cc;
    }

    /** Metric specs as compile_config writes them: names as given, Metric objects by their name. */
    private static List<Object> serializeMetrics(List<Object> specs) {
        List<Object> names = new ArrayList<>();
        for (Object m : specs) {
            names.add(m instanceof Metric metric ? metric.name() : m);
        }
        return names;
    }

    static Map<String, Object> serializeOptimizer(Optimizer o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras.optimizers");
        m.put("class_name", o.getClass().getSimpleName());
        m.put("config", o.getConfig());
        m.put("registered_name", null);
        return m;
    }

    private static Object serializeLoss(Object spec) {
        if (!(spec instanceof Loss loss)) {
            return spec;   // a name, or null for an output without a loss
        }
        try {
            Loss byName = Losses.get(loss.name());
            if (byName.getClass() == loss.getClass() && byName.getConfig().equals(loss.getConfig())) {
                return loss.name();
            }
        } catch (IllegalArgumentException e) {
            // not a plain name: write the object
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", "keras.losses");
        m.put("class_name", loss.getClass().getSimpleName());
        m.put("config", loss.getConfig());
        m.put("registered_name", null);
        return m;
    }

    // ------------------------------------------------------------------ reading

    /** Rebuilds a model (unbuilt layers get built from the input shape) from a serialized model object. */
    static Model deserializeModel(Map<String, Object> root, Path file) throws GanglionFormatException {
        Object cls = root.get("class_name");
        if (!(cls instanceof String)) {
            throw new GanglionFormatException(file, "the model config has no class_name");
        }
        Layer l = deserializeLayer(root, file, 0);
        if (!(l instanceof Model m)) {
            throw new GanglionFormatException(file, "the config describes a " + cls + " layer, not a model");
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Layer deserializeLayer(Map<String, Object> entry, Path file, int depth) throws GanglionFormatException {
        if (depth > 32) {
            throw new GanglionFormatException(file, "models are nested more than 32 levels deep");
        }
        Object clsObj = entry.get("class_name");
        if (!(clsObj instanceof String cls)) {
            throw new GanglionFormatException(file, "a layer entry has no class_name: " + brief(entry));
        }
        Map<String, Object> cfgMap = entry.get("config") instanceof Map<?, ?> mm ? (Map<String, Object>) mm : Map.of();
        LayerConfig cfg = new LayerConfig(cls, cfgMap);
        Layer layer;
        try {
            switch (cls) {
                case "Sequential":
                    layer = sequential(cfg, entry, file, depth);
                    break;
                case "Functional":
                case "Model":
                    layer = functional(cfgMap, file, depth);
                    break;
                default:
                    LayerFactory f = factory(cls, entry.get("registered_name"));
                    if (f == null) {
                        throw new GanglionFormatException(file, "the config names layer class '" + cls + "'"
                                + (cfg.name() == null ? "" : " (layer '" + cfg.name() + "')")
                                + ", which is not in Ganglion's layer registry. Known classes: "
                                + LayerRegistry.names() + ". For your own layer, call LayerRegistry.register(\""
                                + cls + "\", config -> new MyLayer(...)) before loading.");
                    }
                    layer = f.create(cfg);
                    if (layer == null) {
                        throw new GanglionFormatException(file, "the factory for '" + cls + "' returned null");
                    }
                    applyCommon(layer, cfg);
            }
        } catch (GanglionFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "could not rebuild layer '" + cfg.name() + "' (" + cls + "): "
                    + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // one oversized weight allocation failed as a whole (e.g. a config asking for Dense(500000000)):
            // nothing else was disturbed, so report the file instead of failing the JVM's caller
            throw new GanglionFormatException(file, "layer '" + cfg.name() + "' (" + cls + ") asks for more memory "
                    + "than the JVM has: its config sizes are absurd or the heap (-Xmx) is too small", null);
        }
        return layer;
    }

    /** A checked exception carried through Functional.fromConfig's callback. */
    private static final class Carrier extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Carrier(GanglionFormatException e) {
            super(e);
        }
    }

    private static Model functional(Map<String, Object> cfg, Path file, int depth) throws GanglionFormatException {
        try {
            return ganglion.models.Functional.fromConfig(cfg, entry -> {
                if ("InputLayer".equals(entry.get("class_name"))) {
                    return null;   // Functional creates inputs from their batch_shape
                }
                try {
                    return deserializeLayer(entry, file, depth + 1);
                } catch (GanglionFormatException e) {
                    throw new Carrier(e);
                }
            });
        } catch (Carrier c) {
            throw (GanglionFormatException) c.getCause();
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "could not rebuild the functional model: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new GanglionFormatException(file, "the functional model asks for more memory than the JVM has: "
                    + "its layer sizes are absurd or the heap (-Xmx) is too small", null);
        }
    }

    private static LayerFactory factory(String cls, Object registeredName) {
        if (registeredName instanceof String r) {
            LayerFactory f = LayerRegistry.get(r);
            if (f != null) {
                return f;
            }
            int gt = r.lastIndexOf('>');
            if (gt >= 0 && LayerRegistry.get(r.substring(gt + 1)) != null) {
                return LayerRegistry.get(r.substring(gt + 1));
            }
        }
        return LayerRegistry.get(cls);
    }

    private static void applyCommon(Layer layer, LayerConfig cfg) {
        if (cfg.name() != null) {
            layer.name(cfg.name());
        }
        int[] in = cfg.batchInputShape();
        if (in != null) {
            layer.inputShape(in);
        }
        if (!cfg.getBool("trainable", true)) {
            layer.setTrainable(false);
        }
        if (cfg.has("activity_regularizer")) {
            layer.activityRegularizer(cfg.regularizer("activity_regularizer"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Sequential sequential(LayerConfig cfg, Map<String, Object> entry, Path file, int depth)
            throws GanglionFormatException {
        Sequential s = new Sequential();
        if (cfg.name() != null) {
            s.name(cfg.name());
        }
        Object ls = cfgLayers(cfg, file);
        boolean hasInput = false;
        for (Object o : (List<Object>) ls) {
            if (!(o instanceof Map)) {
                throw new GanglionFormatException(file, "Sequential '" + cfg.name() + "': a layer entry is not an object");
            }
            Map<String, Object> le = (Map<String, Object>) o;
            if ("InputLayer".equals(le.get("class_name"))) {
                LayerConfig ic = new LayerConfig("InputLayer",
                        le.get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
                int[] shape = ic.batchInputShape();
                if (shape == null) {
                    throw new GanglionFormatException(file, "InputLayer '" + ic.name() + "' has no batch_shape");
                }
                s.add(ic.name() == null ? Input.of(shape) : Input.named(ic.name(), shape));
                hasInput = true;
                continue;
            }
            Layer l = deserializeLayer(le, file, depth + 1);
            try {
                s.add(l);
            } catch (RuntimeException e) {
                throw new GanglionFormatException(file, "could not build layer '" + l.name() + "' ("
                        + className(l) + ") in Sequential '" + s.name() + "': " + e.getMessage(), e);
            } catch (OutOfMemoryError e) {
                throw new GanglionFormatException(file, "layer '" + l.name() + "' (" + className(l) + ") asks for "
                        + "more memory than the JVM has: its config sizes are absurd or the heap (-Xmx) is too small",
                        null);
            }
        }
        if (!hasInput && !s.isBuilt() && !s.layers().isEmpty() && s.declaredInputShape() == null) {
            int[] shape = buildShape(cfg, entry);
            if (shape != null) {
                s.inputShape(shape);
            }
        }
        if (!cfg.getBool("trainable", true)) {
            s.setTrainable(false);
        }
        return s;
    }

    private static Object cfgLayers(LayerConfig cfg, Path file) throws GanglionFormatException {
        Object ls = cfg.get("layers");
        if (!(ls instanceof List)) {
            throw new GanglionFormatException(file, "Sequential '" + cfg.name() + "' has no \"layers\" list");
        }
        return ls;
    }

    /** build_input_shape in the config, or build_config.input_shape, without the batch axis. */
    private static int[] buildShape(LayerConfig cfg, Map<String, Object> entry) {
        if (cfg.has("build_input_shape")) {
            int[] s = cfg.getShape("build_input_shape");
            return s.length > 0 ? java.util.Arrays.copyOfRange(s, 1, s.length) : null;
        }
        if (entry.get("build_config") instanceof Map<?, ?> bc && bc.get("input_shape") != null) {
            @SuppressWarnings("unchecked")
            LayerConfig b = new LayerConfig("build_config", (Map<String, Object>) bc);
            int[] s = b.getShape("input_shape");
            return s.length > 0 ? java.util.Arrays.copyOfRange(s, 1, s.length) : null;
        }
        return null;
    }

    /**
     * Compiles the model from a Keras compile_config: optimizer, and loss / loss_weights / metrics either single
     * or per output (dicts keyed by output name, or lists in output order).
     */
    static void compile(Model model, Map<String, Object> cc, Path file) throws GanglionFormatException {
        try {
            Optimizer opt = optimizer(cc.get("optimizer"));
            Object loss = cc.get("loss");
            Object weights = cc.get("loss_weights");
            Object metrics = cc.get("metrics");
            if (loss instanceof Map<?, ?> lm && !(lm.get("class_name") instanceof String)) {
                Map<String, Object> losses = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : lm.entrySet()) {
                    losses.put(String.valueOf(e.getKey()), lossSpec(e.getValue()));
                }
                model.compile(opt, losses, weightMap(weights), metricMap(metrics));
            } else if (loss instanceof List<?> ll) {
                List<Object> losses = new ArrayList<>();
                for (Object l : ll) {
                    losses.add(lossSpec(l));
                }
                model.compile(opt, losses, weightList(weights), metricLists(metrics, ll.size()));
            } else if (loss != null) {
                Object spec = lossSpec(loss);
                String[] names = metricNames(metrics).toArray(new String[0]);
                if (spec instanceof Loss l) {
                    model.compile(opt, l, names);
                } else {
                    model.compile(opt, (String) spec, names);
                }
            }
        } catch (RuntimeException e) {
            throw new GanglionFormatException(file, "could not compile the model from compile_config: "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optimizer optimizer(Object o) {
        if (o instanceof String name) {
            return Optimizers.get(name);
        }
        if (o instanceof Map<?, ?> om && om.get("class_name") instanceof String cls) {
            Map<String, ?> conf = om.get("config") instanceof Map<?, ?> c ? (Map<String, ?>) c : Map.of();
            return Optimizers.fromConfig(cls, conf);
        }
        return Optimizers.get("rmsprop");
    }

    /** A loss name, a Loss from a serialized object, or null. */
    @SuppressWarnings("unchecked")
    private static Object lossSpec(Object l) {
        if (l == null || l instanceof String) {
            return l;
        }
        if (l instanceof Map<?, ?> lm && lm.get("class_name") instanceof String cls) {
            Map<String, ?> conf = lm.get("config") instanceof Map<?, ?> c ? (Map<String, ?>) c : Map.of();
            return Losses.fromConfig(cls, conf);
        }
        throw new IllegalArgumentException("a loss must be a name or a serialized loss object; found " + brief(l));
    }

    /** Metric names from a list of names and serialized metric objects (their config's name). */
    private static List<String> metricNames(Object metrics) {
        List<String> names = new ArrayList<>();
        if (metrics instanceof List<?> ml) {
            for (Object m : ml) {
                if (m instanceof String s) {
                    names.add(s);
                } else if (m instanceof Map<?, ?> mm && mm.get("config") instanceof Map<?, ?> mc
                        && mc.get("name") instanceof String s) {
                    names.add(s);
                }
            }
        }
        return names;
    }

    private static Map<String, Number> weightMap(Object weights) {
        if (weights == null) {
            return null;
        }
        if (!(weights instanceof Map<?, ?> wm)) {
            throw new IllegalArgumentException("loss_weights must be a dict like the loss; found " + brief(weights));
        }
        Map<String, Number> r = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : wm.entrySet()) {
            if (e.getValue() != null) {
                r.put(String.valueOf(e.getKey()), number(e.getValue()));
            }
        }
        return r;
    }

    private static List<Number> weightList(Object weights) {
        if (weights == null) {
            return null;
        }
        if (!(weights instanceof List<?> wl)) {
            throw new IllegalArgumentException("loss_weights must be a list like the loss; found " + brief(weights));
        }
        List<Number> r = new ArrayList<>();
        for (Object w : wl) {
            r.add(w == null ? null : number(w));
        }
        return r;
    }

    private static Number number(Object o) {
        if (o instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("a loss weight must be a number; found " + brief(o));
    }

    private static Map<String, List<?>> metricMap(Object metrics) {
        if (metrics == null) {
            return null;
        }
        if (!(metrics instanceof Map<?, ?> mm)) {
            throw new IllegalArgumentException("metrics must be a dict keyed by output name like the loss; found "
                    + brief(metrics));
        }
        Map<String, List<?>> r = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : mm.entrySet()) {
            r.put(String.valueOf(e.getKey()), metricNames(e.getValue() instanceof String s ? List.of(s) : e.getValue()));
        }
        return r;
    }

    /** Per-output metric lists: a list of lists, or one flat list that Keras applies to every output. */
    private static List<List<?>> metricLists(Object metrics, int outputs) {
        if (metrics == null) {
            return null;
        }
        if (!(metrics instanceof List<?> ml)) {
            throw new IllegalArgumentException("metrics must be a list like the loss; found " + brief(metrics));
        }
        List<List<?>> r = new ArrayList<>();
        boolean nested = !ml.isEmpty() && ml.stream().allMatch(m -> m == null || m instanceof List<?>);
        for (int i = 0; i < outputs; i++) {
            r.add(nested ? (i < ml.size() ? metricNames(ml.get(i)) : List.of()) : metricNames(ml));
        }
        return r;
    }

    static String brief(Object o) {
        String s = String.valueOf(o);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** The input shape of an InputLayer object, for nested use. */
    static int[] inputShape(InputLayer l) {
        return l.shape();
    }
}
