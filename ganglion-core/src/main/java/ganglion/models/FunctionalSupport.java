package ganglion.models;

import ganglion.Tensor;
import ganglion.layers.Layer;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small pieces of a functional model's layer protocol: calling it on one tensor, and its output shapes. */
final class FunctionalSupport {

    private FunctionalSupport() {
    }

    /** Runs a one-input, one-output functional model (Model.call). */
    static Tensor callOne(Model model, Graph graph, Tensor input, Tensor mask, boolean training) {
        if (graph.inputs.size() != 1 || graph.outputs.size() != 1) {
            throw new IllegalArgumentException("Model '" + model.name() + "' has " + graph.inputs.size() + " input(s) "
                    + "and " + graph.outputs.size() + " output(s) " + graph.outputNames() + ": call it with lists, "
                    + "e.g. model.predict(List.of(x1, x2)), model.fit(List.of(x1, x2), List.of(y1, y2), options), "
                    + "or model.applyAll(inputs, masks, training).");
        }
        List<Tensor> masks = mask == null ? null : Collections.singletonList(mask);
        return graph.run(List.of(input), masks, training, model.name()).get(0);
    }

    /**
     * The output shapes of a functional model for input shapes compatible with its inputs (a functional
     * model's shapes are fixed by its Input.of(...) shapes, -1 axes aside).
     */
    static List<int[]> outputShapes(Model model, Graph graph, List<int[]> inputShapes) {
        if (inputShapes.size() != graph.inputs.size()) {
            throw new IllegalArgumentException("Model '" + model.name() + "' takes " + graph.inputs.size()
                    + " input(s) but was given " + inputShapes.size() + " input shape(s)");
        }
        for (int i = 0; i < inputShapes.size(); i++) {
            int[] expected = graph.inputShape(i);
            int[] s = inputShapes.get(i);
            boolean ok = expected.length == s.length;
            for (int k = 0; ok && k < s.length; k++) {
                ok = expected[k] < 0 || s[k] < 0 || expected[k] == s[k];
            }
            if (!ok) {
                throw new IllegalArgumentException("Model '" + model.name() + "': input " + i + " ('"
                        + graph.inputs.get(i).layer().name() + "') expects shape " + Layer.withBatch(expected)
                        + " but was given shape " + Layer.withBatch(s));
            }
        }
        List<int[]> r = new ArrayList<>();
        for (SymbolicTensor t : graph.outputs) {
            r.add(t.shape());
        }
        return r;
    }
}
