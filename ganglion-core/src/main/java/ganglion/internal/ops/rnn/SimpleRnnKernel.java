package ganglion.internal.ops.rnn;

import ganglion.internal.kernels.Parallel;

/** Keras's SimpleRNN step, fused over the sequence: {@code h = act(x W + b + h_prev U)}. */
final class SimpleRnnKernel extends RecurrentKernel {

    SimpleRnnKernel(RecurrentOps.Spec spec, int batch, int steps, float[] xp, float[] kernelU, float[] mask,
                    float[] recMask, float[] h0) {
        super(spec, batch, steps, xp, kernelU, mask, recMask, h0, 1);
    }

    @Override
    void forwardRows(int b0, int b1) {
        int u = units;
        initHp(b0, b1);
        for (int s = 0; s < steps; s++) {
            int t = time(s);
            kern.gemm(false, false, b1 - b0, u, u, hp, row(b0, t, u), steps * u, kernelU, 0, u, 0f, z, b0 * u, u);
            float[] ph = prevHArray(s);
            for (int b = b0; b < b1; b++) {
                int co = row(b, t, u);
                if (!live(b, t)) {
                    System.arraycopy(ph, prevHOffset(b, s, t), h, co, u);
                } else {
                    int zo = b * u;
                    for (int j = 0; j < u; j++) {
                        h[co + j] = z[zo + j] + xp[co + j];
                    }
                    act.apply(h, co, u);
                }
                finishStep(b, s, t);
            }
        }
    }

    @Override
    Grads backward(float[] dOut, boolean needKernel, boolean needBias) {
        int u = units;
        float[] dh = finalStateGrad(dOut, 0);
        float[] dx = new float[batch * steps * u];
        float[] ut = transposedKernel();
        float[] dhp = new float[batch * u];
        Parallel.forRange(batch, 8, (b0, b1) -> {
            for (int s = steps - 1; s >= 0; s--) {
                int t = time(s);
                for (int b = b0; b < b1; b++) {
                    addOutputGrad(dOut, dh, b, s, t);
                    if (live(b, t)) {
                        int co = row(b, t, u);
                        System.arraycopy(dh, b * u, dx, co, u);
                        act.backward(h, co, dx, co, u);
                    }
                }
                kern.gemm(false, false, b1 - b0, u, u, dx, row(b0, t, u), steps * u, ut, 0, u, 0f, dhp, b0 * u, u);
                for (int b = b0; b < b1; b++) {
                    if (live(b, t)) {
                        setRecurrentGrad(dh, dhp, null, b);
                    }
                }
            }
        });
        Grads r = new Grads();
        if (needKernel) {
            r.kernelU = new float[u * u];
            kern.gemm(true, false, u, u, batch * steps, hp, 0, u, dx, 0, u, 0f, r.kernelU, 0, u);
        }
        r.xp = dx;
        r.h0 = dh;
        return r;
    }
}
