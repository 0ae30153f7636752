package ganglion.internal.ops.rnn;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fused recurrence of Keras's recurrent layers as one differentiable op. The caller projects the inputs of
 * every time step at once ({@code xProj = x W + b}, shape {@code [batch, steps, gates * units]}, one GEMM);
 * {@link #run} then runs the recurrence over the whole sequence and records a single autograd node whose
 * backward pass is backpropagation through time.
 *
 * <p>The result is packed as {@code [batch, steps + stateRows(cell), units]}: the per-step outputs in
 * processing order, then the final h (and, for LSTM, the final c). Slice it with {@link #outputs},
 * {@link #lastOutput} and {@link #finalState}.
 */
public final class RecurrentOps {

    /** The recurrent cells. */
    public enum Cell {
        SIMPLE_RNN(1), LSTM(4), GRU(3), GRU_RESET_BEFORE(3);

        final int gates;

        Cell(int gates) {
            this.gates = gates;
        }

        /** Gate blocks in the kernels: 1, 4 or 3. */
        public int gates() {
            return gates;
        }

        /** Number of state tensors: 2 for LSTM (h, c), else 1. */
        public int states() {
            return this == LSTM ? 2 : 1;
        }
    }

    /** The static configuration of a recurrence. */
    public static final class Spec {
        final Cell cell;
        final int units;
        final RnnActivation activation;
        final RnnActivation recurrentActivation;
        final boolean goBackwards;
        final boolean zeroOutputForMask;

        public Spec(Cell cell, int units, RnnActivation activation, RnnActivation recurrentActivation,
                    boolean goBackwards, boolean zeroOutputForMask) {
            this.cell = cell;
            this.units = units;
            this.activation = activation;
            this.recurrentActivation = recurrentActivation;
            this.goBackwards = goBackwards;
            this.zeroOutputForMask = zeroOutputForMask;
        }

        int gates() {
            return cell.gates;
        }
    }

    private RecurrentOps() {
    }

    /**
     * Runs the recurrence.
     *
     * @param xProj           {@code [batch, steps, gates * units]}: the projected inputs, input bias included
     * @param recurrentKernel {@code [units, gates * units]}
     * @param recurrentBias   {@code [gates * units]} for GRU with resetAfter (Keras's bias row 1), else null
     * @param h0              initial h {@code [batch, units]}, or null for zeros
     * @param c0              initial c for LSTM, or null for zeros
     * @param mask            {@code [batch * steps]} 0/1 values, or null
     * @param recurrentDrop   recurrent dropout multipliers {@code [batch * units]} applied to h before the
     *                        recurrent product, or null
     * @return the packed {@code [batch, steps + states, units]} tensor
     */
    public static Tensor run(Spec spec, Tensor xProj, Tensor recurrentKernel, Tensor recurrentBias, Tensor h0,
                             Tensor c0, float[] mask, float[] recurrentDrop) {
        int[] xs = xProj.shape();
        int u = spec.units, w = spec.gates() * u;
        if (xs.length != 3 || xs[2] != w) {
            throw new IllegalArgumentException("recurrence: projected inputs must be [batch, steps, " + w
                    + "], got " + Arrays.toString(xs));
        }
        int batch = xs[0], steps = xs[1];
        if (steps == 0) {
            throw new IllegalArgumentException("recurrence: the input has no time steps (shape "
                    + Arrays.toString(xs) + ")");
        }
        checkShape("recurrent kernel", recurrentKernel, u, w);
        if (recurrentBias != null) {
            checkShape("recurrent bias", recurrentBias, w);
        }
        if (h0 != null) {
            checkShape("initial h", h0, batch, u);
        }
        if (c0 != null) {
            checkShape("initial c", c0, batch, u);
        }
        RecurrentKernel k = switch (spec.cell) {
            case LSTM -> new LstmKernel(spec, batch, steps, xProj.buffer(), recurrentKernel.buffer(), mask,
                    recurrentDrop, buf(h0), buf(c0));
            case GRU, GRU_RESET_BEFORE -> new GruKernel(spec, batch, steps, xProj.buffer(),
                    recurrentKernel.buffer(), buf(recurrentBias), mask, recurrentDrop, buf(h0));
            case SIMPLE_RNN -> new SimpleRnnKernel(spec, batch, steps, xProj.buffer(), recurrentKernel.buffer(),
                    mask, recurrentDrop, buf(h0));
        };
        k.forward();
        int[] outShape = {batch, steps + spec.cell.states(), u};
        List<Tensor> ins = new ArrayList<>();
        for (Tensor t : new Tensor[]{xProj, recurrentKernel, recurrentBias, h0, c0}) {
            if (t != null) {
                ins.add(t);
            }
        }
        Tensor[] inputs = ins.toArray(new Tensor[0]);
        if (!Autograd.needsGrad(inputs)) {
            return Tensor.wrap(k.out, outShape);
        }
        return Tensor.fromOp(k.out, outShape, new Node(inputs) {
            @Override
            public void backward(Tensor output, float[] g) {
                RecurrentKernel.Grads gr = k.backward(g, recurrentKernel.requiresGrad(),
                        recurrentBias != null && recurrentBias.requiresGrad());
                if (gr.kernelU != null) {
                    accumulate(recurrentKernel, gr.kernelU);
                }
                if (recurrentBias != null && gr.recBias != null) {
                    accumulate(recurrentBias, gr.recBias);
                }
                if (h0 != null) {
                    accumulate(h0, gr.h0);
                }
                if (c0 != null && gr.c0 != null) {
                    accumulate(c0, gr.c0);
                }
                accumulate(xProj, gr.xp);
            }

            @Override
            public String name() {
                return "recurrence_" + spec.cell.name().toLowerCase();
            }
        });
    }

    private static float[] buf(Tensor t) {
        return t == null ? null : t.buffer();
    }

    private static void checkShape(String what, Tensor t, int... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("recurrence: " + what + " must have shape " + Arrays.toString(shape)
                    + ", got " + Arrays.toString(t.shape()));
        }
    }

    /** The per-step outputs {@code [batch, steps, units]} of a packed result. */
    public static Tensor outputs(Tensor packed, int steps) {
        return packed.slice(1, 0, steps);
    }

    /** The output of the last processed step, {@code [batch, units]}. */
    public static Tensor lastOutput(Tensor packed, int steps) {
        int[] s = packed.shape();
        return packed.slice(1, steps - 1, steps).reshape(s[0], s[2]);
    }

    /** Final state i (0: h, 1: c for LSTM), {@code [batch, units]}. */
    public static Tensor finalState(Tensor packed, int steps, int i) {
        int[] s = packed.shape();
        return packed.slice(1, steps + i, steps + i + 1).reshape(s[0], s[2]);
    }
}
