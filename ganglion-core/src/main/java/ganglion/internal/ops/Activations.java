package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.kernels.KernelProvider;
import ganglion.internal.kernels.Kernels;

/** Activation functions and their gradients. */
public final class Activations {

    private static final float SELU_ALPHA = 1.6732632423543772f;
    private static final float SELU_SCALE = 1.0507009873554805f;

    private Activations() {
    }

    /** A pointwise function with its derivative expressed through input x and output y. */
    private interface Pointwise {
        float f(float x);

        float df(float x, float y);
    }

    private static Tensor pointwise(Tensor a, String name, Pointwise fn) {
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        for (int i = 0; i < ad.length; i++) {
            out[i] = fn.f(ad[i]);
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    ga[i] = g[i] * fn.df(ad[i], out[i]);
                }
                accumulate(a, ga);
            }

            @Override
            public String name() {
                return name;
            }
        });
    }

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
        // Two branches keep exp's argument non-positive: no overflow for large |x|.
        if (x >= 0) {
            return 1f / (1f + (float) Math.exp(-x));
        }
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }

    public static Tensor sigmoid(Tensor a) {
        return pointwise(a, "sigmoid", new Pointwise() {
            public float f(float x) {
                return sigmoid(x);
            }

            public float df(float x, float y) {
                return y * (1f - y);
            }
        }).withActivationLogits(a);
    }

    public static Tensor tanh(Tensor a) {
        return pointwise(a, "tanh", new Pointwise() {
            public float f(float x) {
                return (float) Math.tanh(x);
            }

            public float df(float x, float y) {
                return 1f - y * y;
            }
        });
    }

    public static Tensor softplus(Tensor a) {
        return pointwise(a, "softplus", new Pointwise() {
            public float f(float x) {
                // log(1 + e^x) = max(x, 0) + log1p(e^-|x|)
                return Math.max(x, 0f) + (float) Math.log1p(Math.exp(-Math.abs(x)));
            }

            public float df(float x, float y) {
                return sigmoid(x);
            }
        });
    }

    public static Tensor elu(Tensor a, float alpha) {
        return pointwise(a, "elu", new Pointwise() {
            public float f(float x) {
                return x > 0 ? x : alpha * (float) Math.expm1(x);
            }

            public float df(float x, float y) {
                return x > 0 ? 1f : y + alpha;
            }
        });
    }

    public static Tensor selu(Tensor a) {
        return pointwise(a, "selu", new Pointwise() {
            public float f(float x) {
                return x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * (float) Math.expm1(x);
            }

            public float df(float x, float y) {
                return x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
            }
        });
    }

    public static Tensor gelu(Tensor a, boolean approximate) {
        final double c = Math.sqrt(2.0 / Math.PI);
        return pointwise(a, approximate ? "gelu_tanh" : "gelu", new Pointwise() {
            public float f(float x) {
                if (approximate) {
                    return (float) (0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x))));
                }
                return (float) (0.5 * x * (1 + Erf.erf(x / Math.sqrt(2))));
            }

            public float df(float x, float y) {
                if (approximate) {
                    double u = c * (x + 0.044715 * x * x * x);
                    double t = Math.tanh(u);
                    double du = c * (1 + 3 * 0.044715 * x * x);
                    return (float) (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du);
                }
                double cdf = 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
                double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
                return (float) (cdf + x * pdf);
            }
        });
    }

    public static Tensor swish(Tensor a) {
        return pointwise(a, "swish", new Pointwise() {
            public float f(float x) {
                return x * sigmoid(x);
            }

            public float df(float x, float y) {
                float s = sigmoid(x);
                return s + x * s * (1f - s);
            }
        });
    }

    public static Tensor leakyRelu(Tensor a, float slope) {
        return pointwise(a, "leaky_relu", new Pointwise() {
            public float f(float x) {
                return x > 0 ? x : slope * x;
            }

            public float df(float x, float y) {
                return x > 0 ? 1f : slope;
            }
        });
    }

    public static Tensor softmax(Tensor a, int axis) {
        int rank = a.rank();
        if (rank == 0) {
            throw new IllegalArgumentException("softmax: needs a tensor of rank >= 1");
        }
        int ax = Shapes.axis(axis, rank, "softmax");
        if (ax != rank - 1) {
            int[] perm = swapLast(rank, ax);
            return softmax(a.permute(perm), -1).permute(perm);
        }
        int cols = a.shape(-1);
        int rows = (int) (a.size() / Math.max(1, cols));
        float[] out = new float[(int) a.size()];
        KernelProvider.get().softmaxRows(a.buffer(), 0, out, 0, rows, cols);
        Tensor y;
        if (!Autograd.needsGrad(a)) {
            y = Tensor.wrap(out, a.shape());
        } else {
            y = Tensor.fromOp(out, a.shape(), new Node(a) {
                @Override
                public void backward(Tensor result, float[] g) {
                    Kernels k = KernelProvider.get();
                    float[] ga = new float[g.length];
                    for (int r = 0; r < rows; r++) {
                        int o = r * cols;
                        float dot = k.dot(g, o, out, o, cols);
                        for (int j = 0; j < cols; j++) {
                            ga[o + j] = out[o + j] * (g[o + j] - dot);
                        }
                    }
                    accumulate(a, ga);
                }

                @Override
                public String name() {
                    return "softmax";
                }
            });
        }
        return y.withActivationLogits(a);
    }

    public static Tensor logSoftmax(Tensor a, int axis) {
        int rank = a.rank();
        int ax = Shapes.axis(axis, rank, "logSoftmax");
        if (ax != rank - 1) {
            int[] perm = swapLast(rank, ax);
            return logSoftmax(a.permute(perm), -1).permute(perm);
        }
        int cols = a.shape(-1);
        int rows = (int) (a.size() / Math.max(1, cols));
        float[] ad = a.buffer();
        float[] out = new float[ad.length];
        Kernels k = KernelProvider.get();
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float mx = k.max(ad, o, cols);
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += Math.exp(ad[o + j] - mx);
            }
            float lse = mx + (float) Math.log(s);
            for (int j = 0; j < cols; j++) {
                out[o + j] = ad[o + j] - lse;
            }
        }
        if (!Autograd.needsGrad(a)) {
            return Tensor.wrap(out, a.shape());
        }
        return Tensor.fromOp(out, a.shape(), new Node(a) {
            @Override
            public void backward(Tensor result, float[] g) {
                float[] ga = new float[g.length];
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    float gs = KernelProvider.get().sum(g, o, cols);
                    for (int j = 0; j < cols; j++) {
                        ga[o + j] = g[o + j] - (float) Math.exp(out[o + j]) * gs;
                    }
                }
                accumulate(a, ga);
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
