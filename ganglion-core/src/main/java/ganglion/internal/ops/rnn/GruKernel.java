package ganglion.internal.ops.rnn;

import ganglion.internal.kernels.Parallel;

/**
 * Keras's GRU step, fused over the sequence. Gate order z, r, h. With {@code resetAfter} (Keras's default,
 * PyTorch's GRU): {@code rec = h_prev U + b_rec}, {@code hh = act(x_h + r * rec_h)}; without it:
 * {@code hh = act(x_h + (r * h_prev) U_h)}. In both, {@code h = z * h_prev + (1 - z) * hh}.
 */
final class GruKernel extends RecurrentKernel {

    private final boolean resetAfter;
    private final float[] recBias;  // [3u] or null (resetAfter only)
    private final float[] gates;    // activated z, r, hh: [B, T, 3u]
    /** resetAfter: the recurrent h part (h_prev U_h + b_rec_h); else r * hp. [B, T, u] */
    private final float[] aux;

    GruKernel(RecurrentOps.Spec spec, int batch, int steps, float[] xp, float[] kernelU, float[] recBias,
              float[] mask, float[] recMask, float[] h0) {
        super(spec, batch, steps, xp, kernelU, mask, recMask, h0, 1);
        this.resetAfter = spec.cell == RecurrentOps.Cell.GRU;
        this.recBias = recBias;
        this.gates = new float[batch * steps * width];
        this.aux = new float[batch * steps * units];
    }

    @Override
    void forwardRows(int b0, int b1) {
        int u = units, g3 = width;
        initHp(b0, b1);
        for (int s = 0; s < steps; s++) {
            int t = time(s);
            float[] ph = prevHArray(s);
            if (resetAfter) {
                kern.gemm(false, false, b1 - b0, g3, u, hp, row(b0, t, u), steps * u, kernelU, 0, g3,
                        0f, z, b0 * g3, g3);
            } else {
                kern.gemm(false, false, b1 - b0, 2 * u, u, hp, row(b0, t, u), steps * u, kernelU, 0, g3,
                        0f, z, b0 * g3, g3);
            }
            for (int b = b0; b < b1; b++) {
                if (!live(b, t)) {
                    continue;
                }
                int zo = b * g3, go = row(b, t, g3), co = row(b, t, u);
                if (recBias != null) {
                    for (int j = 0; j < g3; j++) {
                        z[zo + j] += recBias[j];
                    }
                }
                for (int j = 0; j < 2 * u; j++) {
                    gates[go + j] = z[zo + j] + xp[go + j];
                }
                rec.apply(gates, go, 2 * u);
                if (resetAfter) {
                    for (int j = 0; j < u; j++) {
                        float rh = z[zo + 2 * u + j];
                        aux[co + j] = rh;
                        gates[go + 2 * u + j] = xp[go + 2 * u + j] + gates[go + u + j] * rh;
                    }
                } else {
                    for (int j = 0; j < u; j++) {
                        aux[co + j] = gates[go + u + j] * hp[co + j];
                    }
                }
            }
            if (!resetAfter) {
                kern.gemm(false, false, b1 - b0, u, u, aux, row(b0, t, u), steps * u, kernelU, 2 * u, g3,
                        0f, z, b0 * g3 + 2 * u, g3);
            }
            for (int b = b0; b < b1; b++) {
                int co = row(b, t, u);
                int po = prevHOffset(b, s, t);
                if (!live(b, t)) {
                    System.arraycopy(ph, po, h, co, u);
                    finishStep(b, s, t);
                    continue;
                }
                int zo = b * g3, go = row(b, t, g3);
                if (!resetAfter) {
                    for (int j = 0; j < u; j++) {
                        gates[go + 2 * u + j] = xp[go + 2 * u + j] + z[zo + 2 * u + j];
                    }
                }
                act.apply(gates, go + 2 * u, u);
                for (int j = 0; j < u; j++) {
                    float zz = gates[go + j];
                    h[co + j] = zz * ph[po + j] + (1f - zz) * gates[go + 2 * u + j];
                }
                finishStep(b, s, t);
            }
        }
    }

    @Override
    Grads backward(float[] dOut, boolean needKernel, boolean needBias) {
        int u = units, g3 = width;
        float[] dh = finalStateGrad(dOut, 0);
        float[] dx = new float[batch * steps * g3];
        float[] dr = resetAfter ? new float[batch * steps * g3] : dx;
        float[] ut = transposedKernel();
        float[] direct = new float[batch * u];
        float[] s2 = new float[batch * u];
        float[] s3 = new float[batch * u];
        Parallel.forRange(batch, 8, (b0, b1) -> {
            for (int s = steps - 1; s >= 0; s--) {
                int t = time(s);
                float[] ph = prevHArray(s);
                for (int b = b0; b < b1; b++) {
                    addOutputGrad(dOut, dh, b, s, t);
                    if (!live(b, t)) {
                        continue;
                    }
                    int go = row(b, t, g3), co = row(b, t, u), d = b * u;
                    int po = prevHOffset(b, s, t);
                    for (int j = 0; j < u; j++) {
                        float g = dh[d + j], zz = gates[go + j], hh = gates[go + 2 * u + j];
                        dx[go + j] = g * (ph[po + j] - hh);
                        dx[go + 2 * u + j] = g * (1f - zz);
                        direct[d + j] = g * zz;
                    }
                    rec.backward(gates, go, dx, go, u);
                    act.backward(gates, go + 2 * u, dx, go + 2 * u, u);
                    if (resetAfter) {
                        for (int j = 0; j < u; j++) {
                            float dhh = dx[go + 2 * u + j];
                            dx[go + u + j] = dhh * aux[co + j];
                            dr[go + 2 * u + j] = dhh * gates[go + u + j];
                        }
                        rec.backward(gates, go + u, dx, go + u, u);
                        System.arraycopy(dx, go, dr, go, 2 * u);
                    }
                }
                if (resetAfter) {
                    kern.gemm(false, false, b1 - b0, u, g3, dr, row(b0, t, g3), steps * g3, ut, 0, u,
                            0f, s2, b0 * u, u);
                    for (int b = b0; b < b1; b++) {
                        if (live(b, t)) {
                            setRecurrentGrad(dh, s2, direct, b);
                        }
                    }
                    continue;
                }
                // d(r * hp) = dhh_pre U_h^T
                kern.gemm(false, false, b1 - b0, u, u, dx, row(b0, t, g3) + 2 * u, steps * g3, ut, 2 * u * u, u,
                        0f, s2, b0 * u, u);
                for (int b = b0; b < b1; b++) {
                    if (!live(b, t)) {
                        continue;
                    }
                    int go = row(b, t, g3), co = row(b, t, u), d = b * u;
                    for (int j = 0; j < u; j++) {
                        float drh = s2[d + j];
                        dx[go + u + j] = drh * hp[co + j];
                        s3[d + j] = drh * gates[go + u + j];
                    }
                    rec.backward(gates, go + u, dx, go + u, u);
                }
                kern.gemm(false, false, b1 - b0, u, 2 * u, dx, row(b0, t, g3), steps * g3, ut, 0, u,
                        0f, s2, b0 * u, u);
                for (int b = b0; b < b1; b++) {
                    if (live(b, t)) {
                        int d = b * u;
                        for (int j = 0; j < u; j++) {
                            s2[d + j] += s3[d + j];
                        }
                        setRecurrentGrad(dh, s2, direct, b);
                    }
                }
            }
        });
        Grads r = new Grads();
        if (needKernel) {
            r.kernelU = new float[u * g3];
            if (resetAfter) {
                kern.gemm(true, false, u, g3, batch * steps, hp, 0, u, dr, 0, g3, 0f, r.kernelU, 0, g3);
            } else {
                kern.gemm(true, false, u, 2 * u, batch * steps, hp, 0, u, dx, 0, g3, 0f, r.kernelU, 0, g3);
                kern.gemm(true, false, u, u, batch * steps, aux, 0, u, dx, 2 * u, g3, 0f, r.kernelU, 2 * u, g3);
            }
        }
        if (needBias && resetAfter) {
            r.recBias = new float[g3];
            kern.sumRowsInto(dr, 0, batch * steps, g3, r.recBias, 0);
        }
        r.xp = dx;
        r.h0 = dh;
        return r;
    }
}
