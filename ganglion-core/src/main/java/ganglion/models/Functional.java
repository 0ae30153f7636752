package ganglion.models;

import ganglion.layers.InputLayer;
import ganglion.layers.Layer;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilds functional models from their Keras config, as Keras 3's {@code functional_from_config}: creates
 * every layer, then replays the recorded calls ({@code inbound_nodes}) in dependency order, and returns
 * {@code new Model(inputs, outputs, name)}. A functional model is made with {@code new Model(inputs, outputs)};
 * its config is {@code model.getConfig()}.
 */
public final class Functional {

    private Functional() {
    }

    /**
     * The model described by a functional config ({@code {"name", "trainable", "layers", "input_layers",
     * "output_layers"}}). {@code layerFactory} turns each entry of "layers" (the whole entry: "class_name",
     * "config", ... as saved) into an unbuilt layer with that config's name; InputLayer entries are created here
     * from their "batch_shape" when the factory returns null. Nested models are the factory's business (it may
     * call this method again).
     *
     * @throws IllegalArgumentException for a config that names unknown layers or cannot be connected
     */
    @SuppressWarnings("unchecked")
    public static Model fromConfig(Map<String, Object> config, Function<Map<String, Object>, Layer> layerFactory) {
        List<Map<String, Object>> layerEntries = (List<Map<String, Object>>) config.get("layers");
        if (layerEntries == null) {
            throw new IllegalArgumentException("Functional.fromConfig(): the config has no \"layers\" entry");
        }
        Map<String, Layer> created = new LinkedHashMap<>();
        Map<Layer, List<List<SymbolicTensor>>> outputsByCall = new IdentityHashMap<>();
        Map<Layer, List<Object>> pending = new IdentityHashMap<>();
        List<Layer> order = new ArrayList<>();
        for (Map<String, Object> entry : layerEntries) {
            String name = (String) entry.get("name");
            Layer layer = layerFactory.apply(entry);
            if (layer == null && "InputLayer".equals(entry.get("class_name"))) {
                layer = inputLayer((Map<String, Object>) entry.get("config"));
            }
            if (layer == null) {
                throw new IllegalArgumentException("Functional.fromConfig(): the layer factory could not create layer '"
                        + name + "' of class " + entry.get("class_name"));
            }
            if (name == null) {
                name = layer.name();
            }
            created.put(name, layer);
            order.add(layer);
            List<List<SymbolicTensor>> outs = new ArrayList<>();
            if (layer instanceof InputLayer) {
                outs.add(List.of(((InputLayer) layer).output()));
            }
            outputsByCall.put(layer, outs);
            List<Object> nodes = (List<Object>) entry.get("inbound_nodes");
            pending.put(layer, nodes == null ? new ArrayList<>() : new ArrayList<>(nodes));
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Layer layer : order) {
                List<Object> nodes = pending.get(layer);
                Iterator<Object> it = nodes.iterator();
                while (it.hasNext()) {
                    List<SymbolicTensor> args = resolveArgs(it.next(), layer.extraInputsKeyword(), created,
                            outputsByCall);
                    if (args == null) {
                        break;   // an input is not there yet: try again after the other layers
                    }
                    outputsByCall.get(layer).add(layer.applyAll(args));
                    it.remove();
                    progress = true;
                }
            }
        }
        for (Layer layer : order) {
            if (!pending.get(layer).isEmpty()) {
                throw new IllegalArgumentException("Functional.fromConfig(): cannot connect layer '" + layer.name()
                        + "': its inputs are never produced by the layers in the config");
            }
        }
        Object in = config.get("input_layers");
        Object out = config.get("output_layers");
        String name = (String) config.get("name");
        Model model;
        if (isRef(in) && isRef(out)) {
            model = new Model(tensorOf((List<Object>) in, created, outputsByCall, true),
                    tensorOf((List<Object>) out, created, outputsByCall, true), name);
        } else {
            model = new Model(tensorsOf(in, created, outputsByCall), tensorsOf(out, created, outputsByCall), name);
        }
        Object trainable = config.get("trainable");
        if (Boolean.FALSE.equals(trainable)) {
            model.setTrainable(false);
        }
        return model;
    }

    private static InputLayer inputLayer(Map<String, Object> cfg) {
        Object shapeObj = cfg.get("batch_shape");
        if (shapeObj == null) {
            shapeObj = cfg.get("batch_input_shape");
        }
        List<?> batchShape = (List<?>) shapeObj;
        if (batchShape == null) {
            throw new IllegalArgumentException("Functional.fromConfig(): InputLayer config without batch_shape: " + cfg);
        }
        int[] shape = new int[batchShape.size() - 1];
        for (int i = 1; i < batchShape.size(); i++) {
            Object d = batchShape.get(i);
            shape[i - 1] = d == null ? -1 : ((Number) d).intValue();
        }
        InputLayer layer = new InputLayer(shape);
        Object name = cfg.get("name");
        if (name instanceof String) {
            layer.name((String) name);
        }
        return layer;
    }

    private static boolean isRef(Object o) {
        return o instanceof List && ((List<?>) o).size() == 3 && ((List<?>) o).get(0) instanceof String;
    }

    @SuppressWarnings("unchecked")
    private static List<SymbolicTensor> tensorsOf(Object refs, Map<String, Layer> created,
                                                  Map<Layer, List<List<SymbolicTensor>>> outputsByCall) {
        List<SymbolicTensor> r = new ArrayList<>();
        if (isRef(refs)) {
            r.add(tensorOf((List<Object>) refs, created, outputsByCall, true));
            return r;
        }
        if (refs instanceof Map) {
            for (Object v : ((Map<String, Object>) refs).values()) {
                r.add(tensorOf((List<Object>) v, created, outputsByCall, true));
            }
            return r;
        }
        for (Object ref : (List<Object>) refs) {
            r.add(tensorOf((List<Object>) ref, created, outputsByCall, true));
        }
        return r;
    }

    /** The tensor of a [layer, node, tensor] reference; {@code modelRef}: a nested functional model's node - 1. */
    private static SymbolicTensor tensorOf(List<Object> ref, Map<String, Layer> created,
                                           Map<Layer, List<List<SymbolicTensor>>> outputsByCall, boolean modelRef) {
        Layer layer = created.get((String) ref.get(0));
        if (layer == null) {
            throw new IllegalArgumentException("Functional.fromConfig(): unknown layer '" + ref.get(0) + "'");
        }
        int node = ((Number) ref.get(1)).intValue();
        if (modelRef && layer instanceof Model && ((Model) layer).isFunctional()) {
            node -= 1;
        }
        List<List<SymbolicTensor>> calls = outputsByCall.get(layer);
        if (node < 0 || node >= calls.size()) {
            return null;
        }
        return calls.get(node).get(((Number) ref.get(2)).intValue());
    }

    /**
     * The input tensors of one serialized call, or null when one is not produced yet. {@code keyword}: the layer's
     * {@link Layer#extraInputsKeyword()}, whose tensors follow the positional ones (Keras's initial_state).
     */
    @SuppressWarnings("unchecked")
    private static List<SymbolicTensor> resolveArgs(Object nodeData, String keyword, Map<String, Layer> created,
                                                    Map<Layer, List<List<SymbolicTensor>>> outputsByCall) {
        List<Object> flat = new ArrayList<>();
        if (nodeData instanceof Map) {
            flatten(((Map<String, Object>) nodeData).get("args"), flat);
            if (keyword != null && ((Map<String, Object>) nodeData).get("kwargs") instanceof Map<?, ?> kwargs) {
                flatten(kwargs.get(keyword), flat);
            }
        } else {
            // Keras 2 form: [[layer, node, tensor, kwargs], ...]
            for (Object o : (List<Object>) nodeData) {
                List<Object> ref = (List<Object>) o;
                flat.add(ref.subList(0, 3));
            }
        }
        List<SymbolicTensor> r = new ArrayList<>();
        for (Object o : flat) {
            List<Object> ref;
            if (o instanceof Map) {
                Map<String, Object> cfg = (Map<String, Object>) ((Map<String, Object>) o).get("config");
                ref = (List<Object>) cfg.get("keras_history");
            } else {
                ref = (List<Object>) o;
            }
            SymbolicTensor t = tensorOf(ref, created, outputsByCall, false);
            if (t == null) {
                return null;
            }
            r.add(t);
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Object args, List<Object> out) {
        if (args instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) args;
            if ("__keras_tensor__".equals(m.get("class_name"))) {
                out.add(m);
            }
            return;
        }
        if (args instanceof List) {
            for (Object o : (List<Object>) args) {
                flatten(o, out);
            }
        }
    }
}
