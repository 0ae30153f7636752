package ganglion.models;

import ganglion.Tensor;
import ganglion.layers.InputLayer;
import ganglion.layers.Layer;
import ganglion.layers.LayerCall;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The graph of a functional model (Keras's {@code Function}/{@code Functional} internals): the layer calls
 * between the model's inputs and outputs, ordered as Keras orders them (by depth from the outputs, deepest
 * first), the layers in Keras's order ({@code model.layers}, input layers included), and a precompiled plan
 * that runs the calls with tensors held in slots.
 */
final class Graph {

    final List<SymbolicTensor> inputs;
    final List<SymbolicTensor> outputs;
    /** The calls that belong to the model, each after the calls it depends on (Keras's depth order). */
    final List<LayerCall> nodes;
    final Set<LayerCall> nodeSet;
    /** Keras's {@code _nodes_by_depth}, deepest first. */
    final List<List<LayerCall>> nodesByDepth;
    final List<Layer> layers;
    /** Whether the model was given one tensor (not a list) as input / output: Keras's config keeps the form. */
    boolean singleInputStruct;
    boolean singleOutputStruct;

    private final int slotCount;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final Layer[] stepLayer;
    private final int[][] stepIn;
    private final int[][] stepOut;

    Graph(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs) {
        if (inputs == null || inputs.isEmpty() || outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("A functional Model needs at least one input and one output: "
                    + "new Model(Input.of(...), output)");
        }
        for (SymbolicTensor t : inputs) {
            if (t == null || t.node() == null || !(t.layer() instanceof InputLayer)) {
                throw new IllegalArgumentException("All `inputs` of a functional Model must come from Input.of(...) "
                        + "(an InputLayer). Received: " + t + ". To start a model from an intermediate tensor, "
                        + "give the sub-model its own Input.of(...) and call the layers on it.");
            }
        }
        for (SymbolicTensor t : outputs) {
            if (t == null || t.node() == null) {
                throw new IllegalArgumentException("All `outputs` of a functional Model must be symbolic tensors made "
                        + "by layer.apply(...). Received: " + t);
            }
        }
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);

        // Keras's _build_map: depth-first from each output, stopping at the model inputs.
        Set<SymbolicTensor> inputSet = Collections.newSetFromMap(new IdentityHashMap<>());
        inputSet.addAll(inputs);
        List<LayerCall> decreasing = new ArrayList<>();
        Map<Layer, Integer> layerIndex = new IdentityHashMap<>();
        Set<LayerCall> finished = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LayerCall> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SymbolicTensor out : outputs) {
            visit(out, inputSet, finished, inProgress, decreasing, layerIndex);
        }

        // Depths: outputs at 0, each call's parents at least one deeper.
        Map<LayerCall, Integer> nodeDepth = new LinkedHashMap<>();
        Map<Layer, Integer> layerDepth = new LinkedHashMap<>();
        for (int i = decreasing.size() - 1; i >= 0; i--) {
            LayerCall node = decreasing.get(i);
            int depth = nodeDepth.getOrDefault(node, 0);
            depth = Math.max(depth, layerDepth.getOrDefault(node.layer(), 0));
            layerDepth.put(node.layer(), depth);
            nodeDepth.put(node, depth);
            for (SymbolicTensor in : node.inputs()) {
                LayerCall parent = in.node();
                nodeDepth.put(parent, Math.max(depth + 1, nodeDepth.getOrDefault(parent, 0)));
            }
        }
        for (SymbolicTensor in : inputs) {   // inputs not connected to any output
            Layer l = in.layer();
            if (!layerDepth.containsKey(l)) {
                layerDepth.put(l, 0);
                layerIndex.put(l, -1);
                nodeDepth.put(in.node(), 0);
            }
        }
        TreeMap<Integer, List<LayerCall>> byDepth = new TreeMap<>(Collections.reverseOrder());
        for (Map.Entry<LayerCall, Integer> e : nodeDepth.entrySet()) {
            byDepth.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        TreeMap<Integer, List<Layer>> layersByDepth = new TreeMap<>(Collections.reverseOrder());
        for (Map.Entry<Layer, Integer> e : layerDepth.entrySet()) {
            layersByDepth.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        List<Layer> ordered = new ArrayList<>();
        for (List<Layer> ls : layersByDepth.values()) {
            ls.sort((a, b) -> Integer.compare(layerIndex.get(a), layerIndex.get(b)));
            ordered.addAll(ls);
        }
        this.layers = Collections.unmodifiableList(ordered);
        List<List<LayerCall>> depthLists = new ArrayList<>();
        List<LayerCall> order = new ArrayList<>();
        for (List<LayerCall> ns : byDepth.values()) {
            depthLists.add(Collections.unmodifiableList(ns));
            order.addAll(ns);
        }
        this.nodesByDepth = Collections.unmodifiableList(depthLists);
        this.nodes = Collections.unmodifiableList(order);
        Set<LayerCall> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(order);
        this.nodeSet = Collections.unmodifiableSet(set);

        // Graph disconnected? Every call's inputs must be computable from the model inputs.
        Set<SymbolicTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
        computable.addAll(inputs);
        List<String> fine = new ArrayList<>();
        for (LayerCall node : order) {
            if (node.isInput()) {
                if (!inputSet.contains(node.outputs().get(0))) {
                    // reached only through a tensor of another input: reported below by its consumer
                    continue;
                }
                fine.add(node.layer().name());
                continue;
            }
            for (SymbolicTensor x : node.inputs()) {
                if (!computable.contains(x)) {
                    throw new IllegalArgumentException("Graph disconnected: cannot find parent for tensor " + x
                            + " at layer '" + node.layer().name() + "'. The following previous layers were accessed "
                            + "without issue: " + fine + ". Pass every Input.of(...) the outputs depend on to the "
                            + "Model's inputs.");
                }
            }
            computable.addAll(node.outputs());
            fine.add(node.layer().name());
        }
        Map<String, Integer> names = new HashMap<>();
        for (Layer l : ordered) {
            names.merge(l.name(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            if (e.getValue() > 1) {
                throw new IllegalArgumentException("The name \"" + e.getKey() + "\" is used " + e.getValue()
                        + " times in the model. All layer names should be unique: give them distinct names "
                        + "with .name(...).");
            }
        }

        // The execution plan: a slot per tensor.
        Map<SymbolicTensor, Integer> slots = new IdentityHashMap<>();
        inputSlots = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            inputSlots[i] = slots.computeIfAbsent(inputs.get(i), k -> slots.size());
        }
        List<LayerCall> steps = new ArrayList<>();
        for (LayerCall node : order) {
            if (!node.isInput()) {
                steps.add(node);
            }
        }
        stepLayer = new Layer[steps.size()];
        stepIn = new int[steps.size()][];
        stepOut = new int[steps.size()][];
        for (int s = 0; s < steps.size(); s++) {
            LayerCall node = steps.get(s);
            stepLayer[s] = node.layer();
            stepIn[s] = new int[node.inputs().size()];
            for (int i = 0; i < stepIn[s].length; i++) {
                stepIn[s][i] = slots.get(node.inputs().get(i));
            }
            stepOut[s] = new int[node.outputs().size()];
            for (int i = 0; i < stepOut[s].length; i++) {
                stepOut[s][i] = slots.computeIfAbsent(node.outputs().get(i), k -> slots.size());
            }
        }
        outputSlots = new int[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
            outputSlots[i] = slots.get(outputs.get(i));
        }
        slotCount = slots.size();
    }

    private static void visit(SymbolicTensor t, Set<SymbolicTensor> inputSet, Set<LayerCall> finished,
                              Set<LayerCall> inProgress, List<LayerCall> decreasing, Map<Layer, Integer> layerIndex) {
        LayerCall node = t.node();
        if (node == null) {
            throw new IllegalArgumentException("Tensor " + t + " was not made by layer.apply(...) or Input.of(...); "
                    + "a functional Model can only use recorded tensors.");
        }
        if (finished.contains(node)) {
            return;
        }
        if (inProgress.contains(node)) {
            throw new IllegalArgumentException("The graph has a cycle at layer '" + node.layer().name() + "'.");
        }
        layerIndex.putIfAbsent(node.layer(), layerIndex.size());
        inProgress.add(node);
        if (!node.isInput() && !inputSet.contains(t)) {
            for (SymbolicTensor in : node.inputs()) {
                visit(in, inputSet, finished, inProgress, decreasing, layerIndex);
            }
        }
        finished.add(node);
        inProgress.remove(node);
        decreasing.add(node);
    }

    /** The calls of {@code layer} that belong to this graph, in the layer's call order. */
    List<LayerCall> nodesOf(Layer layer) {
        List<LayerCall> r = new ArrayList<>();
        for (LayerCall c : layer.inboundNodes()) {
            if (nodeSet.contains(c)) {
                r.add(c);
            }
        }
        return r;
    }

    /**
     * Keras's test for a summary without "Connected to": one call per depth, each with one input, and no
     * layer called twice.
     */
    boolean sequentialLike() {
        for (List<LayerCall> ns : nodesByDepth) {
            if (ns.size() > 1 || (ns.size() == 1 && ns.get(0).inputs().size() > 1)) {
                return false;
            }
        }
        for (Layer l : layers) {
            if (nodesOf(l).size() > 1) {
                return false;
            }
        }
        return true;
    }

    int[] inputShape(int i) {
        return inputs.get(i).shape();
    }

    /** Runs the graph: every call in order, masks passed along. {@code masks} may be null. */
    List<Tensor> run(List<Tensor> xs, List<Tensor> masks, boolean training, String modelName) {
        if (xs.size() != inputs.size()) {
            throw new IllegalArgumentException("Model '" + modelName + "' expects " + inputs.size() + " input"
                    + (inputs.size() == 1 ? "" : "s") + " but received " + xs.size()
                    + ". Pass one tensor per Input.of(...), in the order given to the Model.");
        }
        Tensor[] v = new Tensor[slotCount];
        Tensor[] m = new Tensor[slotCount];
        for (int i = 0; i < inputSlots.length; i++) {
            Tensor x = xs.get(i);
            checkInput(i, x, modelName);
            v[inputSlots[i]] = x;
            m[inputSlots[i]] = masks == null || masks.size() <= i ? null : masks.get(i);
        }
        for (int s = 0; s < stepLayer.length; s++) {
            int[] in = stepIn[s];
            List<Tensor> ins;
            List<Tensor> ms;
            if (in.length == 1) {
                ins = List.of(v[in[0]]);
                ms = Collections.singletonList(m[in[0]]);
            } else {
                Tensor[] a = new Tensor[in.length];
                Tensor[] b = new Tensor[in.length];
                for (int i = 0; i < in.length; i++) {
                    a[i] = v[in[i]];
                    b[i] = m[in[i]];
                }
                ins = Arrays.asList(a);
                ms = Arrays.asList(b);
            }
            Layer layer = stepLayer[s];
            List<Tensor> outs = layer.applyAll(ins, ms, training);
            int[] out = stepOut[s];
            if (outs.size() != out.length) {
                throw new IllegalStateException(layer.describe() + " returned " + outs.size() + " outputs but was "
                        + "recorded with " + out.length);
            }
            List<Tensor> outMasks = layer.computeMasks(ins, ms);
            for (int i = 0; i < out.length; i++) {
                v[out[i]] = outs.get(i);
                m[out[i]] = outMasks == null || outMasks.size() <= i ? null : outMasks.get(i);
            }
        }
        List<Tensor> r = new ArrayList<>(outputSlots.length);
        Tensor[] outMasks = null;
        for (int i = 0; i < outputSlots.length; i++) {
            r.add(v[outputSlots[i]]);
            if (m[outputSlots[i]] != null) {
                if (outMasks == null) {
                    outMasks = new Tensor[outputSlots.length];
                }
                outMasks[i] = m[outputSlots[i]];
            }
        }
        lastRun.set(outMasks == null ? null : new Object[]{xs, Arrays.asList(outMasks)});
        return r;
    }

    /** The inputs and output masks of this thread's latest run (null when it produced no mask). */
    private final ThreadLocal<Object[]> lastRun = new ThreadLocal<>();

    /**
     * The output masks of the latest run on this thread if it was on these very inputs (what a model used as a
     * layer reports as its output masks), else nulls.
     */
    @SuppressWarnings("unchecked")
    List<Tensor> outputMasks(List<Tensor> xs) {
        Object[] last = lastRun.get();
        if (last != null) {
            List<Tensor> ran = (List<Tensor>) last[0];
            boolean same = ran.size() == xs.size();
            for (int i = 0; same && i < xs.size(); i++) {
                same = ran.get(i) == xs.get(i);
            }
            if (same) {
                return (List<Tensor>) last[1];
            }
        }
        return Arrays.asList(new Tensor[outputs.size()]);
    }

    private void checkInput(int i, Tensor x, String modelName) {
        if (x == null) {
            throw new IllegalArgumentException("Model '" + modelName + "': input " + i + " ('"
                    + inputs.get(i).layer().name() + "') is null");
        }
        int[] s = x.shape();
        int[] expected = inputs.get(i).shape();
        boolean ok = s.length == expected.length + 1;
        for (int k = 0; ok && k < expected.length; k++) {
            ok = expected[k] < 0 || expected[k] == s[k + 1];
        }
        if (!ok) {
            throw new IllegalArgumentException("Model '" + modelName + "': input " + i + " ('"
                    + inputs.get(i).layer().name() + "') expects shape " + Layer.withBatch(expected)
                    + " but received a tensor of shape " + Layer.withBatch(Arrays.copyOfRange(s,
                    Math.min(1, s.length), s.length)) + ". Reshape the data, or build the model with "
                    + "Input.of(...) of that shape.");
        }
    }

    /** The names of the output layers, in output order (Keras's {@code model.output_names}). */
    List<String> outputNames() {
        List<String> r = new ArrayList<>();
        for (SymbolicTensor t : outputs) {
            r.add(t.layer().name());
        }
        return r;
    }

    /** Layers that hold the graph's weights, each once. */
    Set<Layer> layerSet() {
        return new LinkedHashSet<>(layers);
    }
}
