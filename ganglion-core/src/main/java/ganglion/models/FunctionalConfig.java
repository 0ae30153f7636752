package ganglion.models;

import ganglion.layers.Layer;
import ganglion.layers.LayerCall;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a functional model's config as Keras 3's {@code Functional.get_config()} does: {@code name},
 * {@code trainable}, {@code layers} (each {@code class_name}, {@code config}, {@code name},
 * {@code inbound_nodes}), {@code input_layers} and {@code output_layers}. A call's tensors are written as
 * Keras's {@code __keras_tensor__} objects with {@code keras_history = [layer, node, tensor]}, node indices
 * counting only the calls that belong to this model.
 */
final class FunctionalConfig {

    private FunctionalConfig() {
    }

    static Map<String, Object> config(Model model, Graph graph) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", model.name());
        c.put("trainable", model.isTrainable());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : graph.layers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("class_name", l.kerasClassName());
            entry.put("config", l.getConfig());
            entry.put("name", l.name());
            List<Object> nodes = new ArrayList<>();
            for (LayerCall call : graph.nodesOf(l)) {
                if (call.isInput()) {
                    continue;   // Keras does not serialize an input layer's node
                }
                nodes.add(node(graph, call));
            }
            entry.put("inbound_nodes", nodes);
            layers.add(entry);
        }
        c.put("layers", layers);
        c.put("input_layers", refs(graph, graph.inputs, graph.singleInputStruct));
        c.put("output_layers", refs(graph, graph.outputs, graph.singleOutputStruct));
        return c;
    }

    private static Map<String, Object> node(Graph graph, LayerCall call) {
        List<Object> tensors = new ArrayList<>();
        for (SymbolicTensor t : call.inputs()) {
            tensors.add(kerasTensor(graph, t));
        }
        List<Object> args;
        Map<String, Object> kwargs = new LinkedHashMap<>();
        String keyword = call.layer().extraInputsKeyword();
        if (tensors.size() > 1 && keyword != null) {
            // LSTM(8)(x, initial_state=[h, c]) as Keras writes it
            args = new ArrayList<>(tensors.subList(0, 1));
            kwargs.put(keyword, new ArrayList<>(tensors.subList(1, tensors.size())));
        } else if (tensors.size() > 1 && call.layer().callArgsAsList()) {
            args = new ArrayList<>();
            args.add(tensors);
        } else {
            args = tensors;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("args", args);
        m.put("kwargs", kwargs);
        return m;
    }

    private static Map<String, Object> kerasTensor(Graph graph, SymbolicTensor t) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        List<Integer> shape = new ArrayList<>();
        shape.add(null);
        for (int d : t.shape()) {
            shape.add(d < 0 ? null : d);
        }
        cfg.put("shape", shape);
        cfg.put("dtype", "float32");
        cfg.put("keras_history", List.of(t.layer().name(), relevantIndex(graph, t), t.tensorIndex()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", "__keras_tensor__");
        m.put("config", cfg);
        return m;
    }

    /** The tensor's node index among the calls of its layer that belong to this model. */
    static int relevantIndex(Graph graph, SymbolicTensor t) {
        int idx = 0;
        for (LayerCall c : t.layer().inboundNodes()) {
            if (c == t.node()) {
                return idx;
            }
            if (graph.nodeSet.contains(c)) {
                idx++;
            }
        }
        return idx;
    }

    /** input_layers / output_layers: [name, node, tensor] (a nested functional model's node counts +1). */
    private static Object refs(Graph graph, List<SymbolicTensor> ts, boolean single) {
        List<Object> r = new ArrayList<>();
        for (SymbolicTensor t : ts) {
            int node = relevantIndex(graph, t);
            if (t.layer() instanceof Model && ((Model) t.layer()).isFunctional()) {
                node += 1;   // Keras's functional models start with a node of their own
            }
            List<Object> ref = new ArrayList<>();
            ref.add(t.layer().name());
            ref.add(node);
            ref.add(t.tensorIndex());
            r.add(ref);
        }
        return single && r.size() == 1 ? r.get(0) : r;
    }
}
