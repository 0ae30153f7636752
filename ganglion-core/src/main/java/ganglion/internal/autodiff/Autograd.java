package ganglion.internal.autodiff;

import ganglion.Tensor;
import ganglion.internal.kernels.KernelProvider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode automatic differentiation. Ops record {@link Node}s on their outputs while grad mode is on
 * (it is on by default, per thread); {@link #backward} walks the recorded graph from a result back to the
 * leaves in reverse topological order. Gradients of intermediate tensors are released as soon as they have
 * been propagated; leaves (weights) keep theirs until the optimizer zeroes them.
 */
public final class Autograd {

    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

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
        return () -> depth[0]--;
    }

    /** A scope that re-enables recording inside an outer no-grad scope. */
    public static Scope enableGrad() {
        int[] depth = NO_GRAD_DEPTH.get();
        int saved = depth[0];
        depth[0] = 0;
        return () -> depth[0] = saved;
    }

    /** Closes a grad-mode scope without a checked exception. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    static float[] gradBuffer(Tensor t) {
        float[] g = t.gradBufferOrNull();
        if (g == null) {
            g = new float[(int) t.size()];
            t.setGradBuffer(g);
        }
        return g;
    }

    static void accumulate(Tensor t, float[] grad) {
        float[] g = t.gradBufferOrNull();
        if (g == null) {
            // Take ownership of a fresh array when the tensor has none yet: saves a copy.
            t.setGradBuffer(grad);
        } else {
            KernelProvider.get().axpy(1f, grad, 0, g, 0, g.length);
        }
    }

    /**
     * Back-propagates from {@code root}, seeding its gradient with {@code seed} (ones when null, which
     * requires a root with one element unless the caller wants the sum's gradient).
     */
    public static void backward(Tensor root, float[] seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require a gradient: "
                    + "no weight or input with requiresGrad(true) contributed to it");
        }
        List<Tensor> order = topologicalOrder(root);
        float[] s = seed;
        if (s == null) {
            s = new float[(int) root.size()];
            java.util.Arrays.fill(s, 1f);
        }
        accumulate(root, s.clone());
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Node node = t.gradFn();
            float[] g = t.gradBufferOrNull();
            if (node == null || g == null) {
                continue;
            }
            node.backward(t, g);
            if (!t.retainsGrad()) {
                t.setGradBuffer(null);
            }
        }
    }

    /** Tensors with a grad function reachable from root, each after all of its inputs. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        // Iterative DFS: deep graphs (long RNN unrolls) must not overflow the stack.
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            Node node = t.gradFn();
            int next = (Integer) frame[1];
            Tensor[] inputs = node == null ? new Tensor[0] : node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor in = inputs[next];
                if (in.gradFn() != null && visited.put(in, Boolean.TRUE) == null) {
                    stack.push(new Object[]{in, 0});
                }
            } else {
                stack.pop();
                if (node != null) {
                    order.add(t);
                }
            }
        }
        return order;
    }
}
