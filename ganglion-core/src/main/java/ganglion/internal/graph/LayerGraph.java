package ganglion.internal.graph;

import ganglion.layers.Layer;
import ganglion.models.Model;
import ganglion.models.Sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * A model as a graph of layers, for pictures (PlotModel) and TensorBoard's Graphs dashboard: one node per
 * layer with the names of the layers feeding it. A Sequential model is a chain that starts at an input
 * node; a functional model lists its layers in Keras's order with their inbound layers; nested models
 * appear as one node (their own graph is drawn inside when asked).
 */
public final class LayerGraph {

    /** One layer: its name, Keras class, input layer names, output shape (no batch axis, may be null). */
    public record Node(String name, String className, List<String> inputs, int[] outputShape, long params,
                       boolean trainable, Layer layer) {
    }

    private LayerGraph() {
    }

    /** The nodes of {@code model} in execution order. */
    public static List<Node> of(Model model) {
        List<Node> nodes = new ArrayList<>();
        if (model instanceof Sequential) {
            List<Layer> layers = model.layers();
            String previous = null;
            if (!layers.isEmpty()) {
                Layer first = layers.get(0);
                int[] in = first.isBuilt() ? first.builtInputShape() : first.declaredInputShape();
                previous = "input_layer";
                nodes.add(new Node(previous, "InputLayer", List.of(), in, 0, true, null));
            }
            for (Layer l : layers) {
                nodes.add(node(l, previous == null ? List.of() : List.of(previous)));
                previous = l.name();
            }
            return nodes;
        }
        for (Layer l : model.layers()) {
            nodes.add(node(l, inboundNames(model, l)));
        }
        return nodes;
    }

    private static Node node(Layer l, List<String> inputs) {
        int[] out = null;
        if (l.isBuilt()) {
            try {
                out = l.outputShape();
            } catch (RuntimeException e) {
                out = null;   // layers with several outputs report no single shape
            }
        }
        return new Node(l.name(), l.getClass().getSimpleName(), inputs, out, l.isBuilt() ? l.countParams() : 0,
                l.isTrainable(), l);
    }

    /**
     * The names of the layers feeding {@code layer} in a non-Sequential model, read from the model's
     * Keras config ("inbound_nodes"), which functional models write; a model without that information is
     * drawn as a chain.
     */
    @SuppressWarnings("unchecked")
    private static List<String> inboundNames(Model model, Layer layer) {
        List<String> names = new ArrayList<>();
        Object layersConfig = model.getConfig().get("layers");
        if (layersConfig instanceof List<?> entries) {
            for (Object o : entries) {
                if (!(o instanceof java.util.Map<?, ?> entry) || !layer.name().equals(entry.get("name"))) {
                    continue;
                }
                collectInboundLayerNames(entry.get("inbound_nodes"), names);
                return names;
            }
        }
        List<Layer> all = model.layers();
        int i = all.indexOf(layer);
        if (i > 0) {
            names.add(all.get(i - 1).name());
        }
        return names;
    }

    /**
     * Keras 3 writes inbound nodes as [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history":
     * [layer, node, index]}}, ...], "kwargs": {...}}]; Keras 2 as [[[layer, node, index, {}], ...]]. Both are
     * searched for keras_history triples / leading layer names.
     */
    private static void collectInboundLayerNames(Object inbound, List<String> out) {
        if (inbound instanceof java.util.Map<?, ?> m) {
            Object history = m.get("keras_history");
            if (history instanceof List<?> h && !h.isEmpty() && h.get(0) instanceof String s) {
                if (!out.contains(s)) {
                    out.add(s);
                }
                return;
            }
            for (Object v : m.values()) {
                collectInboundLayerNames(v, out);
            }
        } else if (inbound instanceof List<?> l) {
            if (!l.isEmpty() && l.get(0) instanceof String s && l.size() >= 3 && l.get(1) instanceof Number) {
                if (!out.contains(s)) {
                    out.add(s);
                }
                return;
            }
            for (Object v : l) {
                collectInboundLayerNames(v, out);
            }
        }
    }
}
