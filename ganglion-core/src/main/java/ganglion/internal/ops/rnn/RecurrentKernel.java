package ganglion.internal.ops.rnn;

import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;
import ganglion.internal.kernels.Parallel;

/**
 * Shared state of one fused recurrent pass over a whole sequence: sizes, inputs, the buffers saved for
 * backpropagation through time, and the bookkeeping of masks, direction and the packed output.
 *
 * <p>Layouts: every per-step buffer is batch-major {@code [batch, steps, width]} and indexed by the input's
 * time index t (not by processing order), so that the input-projection gradient and the recurrent-kernel
 * gradient are single GEMMs over all {@code batch * steps} rows. The packed output is
 * {@code [batch, steps + stateRows, units]}: rows {@code 0..steps-1} are the outputs in processing order (as
 * Keras returns them, reversed for {@code goBackwards}), then the final h (and c for LSTM).
 *
 * <p>Masks follow Keras: at a masked step the states and the output carry the previous values through
 * (or the output is zero when {@code zeroOutputForMask}, as Bidirectional asks for sequences). Batch rows are
 * independent, so the forward and backward loops run on batch chunks in parallel with no per-step
 * synchronisation; nothing is allocated inside the time loops.
 */
abstract class RecurrentKernel {

    /** Batch rows per parallel chunk, at least. */
    private static final int MIN_ROWS_PER_CHUNK = 8;

    final Kernels kern = KernelProvider.get();
    final int batch, steps, units, width;
    final int stateRows;
    final boolean backwards, zeroOutputForMask;
    final RnnActivation act, rec;
    final float[] xp;       // [B, T, width]
    final float[] kernelU;  // [units, width]
    final float[] mask;     // [B, T] or null
    final float[] recMask;  // [B, units] or null
    final float[] hInit;    // [B, units]
    /** h entering the recurrent GEMM of the step at time t (after recurrent dropout): [B, T, units]. */
    final float[] hp;
    /** State after the step at time t: [B, T, units]. */
    final float[] h;
    /** The packed output [B, T + stateRows, units]. */
    final float[] out;
    /** Per-step scratch [B, width]. */
    final float[] z;

    RecurrentKernel(RecurrentOps.Spec spec, int batch, int steps, float[] xp, float[] kernelU, float[] mask,
                    float[] recMask, float[] h0, int stateRows) {
        this.batch = batch;
        this.steps = steps;
        this.units = spec.units;
        this.width = spec.gates() * spec.units;
        this.stateRows = stateRows;
        this.backwards = spec.goBackwards;
        this.zeroOutputForMask = spec.zeroOutputForMask;
        this.act = spec.activation;
        this.rec = spec.recurrentActivation;
        this.xp = xp;
        this.kernelU = kernelU;
        this.mask = mask;
        this.recMask = recMask;
        this.hInit = h0 != null ? h0 : new float[batch * units];
        this.hp = new float[batch * steps * units];
        this.h = new float[batch * steps * units];
        this.out = new float[batch * (steps + stateRows) * units];
        this.z = new float[batch * width];
    }

    /** Runs the whole forward pass. */
    final void forward() {
        Parallel.forRange(batch, MIN_ROWS_PER_CHUNK, this::forwardRows);
    }

    /** The forward time loop for batch rows [b0, b1). */
    abstract void forwardRows(int b0, int b1);

    /** The input time index of processing step s. */
    final int time(int s) {
        return backwards ? steps - 1 - s : s;
    }

    /** +1 forwards, -1 with goBackwards: t - dir is the previous step's time. */
    final int dir() {
        return backwards ? -1 : 1;
    }

    final boolean live(int b, int t) {
        return mask == null || mask[b * steps + t] != 0f;
    }

    /** Offset of row (b, t) in a [B, T, w] buffer. */
    final int row(int b, int t, int w) {
        return (b * steps + t) * w;
    }

    /** The array holding the previous h of (b, step s): hInit at s = 0, else h. */
    final float[] prevHArray(int s) {
        return s == 0 ? hInit : h;
    }

    /** The offset of the previous h of (b, step s at time t) in {@link #prevHArray}. */
    final int prevHOffset(int b, int s, int t) {
        return s == 0 ? b * units : row(b, t - dir(), units);
    }

    /** Writes hp for the first step: hInit times the recurrent dropout mask. */
    final void initHp(int b0, int b1) {
        int t0 = time(0);
        for (int b = b0; b < b1; b++) {
            writeHp(hInit, b * units, b, t0);
        }
    }

    /** hp[b, t] = src * recMask[b]. */
    final void writeHp(float[] src, int srcOff, int b, int t) {
        int o = row(b, t, units);
        if (recMask == null) {
            System.arraycopy(src, srcOff, hp, o, units);
        } else {
            int m = b * units;
            for (int j = 0; j < units; j++) {
                hp[o + j] = src[srcOff + j] * recMask[m + j];
            }
        }
    }

    /**
     * After the state of (b, step s at time t) is in h: writes the step's output row, the next step's hp,
     * and after the last step the final-state row(s) of the packed output.
     */
    final void finishStep(int b, int s, int t) {
        int ho = row(b, t, units);
        int oo = (b * (steps + stateRows) + s) * units;
        if (zeroOutputForMask && !live(b, t)) {
            java.util.Arrays.fill(out, oo, oo + units, 0f);
        } else {
            System.arraycopy(h, ho, out, oo, units);
        }
        if (s + 1 < steps) {
            writeHp(h, ho, b, t + dir());
        } else {
            System.arraycopy(h, ho, out, (b * (steps + stateRows) + steps) * units, units);
        }
    }

    /** Adds the gradient of the step-s output into dh (dropped at masked steps with zeroOutputForMask). */
    final void addOutputGrad(float[] dOut, float[] dh, int b, int s, int t) {
        if (zeroOutputForMask && !live(b, t)) {
            return;
        }
        int oo = (b * (steps + stateRows) + s) * units;
        int d = b * units;
        for (int j = 0; j < units; j++) {
            dh[d + j] += dOut[oo + j];
        }
    }

    /** dh[b] = grad[b] * recMask[b] (+ base[b] when base is not null), for live rows. */
    final void setRecurrentGrad(float[] dh, float[] grad, float[] base, int b) {
        int d = b * units;
        for (int j = 0; j < units; j++) {
            float g = grad[d + j];
            if (recMask != null) {
                g *= recMask[d + j];
            }
            dh[d + j] = base == null ? g : base[d + j] + g;
        }
    }

    /** The gradient of the final state row r (0: h, 1: c) as a fresh [B, units] array. */
    final float[] finalStateGrad(float[] dOut, int r) {
        float[] g = new float[batch * units];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dOut, (b * (steps + stateRows) + steps + r) * units, g, b * units, units);
        }
        return g;
    }

    /** The recurrent kernel transposed, [width, units], for the per-step dh = dz U^T products. */
    final float[] transposedKernel() {
        float[] ut = new float[width * units];
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < width; j++) {
                ut[j * units + i] = kernelU[i * width + j];
            }
        }
        return ut;
    }

    /** The gradients a backward pass produces (null entries: not computed). */
    static final class Grads {
        float[] xp, kernelU, recBias, h0, c0;
    }

    /** Backpropagation through time from the packed output's gradient. */
    abstract Grads backward(float[] dOut, boolean needKernel, boolean needBias);
}
