package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

/** Activation functions and their gradients (Keras's {@code keras.activations}). */
public final class Activations {

    private Activations() {
    }

    private static Tensor pointwise(Tensor a, ActivationLoops fn, float p) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        fn.forward(ad, out, p);
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                fn.backward(ad, out, g, gradOf(a), p);
            }

            @Override
            public String name() {
                return fn.label;
            }
        });
    }

    /** max(x, 0). */
    public static Tensor relu(Tensor a) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        KernelProvider.get().relu(ad, 0, out, 0, ad.length);
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                KernelProvider.get().reluBackward(out, 0, g, 0, gradOf(a), 0, g.length);
            }

            @Override
            public String name() {
                return "relu";
            }
        });
    }

    static float sigmoid(float x) {
        return ActivationLoops.sigmoid(x);
    }

    /** 1 / (1 + e^-x); the result remembers its logits for the fused crossentropy path. */
    public static Tensor sigmoid(Tensor a) {
        return pointwise(a, ActivationLoops.SIGMOID, 0f).withActivationLogits(a);
    }

    public static Tensor tanh(Tensor a) {
        return pointwise(a, ActivationLoops.TANH, 0f);
    }

    /** log(1 + e^x). */
    public static Tensor softplus(Tensor a) {
        return pointwise(a, ActivationLoops.SOFTPLUS, 0f);
    }

    /** x if x &gt; 0 else alpha (e^x - 1). */
    public static Tensor elu(Tensor a, float alpha) {
        return pointwise(a, ActivationLoops.ELU, alpha);
    }

    public static Tensor selu(Tensor a) {
        return pointwise(a, ActivationLoops.SELU, 0f);
    }

    /** GELU, exact (erf) or tanh-approximated, as keras.activations.gelu(x, approximate). */
    public static Tensor gelu(Tensor a, boolean approximate) {
        return pointwise(a, approximate ? ActivationLoops.GELU_TANH : ActivationLoops.GELU, 0f);
    }

    /** x * sigmoid(x). */
    public static Tensor swish(Tensor a) {
        return pointwise(a, ActivationLoops.SWISH, 0f);
    }

    /** x if x &gt; 0 else slope * x. */
    public static Tensor leakyRelu(Tensor a, float slope) {
        return pointwise(a, ActivationLoops.LEAKY_RELU, slope);
    }

    /**
     * Softmax over an axis. A softmax over the last axis remembers its logits (for the fused crossentropy
     * path, as Keras's TensorFlow backend does); over another axis it is computed by moving that axis last.
     */
    public static Tensor softmax(Tensor a, int axis) {
        int rank = a.rank();
        if (rank == 0) {
            throw new IllegalArgumentException("softmax: needs a tensor of rank >= 1, got a scalar");
        }
        int ax = Shapes.axis(axis, rank, "softmax");
        if (ax != rank - 1) {
            int[] perm = swapLast(rank, ax);
            return softmax(a.permute(perm), -1).permute(perm);
        }
        int cols = a.shape(-1);
        float[] out = new float[(int) a.size()];
        if (out.length == 0) {
            return Tensor.wrap(out, a.shape());
        }
        int rows = out.length / cols;
        KernelProvider.get().softmaxRows(a.buffer(), 0, out, 0, rows, cols);
        Tensor y;
        if (!Autograd.needsGrad(a)) {
            y = Tensor.wrap(out, a.shape());
        } else {
            y = Tensor.fromOp(out, a.shape(), new Node(a) {
                @Override
                public void backward(Tensor result, float[] g) {
                    // dx = y * (g - sum(g * y))
                    Kernels k = KernelProvider.get();
                    float[] ga = gradOf(a);
                    for (int r = 0; r < rows; r++) {
                        int o = r * cols;
                        float dot = k.dot(g, o, out, o, cols);
                        for (int j = o; j < o + cols; j++) {
                            ga[j] += out[j] * (g[j] - dot);
                        }
                    }
                }

                @Override
                public String name() {
                    return "softmax";
                }
            });
        }
        return y.withActivationLogits(a);
    }

    /** log(softmax(x)) over an axis, computed stably as x - logsumexp(x). */
    public static Tensor logSoftmax(Tensor a, int axis) {
        int rank = a.rank();
        if (rank == 0) {
            throw new IllegalArgumentException("logSoftmax: needs a tensor of rank >= 1, got a scalar");
        }
        int ax = Shapes.axis(axis, rank, "logSoftmax");
        if (ax != rank - 1) {
            int[] perm = swapLast(rank, ax);
            return logSoftmax(a.permute(perm), -1).permute(perm);
        }
        int cols = a.shape(-1);
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        int rows = cols == 0 ? 0 : ad.length / cols;
        Kernels k = KernelProvider.get();
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float mx = k.max(ad, o, cols);
            double s = 0;
            for (int j = o; j < o + cols; j++) {
                s += Math.exp(ad[j] - mx);
            }
            float lse = mx + (float) Math.log(s);
            for (int j = o; j < o + cols; j++) {
                out[j] = ad[j] - lse;
            }
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                // dx = g - softmax(x) * sum(g)
                float[] ga = gradOf(a);
                Kernels kk = KernelProvider.get();
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    float gs = kk.sum(g, o, cols);
                    for (int j = o; j < o + cols; j++) {
                        ga[j] += g[j] - (float) Math.exp(out[j]) * gs;
                    }
                }
            }

            @Override
            public String name() {
                return "log_softmax";
            }
        });
    }

    private static int[] swapLast(int rank, int ax) {
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[ax] = rank - 1;
        perm[rank - 1] = ax;
        return perm;
    }
}
