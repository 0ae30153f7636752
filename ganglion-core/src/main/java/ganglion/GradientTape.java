package ganglion;

import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.optimizers.Optimizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TensorFlow's {@code tf.GradientTape}, the way Keras's custom training loops use it: record a forward pass,
 * then ask for the gradients of a result with respect to chosen variables, and apply them with any optimizer.
 * <pre>{@code
 * try (GradientTape tape = new GradientTape()) {
 *     Tensor fake = generator.apply(noise, true);
 *     Tensor loss = bce.compute(ones, discriminator.apply(fake, true));
 *     List<Tensor> grads = tape.gradient(loss, generator.trainableVariables());
 *     GradientTape.applyGradients(gOptimizer, grads, generator.trainableVariables());
 * }
 * }</pre>
 * Recording is on inside the tape (even within a no-grad scope); weights are watched when they are trainable,
 * other tensors with {@link #watch}. {@link #gradient} leaves no trace: the gradient buffers of every weight
 * reached are as they were before, so a discriminator step does not leak gradients into the generator.
 * Like TensorFlow's, a tape answers one {@code gradient} call unless it is persistent; a variable the result
 * does not depend on (or a frozen one) gets null, as TensorFlow's None.
 */
public final class GradientTape implements AutoCloseable {

    private final Autograd.Scope scope;
    private final boolean persistent;
    private boolean used;

    /** A tape that answers one {@link #gradient} call. */
    public GradientTape() {
        this(false);
    }

    /** A tape; {@code persistent} lets it answer several {@link #gradient} calls on the same recording. */
    public GradientTape(boolean persistent) {
        this.persistent = persistent;
        this.scope = Autograd.enableGrad();
    }

    /** Watches a tensor that is not a weight, so that gradients with respect to it can be asked for. */
    public Tensor watch(Tensor t) {
        if (t.gradFn() == null) {
            t.requiresGrad(true);
        }
        return t;
    }

    /** Stops recording (the recorded graph stays usable for {@link #gradient}). */
    @Override
    public void close() {
        scope.close();
    }

    /** The gradients of {@code target} (summed over its elements when not a scalar) for each variable. */
    public List<Tensor> gradient(Tensor target, List<Variable> sources) {
        List<Tensor> ts = new ArrayList<>(sources.size());
        for (Variable v : sources) {
            ts.add(v.value());
        }
        return gradientOfTensors(target, ts);
    }

    /** The gradient of {@code target} for one watched tensor (null when it does not depend on it). */
    public Tensor gradient(Tensor target, Tensor source) {
        return gradientOfTensors(target, List.of(source)).get(0);
    }

    /** The gradients of {@code target} for watched tensors (nulls where it does not depend on them). */
    public List<Tensor> gradientOfTensors(Tensor target, List<Tensor> sources) {
        if (used && !persistent) {
            throw new IllegalStateException("A non-persistent GradientTape can only be used to compute one set of "
                    + "gradients (or jacobians). Use new GradientTape(true) to ask for several.");
        }
        used = true;
        List<Tensor> result = new ArrayList<>(Collections.nCopies(sources.size(), null));
        if (!target.requiresGrad()) {
            return result;
        }
        List<Tensor> leaves = leaves(target);
        Map<Tensor, float[]> saved = new IdentityHashMap<>();
        for (Tensor leaf : leaves) {
            saved.put(leaf, leaf.gradBufferOrNull());
            leaf.setGradBuffer(null);
        }
        try {
            Autograd.backward(target, null);
            Map<Tensor, Tensor> grads = new IdentityHashMap<>();
            for (Tensor leaf : leaves) {
                float[] g = leaf.gradBufferOrNull();
                if (g != null) {
                    grads.put(leaf, Tensor.wrap(g, leaf.shape()));
                }
            }
            for (int i = 0; i < sources.size(); i++) {
                Tensor g = grads.get(sources.get(i));
                result.set(i, g);
            }
        } finally {
            for (Tensor leaf : leaves) {
                leaf.setGradBuffer(saved.get(leaf));
            }
        }
        // a tensor listed twice must not share one array
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < result.size(); i++) {
            Tensor g = result.get(i);
            if (g != null && !seen.add(g)) {
                result.set(i, g.copy());
            }
        }
        return result;
    }

    /** The tensors without a grad function that require a gradient and that {@code root} depends on. */
    private static List<Tensor> leaves(Tensor root) {
        List<Tensor> out = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        stack.push(root);
        visited.add(root);
        while (!stack.isEmpty()) {
            Tensor t = stack.pop();
            Node node = t.gradFn();
            if (node == null) {
                if (t.requiresGrad()) {
                    out.add(t);
                }
                continue;
            }
            for (Tensor in : node.inputs()) {
                if (in != null && visited.add(in)) {
                    stack.push(in);
                }
            }
        }
        return out;
    }

    /**
     * Keras's {@code optimizer.apply_gradients(zip(grads, variables))}: one step of {@code optimizer} on these
     * variables with these gradients (null gradients are skipped, as Keras does). The variables' own gradient
     * buffers are left as they were.
     */
    public static void applyGradients(Optimizer optimizer, List<Tensor> grads, List<Variable> variables) {
        if (grads.size() != variables.size()) {
            throw new IllegalArgumentException("applyGradients: " + grads.size() + " gradients for "
                    + variables.size() + " variables; give one gradient (or null) per variable");
        }
        List<Variable> active = new ArrayList<>();
        Map<Variable, float[]> saved = new IdentityHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            Tensor g = grads.get(i);
            if (g == null || saved.containsKey(v)) {
                continue;
            }
            if (g.size() != v.size()) {
                throw new IllegalArgumentException("applyGradients: the gradient for " + v.path() + " has "
                        + g.size() + " values but the variable has shape " + java.util.Arrays.toString(v.shape()));
            }
            saved.put(v, v.value().gradBufferOrNull());
            v.value().setGradBuffer(g.toFloatArray());
            active.add(v);
        }
        try {
            optimizer.apply(active);
        } finally {
            for (Map.Entry<Variable, float[]> e : saved.entrySet()) {
                e.getKey().value().setGradBuffer(e.getValue());
            }
        }
    }
}
