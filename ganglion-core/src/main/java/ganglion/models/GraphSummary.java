package ganglion.models;

import ganglion.layers.Layer;
import ganglion.layers.LayerCall;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of a functional model's {@code summary()}, as Keras 3's {@code summary_utils} draws it: input layers
 * listed, each layer's output shape from its latest call, and, unless the graph is a plain chain, a
 * "Connected to" column listing each input as {@code layer[node][tensor]}.
 */
final class GraphSummary {

    private GraphSummary() {
    }

    static String table(Graph graph, int lineLength) {
        boolean chain = graph.sequentialLike();
        double[] positions = chain ? new double[]{0.45, 0.80, 1.0} : new double[]{0.3, 0.56, 0.74, 1.0};
        String[] header = chain ? new String[]{"Layer (type)", "Output Shape", "Param #"}
                : new String[]{"Layer (type)", "Output Shape", "Param #", "Connected to"};
        boolean[] right = chain ? new boolean[]{false, false, true} : new boolean[]{false, false, true, false};
        int[] columns = SummaryTable.columnWidths(positions, lineLength);
        int[] widths = SummaryTable.renderedWidths(columns, lineLength);
        List<String[]> rows = new ArrayList<>();
        for (Layer l : graph.layers) {
            String name = l.name() + " (" + l.kerasClassName() + ")";
            String shape = shapeOf(l);
            String params = l.isBuilt() ? String.format(Locale.ROOT, "%,d", l.countParams()) : "0 (unbuilt)";
            if (chain) {
                rows.add(new String[]{name, shape, params});
            } else {
                rows.add(new String[]{name, shape, params, connections(graph, l)});
            }
        }
        return SummaryTable.render(header, right, rows, widths);
    }

    /** The output shape(s) of the layer's latest call: "(None, 32)", or "[(None, 4), (None, 2)]" for several. */
    static String shapeOf(Layer l) {
        List<LayerCall> calls = l.inboundNodes();
        if (calls.isEmpty()) {
            int[] out = l.outputShape();
            return out == null ? "?" : Layer.withBatch(out);
        }
        List<SymbolicTensor> outs = calls.get(calls.size() - 1).outputs();
        if (outs.size() == 1) {
            return Layer.withBatch(outs.get(0).shape());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < outs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Layer.withBatch(outs.get(i).shape()));
        }
        return sb.append(']').toString();
    }

    /** "dense[0][0], dense_1[0][0]" over the layer's calls in this graph, or "-". */
    static String connections(Graph graph, Layer l) {
        StringBuilder sb = new StringBuilder();
        for (LayerCall call : graph.nodesOf(l)) {
            for (SymbolicTensor t : call.inputs()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(t.layer().name()).append('[').append(t.nodeIndex()).append("][")
                        .append(t.tensorIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
