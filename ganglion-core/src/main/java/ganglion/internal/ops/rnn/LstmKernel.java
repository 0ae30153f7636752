package ganglion.internal.ops.rnn;

import ganglion.internal.kernels.Parallel;

/**
 * Keras's LSTM step, fused over the sequence. Gate order i, f, c, o (Keras's and PyTorch's i, f, g, o):
 * {@code z = x W + b + h U}, {@code c = f * c_prev + i * act(z_c)}, {@code h = o * act(c)}.
 */
final class LstmKernel extends RecurrentKernel {

    private final float[] cInit;   // [B, u]
    private final float[] gates;   // activated i, f, c, o: [B, T, 4u]
    private final float[] c;       // cell state after each step: [B, T, u]
    private final float[] tc;      // act(c): [B, T, u]

    LstmKernel(RecurrentOps.Spec spec, int batch, int steps, float[] xp, float[] kernelU, float[] mask,
               float[] recMask, float[] h0, float[] c0) {
        super(spec, batch, steps, xp, kernelU, mask, recMask, h0, 2);
        this.cInit = c0 != null ? c0 : new float[batch * units];
        this.gates = new float[batch * steps * width];
        this.c = new float[batch * steps * units];
        this.tc = new float[batch * steps * units];
    }

    @Override
    void forwardRows(int b0, int b1) {
        int u = units, g4 = width;
        initHp(b0, b1);
        for (int s = 0; s < steps; s++) {
            int t = time(s);
            kern.gemm(false, false, b1 - b0, g4, u, hp, row(b0, t, u), steps * u, kernelU, 0, g4,
                    0f, z, b0 * g4, g4);
            float[] ph = prevHArray(s);
            float[] pc = s == 0 ? cInit : c;
            for (int b = b0; b < b1; b++) {
                int zo = b * g4, go = row(b, t, g4), co = row(b, t, u);
                int po = prevHOffset(b, s, t);
                if (!live(b, t)) {
                    System.arraycopy(pc, po, c, co, u);
                    System.arraycopy(ph, po, h, co, u);
                    finishStep(b, s, t);
                    continue;
                }
                for (int j = 0; j < g4; j++) {
                    gates[go + j] = z[zo + j] + xp[go + j];
                }
                rec.apply(gates, go, 2 * u);
                act.apply(gates, go + 2 * u, u);
                rec.apply(gates, go + 3 * u, u);
                for (int j = 0; j < u; j++) {
                    float cv = gates[go + u + j] * pc[po + j] + gates[go + j] * gates[go + 2 * u + j];
                    c[co + j] = cv;
                    tc[co + j] = cv;
                }
                act.apply(tc, co, u);
                for (int j = 0; j < u; j++) {
                    h[co + j] = gates[go + 3 * u + j] * tc[co + j];
                }
                finishStep(b, s, t);
            }
        }
        for (int b = b0; b < b1; b++) {
            System.arraycopy(c, row(b, time(steps - 1), units), out, (b * (steps + 2) + steps + 1) * units, units);
        }
    }

    @Override
    Grads backward(float[] dOut, boolean needKernel, boolean needBias) {
        int u = units, g4 = width;
        float[] dh = finalStateGrad(dOut, 0);
        float[] dc = finalStateGrad(dOut, 1);
        float[] dg = new float[batch * steps * g4];
        float[] ut = transposedKernel();
        float[] tmp = new float[batch * u];
        float[] dhp = new float[batch * u];
        Parallel.forRange(batch, 8, (b0, b1) -> {
            for (int s = steps - 1; s >= 0; s--) {
                int t = time(s);
                float[] pc = s == 0 ? cInit : c;
                for (int b = b0; b < b1; b++) {
                    addOutputGrad(dOut, dh, b, s, t);
                    if (!live(b, t)) {
                        continue;
                    }
                    int go = row(b, t, g4), co = row(b, t, u), d = b * u;
                    int po = prevHOffset(b, s, t);
                    for (int j = 0; j < u; j++) {
                        tmp[d + j] = dh[d + j] * gates[go + 3 * u + j];     // d act(c)
                        dg[go + 3 * u + j] = dh[d + j] * tc[co + j];        // d o
                    }
                    act.backward(tc, co, tmp, d, u);
                    for (int j = 0; j < u; j++) {
                        float dcc = dc[d + j] + tmp[d + j];
                        dg[go + j] = dcc * gates[go + 2 * u + j];           // d i
                        dg[go + u + j] = dcc * pc[po + j];                  // d f
                        dg[go + 2 * u + j] = dcc * gates[go + j];           // d act(z_c)
                        dc[d + j] = dcc * gates[go + u + j];
                    }
                    rec.backward(gates, go, dg, go, 2 * u);
                    act.backward(gates, go + 2 * u, dg, go + 2 * u, u);
                    rec.backward(gates, go + 3 * u, dg, go + 3 * u, u);
                }
                kern.gemm(false, false, b1 - b0, u, g4, dg, row(b0, t, g4), steps * g4, ut, 0, u,
                        0f, dhp, b0 * u, u);
                for (int b = b0; b < b1; b++) {
                    if (live(b, t)) {
                        setRecurrentGrad(dh, dhp, null, b);
                    }
                }
            }
        });
        Grads r = new Grads();
        if (needKernel) {
            r.kernelU = new float[u * g4];
            kern.gemm(true, false, u, g4, batch * steps, hp, 0, u, dg, 0, g4, 0f, r.kernelU, 0, g4);
        }
        r.xp = dg;
        r.h0 = dh;
        r.c0 = dc;
        return r;
    }
}
