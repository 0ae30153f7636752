package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards the Dense-training hot paths against index maps and needless copies, by counting the bytes the
 * thread allocates (HotSpot only; skipped elsewhere).
 */
class HotPathAllocationTest {

    private static final int B = 64, N = 512;
    private static final long MATRIX = 4L * B * N;

    private static long allocated() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static boolean measurable() {
        try {
            var bean = ManagementFactory.getThreadMXBean();
            return bean instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()
                    && t.isThreadAllocatedMemoryEnabled();
        } catch (LinkageError e) {
            return false;
        }
    }

    /**
     * The fewest bytes one call of body allocated, over calls repeated until that is under budget or 15 s
     * have passed: the vector kernels box vectors until C2 has compiled them, which takes longer when the
     * rest of the suite competes for the JIT threads.
     */
    private static long bytes(long budget, Runnable body) {
        long best = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (best >= budget && System.nanoTime() < deadline) {
            long before = allocated();
            body.run();
            best = Math.min(best, allocated() - before);
        }
        return best;
    }

    @Test
    void biasAddBackwardAllocatesNoIndexMapAndNoCopy() {
        assumeTrue(measurable());
        Tensor x = GradCheck.uniform(1, B, N);
        Tensor b = GradCheck.uniform(2, N).requiresGrad(true);
        Tensor xg = GradCheck.uniform(3, B, N).requiresGrad(true);
        long budget = 2 * MATRIX + MATRIX / 4;
        long used = bytes(budget, () -> {
            x.setGradBuffer(null);
            xg.setGradBuffer(null);
            b.setGradBuffer(null);
            // forward: the output and the sum's seed; backward: dL/dy (one matrix), x adopts it, b gets N floats
            xg.add(b).sum().backward();
        });
        assertTrue(used < budget, "bias add forward+backward allocated " + used + " bytes");
    }

    @Test
    void sameShapeMultiplyBackwardWritesInPlace() {
        assumeTrue(measurable());
        Tensor a = GradCheck.uniform(4, B, N).requiresGrad(true);
        Tensor c = GradCheck.uniform(5, B, N).requiresGrad(true);
        long budget = 4 * MATRIX + MATRIX / 4;
        long used = bytes(budget, () -> {
            a.setGradBuffer(null);
            c.setGradBuffer(null);
            a.mul(c).sum().backward();
        });
        // output, dL/dy, and one gradient buffer for each input
        assertTrue(used < budget, "multiply forward+backward allocated " + used + " bytes");
    }

    @Test
    void meanOfAVectorAndActivationsAllocateOnlyTheirOutputs() {
        assumeTrue(measurable());
        Tensor v = GradCheck.uniform(6, B * N).requiresGrad(true);
        long budget = MATRIX + MATRIX / 4;
        long used = bytes(budget, () -> {
            v.setGradBuffer(null);
            v.mean().backward();
        });
        assertTrue(used < budget, "mean forward+backward allocated " + used + " bytes");
        Tensor z = GradCheck.uniform(7, B, N).requiresGrad(true);
        long actBudget = 5 * MATRIX + MATRIX / 4;
        long act = bytes(actBudget, () -> {
            z.setGradBuffer(null);
            z.relu().softmax().sum().backward();
        });
        // relu output, softmax output, dL/dsoftmax, dL/drelu, dL/dz
        assertTrue(act < actBudget, "relu+softmax forward+backward allocated " + act + " bytes");
    }
}
