package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.ops.Shapes;

/**
 * Batch normalisation over the last axis with autograd: the input is read as rows x channels and every
 * channel is normalised over all rows (batch, height, width). Training mode uses the batch mean and the
 * biased (population) variance, and returns them so that the layer can update its moving statistics;
 * inference mode uses given statistics. {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}; a null
 * gamma means 1 and a null beta 0. Statistics are summed in double, row after row, on one thread.
 */
final class BatchNorm {

    private BatchNorm() {
    }

    /** Training-mode normalisation with the batch's statistics. */
    static ConvOps.BatchNormResult training(Tensor x, Tensor gamma, Tensor beta, float eps) {
        final int c = channels("batch_norm", x, gamma, beta);
        final int rows = c == 0 ? 0 : (int) (x.size() / c);
        if (rows == 0) {
            throw new IllegalArgumentException("batch_norm: cannot compute batch statistics of an empty batch "
                    + Shapes.str(x.shape()));
        }
        float[] xd = x.buffer();
        double[] sum = new double[c];
        for (int r = 0; r < rows; r++) {
            for (int ch = 0, i = r * c; ch < c; ch++) {
                sum[ch] += xd[i + ch];
            }
        }
        float[] mean = new float[c];
        for (int ch = 0; ch < c; ch++) {
            mean[ch] = (float) (sum[ch] / rows);
            sum[ch] = 0;
        }
        for (int r = 0; r < rows; r++) {
            for (int ch = 0, i = r * c; ch < c; ch++) {
                double d = xd[i + ch] - mean[ch];
                sum[ch] += d * d;
            }
        }
        float[] var = new float[c];
        final float[] invStd = new float[c];
        for (int ch = 0; ch < c; ch++) {
            var[ch] = (float) (sum[ch] / rows);
            invStd[ch] = (float) (1.0 / Math.sqrt((double) var[ch] + eps));
        }
        float[] y = normalise(xd, c, mean, invStd, gamma, beta);
        Tensor out;
        if (!Autograd.needsGrad(x, gamma == null ? x : gamma, beta == null ? x : beta)) {
            out = Tensor.wrap(y, x.shape());
        } else {
            out = Tensor.fromOp(y, x.shape(), new Node(inputs(x, gamma, beta)) {
                @Override
                public void backward(Tensor output, float[] gy) {
                    double[] sdy = new double[c], sdyx = new double[c];
                    for (int r = 0; r < rows; r++) {
                        for (int ch = 0, i = r * c; ch < c; ch++) {
                            float xhat = (xd[i + ch] - mean[ch]) * invStd[ch];
                            sdy[ch] += gy[i + ch];
                            sdyx[ch] += gy[i + ch] * xhat;
                        }
                    }
                    addParamGrads(gamma != null && gamma.requiresGrad() ? gradOf(gamma) : null,
                            beta != null && beta.requiresGrad() ? gradOf(beta) : null, sdyx, sdy);
                    if (x.requiresGrad()) {
                        float[] gx = gradOf(x);
                        float[] a = new float[c], mdy = new float[c], mdyx = new float[c];
                        for (int ch = 0; ch < c; ch++) {
                            a[ch] = (gamma == null ? 1f : gamma.buffer()[ch]) * invStd[ch];
                            mdy[ch] = (float) (sdy[ch] / rows);
                            mdyx[ch] = (float) (sdyx[ch] / rows);
                        }
                        for (int r = 0; r < rows; r++) {
                            for (int ch = 0, i = r * c; ch < c; ch++) {
                                float xhat = (xd[i + ch] - mean[ch]) * invStd[ch];
                                gx[i + ch] += a[ch] * (gy[i + ch] - mdy[ch] - xhat * mdyx[ch]);
                            }
                        }
                    }
                }

                @Override
                public String name() {
                    return "batch_norm";
                }
            });
        }
        return new ConvOps.BatchNormResult(out, mean, var);
    }

    /** Inference-mode normalisation with given (moving) statistics, which receive no gradient. */
    static Tensor inference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, float eps) {
        final int c = channels("batch_norm", x, gamma, beta);
        checkStat(mean, c, "mean");
        checkStat(variance, c, "variance");
        float[] xd = x.buffer();
        final float[] m = mean.buffer().clone();
        final float[] invStd = new float[c];
        for (int ch = 0; ch < c; ch++) {
            invStd[ch] = (float) (1.0 / Math.sqrt((double) variance.buffer()[ch] + eps));
        }
        float[] y = normalise(xd, c, m, invStd, gamma, beta);
        if (!Autograd.needsGrad(x, gamma == null ? x : gamma, beta == null ? x : beta)) {
            return Tensor.wrap(y, x.shape());
        }
        final int rows = c == 0 ? 0 : (int) (x.size() / c);
        return Tensor.fromOp(y, x.shape(), new Node(inputs(x, gamma, beta)) {
            @Override
            public void backward(Tensor output, float[] gy) {
                if ((gamma != null && gamma.requiresGrad()) || (beta != null && beta.requiresGrad())) {
                    double[] sdy = new double[c], sdyx = new double[c];
                    for (int r = 0; r < rows; r++) {
                        for (int ch = 0, i = r * c; ch < c; ch++) {
                            sdy[ch] += gy[i + ch];
                            sdyx[ch] += gy[i + ch] * ((xd[i + ch] - m[ch]) * invStd[ch]);
                        }
                    }
                    addParamGrads(gamma != null && gamma.requiresGrad() ? gradOf(gamma) : null,
                            beta != null && beta.requiresGrad() ? gradOf(beta) : null, sdyx, sdy);
                }
                if (x.requiresGrad()) {
                    float[] gx = gradOf(x);
                    float[] a = new float[c];
                    for (int ch = 0; ch < c; ch++) {
                        a[ch] = (gamma == null ? 1f : gamma.buffer()[ch]) * invStd[ch];
                    }
                    for (int r = 0; r < rows; r++) {
                        for (int ch = 0, i = r * c; ch < c; ch++) {
                            gx[i + ch] += a[ch] * gy[i + ch];
                        }
                    }
                }
            }

            @Override
            public String name() {
                return "batch_norm";
            }
        });
    }

    /** y = x * scale + shift per channel, with scale = gamma * invStd and shift = beta - mean * scale. */
    private static float[] normalise(float[] xd, int c, float[] mean, float[] invStd, Tensor gamma, Tensor beta) {
        float[] scale = new float[c], shift = new float[c];
        for (int ch = 0; ch < c; ch++) {
            scale[ch] = (gamma == null ? 1f : gamma.buffer()[ch]) * invStd[ch];
            shift[ch] = (beta == null ? 0f : beta.buffer()[ch]) - mean[ch] * scale[ch];
        }
        float[] y = new float[xd.length];
        for (int i = 0; i < xd.length; i += c) {
            for (int ch = 0; ch < c; ch++) {
                y[i + ch] = xd[i + ch] * scale[ch] + shift[ch];
            }
        }
        return y;
    }

    /** Adds the gamma gradient {@code sum(dy * xhat)} and the beta gradient {@code sum(dy)} (null: skip). */
    private static void addParamGrads(float[] gGamma, float[] gBeta, double[] sdyx, double[] sdy) {
        for (int ch = 0; gGamma != null && ch < gGamma.length; ch++) {
            gGamma[ch] += (float) sdyx[ch];
        }
        for (int ch = 0; gBeta != null && ch < gBeta.length; ch++) {
            gBeta[ch] += (float) sdy[ch];
        }
    }

    private static Tensor[] inputs(Tensor x, Tensor gamma, Tensor beta) {
        if (gamma != null && beta != null) {
            return new Tensor[]{x, gamma, beta};
        }
        if (gamma != null) {
            return new Tensor[]{x, gamma};
        }
        return beta != null ? new Tensor[]{x, beta} : new Tensor[]{x};
    }

    private static int channels(String op, Tensor x, Tensor gamma, Tensor beta) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException(op + " expects input of rank 2 or more (batch, ..., channels), got shape "
                    + Shapes.str(x.shape()));
        }
        int c = x.shape(-1);
        checkStat(gamma, c, "gamma");
        checkStat(beta, c, "beta");
        return c;
    }

    private static void checkStat(Tensor t, int c, String what) {
        if (t != null && (t.rank() != 1 || t.shape(0) != c)) {
            throw new IllegalArgumentException("batch_norm: " + what + " must have shape (" + c + ",), got "
                    + Shapes.str(t.shape()));
        }
    }
}
