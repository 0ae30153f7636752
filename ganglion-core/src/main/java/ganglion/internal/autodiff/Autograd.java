package ganglion.internal.autodiff;

import ganglion.Tensor;
import ganglion.internal.kernels.KernelProvider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation (what {@code tf.GradientTape} does for Keras's TensorFlow backend).
 * Ops record {@link Node}s on their outputs while grad mode is on (it is on by default, per thread);
 * {@link #backward} walks the recorded graph from a result back to the leaves in reverse topological order.
 *
 * <p>Gradient buffers: an intermediate tensor's gradient is released as soon as it has been handed to its
 * node (unless the tensor {@link Tensor#retainsGrad() retains} it); leaves (weights) keep theirs until the
 * optimizer zeroes them. {@link #accumulate} may take ownership of the array it is given, but never lets two
 * tensors share one gradient array: an array already owned by a tensor in this pass is copied first.
 */
public final class Autograd {

    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Arrays owned as gradient buffers by some tensor during the current backward pass on this thread. */
    private static final ThreadLocal<Set<float[]>> OWNED = new ThreadLocal<>();

    private Autograd() {
    }

    /** Whether ops on this thread currently record gradients. */
    public static boolean isEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** True when an op on these inputs must record a node. */
    public static boolean needsGrad(Tensor a) {
        return a.requiresGrad() && isEnabled();
    }

    /** True when an op on these inputs must record a node. */
    public static boolean needsGrad(Tensor a, Tensor b) {
        return (a.requiresGrad() || b.requiresGrad()) && isEnabled();
    }

    /** True when an op on these inputs must record a node. */
    public static boolean needsGrad(Tensor... ts) {
        for (Tensor t : ts) {
            if (t.requiresGrad()) {
                return isEnabled();
            }
        }
        return false;
    }

    /** A scope in which nothing is recorded: {@code try (var s = Autograd.noGrad()) { ... }}. */
    public static Scope noGrad() {
        int[] depth = NO_GRAD_DEPTH.get();
        depth[0]++;
        return new OnceScope(() -> depth[0]--);
    }

    /** A scope that re-enables recording inside an outer no-grad scope. */
    public static Scope enableGrad() {
        int[] depth = NO_GRAD_DEPTH.get();
        int saved = depth[0];
        depth[0] = 0;
        return new OnceScope(() -> depth[0] = saved);
    }

    /** Closes a grad-mode scope without a checked exception. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A scope whose close action runs at most once, so closing twice cannot corrupt the depth. */
    private static final class OnceScope implements Scope {
        private Runnable action;

        OnceScope(Runnable action) {
            this.action = action;
        }

        @Override
        public void close() {
            Runnable a = action;
            action = null;
            if (a != null) {
                a.run();
            }
        }
    }

    /** The gradient buffer of t, allocated as zeros on first use. */
    public static float[] gradBuffer(Tensor t) {
        float[] g = t.gradBufferOrNull();
        if (g == null) {
            g = new float[(int) t.size()];
            t.setGradBuffer(g);
            Set<float[]> owned = OWNED.get();
            if (owned != null) {
                owned.add(g);
            }
        }
        return g;
    }

    /**
     * Adds {@code grad} into t's gradient. When t has no gradient yet it adopts the array itself (no copy),
     * unless another tensor already owns that array in this pass, in which case it adopts a copy. The caller
     * must not write into {@code grad} afterwards.
     */
    public static void accumulate(Tensor t, float[] grad) {
        if (grad.length != t.size()) {
            throw new IllegalArgumentException("gradient has " + grad.length + " values for a tensor of "
                    + t.size());
        }
        float[] g = t.gradBufferOrNull();
        if (g == null) {
            Set<float[]> owned = OWNED.get();
            float[] adopt = grad;
            if (owned != null && !owned.add(adopt)) {
                adopt = grad.clone();
                owned.add(adopt);
            }
            t.setGradBuffer(adopt);
        } else if (g == grad) {
            KernelProvider.get().mulScalar(g, 0, 2f, g, 0, g.length);
        } else {
            KernelProvider.get().axpy(1f, grad, 0, g, 0, g.length);
        }
    }

    /**
     * Back-propagates from {@code root}, seeding its gradient with {@code seed} (ones when null: the gradient
     * of the sum of root's elements, which for a scalar loss is the usual {@code dLoss/dLoss = 1}).
     */
    public static void backward(Tensor root, float[] seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require a gradient: "
                    + "no weight or input with requiresGrad(true) contributed to it (or it was computed in a "
                    + "no-grad scope)");
        }
        if (seed != null && seed.length != root.size()) {
            throw new IllegalArgumentException("backward: seed gradient has " + seed.length
                    + " values for a tensor of " + root.size());
        }
        List<Tensor> order = topologicalOrder(root);
        float[] s;
        if (seed == null) {
            s = new float[(int) root.size()];
            Arrays.fill(s, 1f);
        } else {
            s = seed.clone();
        }
        Set<float[]> previous = OWNED.get();
        Set<float[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        OWNED.set(owned);
        try {
            accumulate(root, s);
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Node node = t.gradFn();
                float[] g = t.gradBufferOrNull();
                if (g == null) {
                    continue;
                }
                if (t.retainsGrad()) {
                    owned.add(g); // a node that hands g on must not let an input alias it
                } else {
                    // Released before the node runs, so that the node may give g itself to an input.
                    t.setGradBuffer(null);
                    owned.remove(g);
                }
                node.backward(t, g);
            }
        } finally {
            OWNED.set(previous);
        }
    }

    /** Tensors with a grad function reachable from root, each after all of its inputs. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        // Iterative DFS: deep graphs (long RNN unrolls) must not overflow the stack.
        ArrayDeque<Tensor> tensors = new ArrayDeque<>();
        ArrayDeque<int[]> next = new ArrayDeque<>();
        if (root.gradFn() == null) {
            return order;
        }
        tensors.push(root);
        next.push(new int[1]);
        visited.put(root, Boolean.TRUE);
        while (!tensors.isEmpty()) {
            Tensor t = tensors.peek();
            int[] cursor = next.peek();
            Tensor[] inputs = t.gradFn().inputs();
            if (cursor[0] < inputs.length) {
                Tensor in = inputs[cursor[0]++];
                if (in != null && in.gradFn() != null && visited.put(in, Boolean.TRUE) == null) {
                    tensors.push(in);
                    next.push(new int[1]);
                }
            } else {
                tensors.pop();
                next.pop();
                order.add(t);
            }
        }
        return order;
    }
}
