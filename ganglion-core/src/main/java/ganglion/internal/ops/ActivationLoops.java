package ganglion.internal.ops;

/**
 * Forward and backward loops of the pointwise activations. Each function is one constant with two plain
 * loops, so the per-element work has no virtual call; {@code p} is the function's parameter (ELU's alpha,
 * leaky ReLU's slope), ignored by the others.
 */
enum ActivationLoops {

    SIGMOID("sigmoid") {
        void forward(float[] x, float[] y, float p) {
            for (int i = 0; i < x.length; i++) {
                y[i] = sigmoid(x[i]);
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            for (int i = 0; i < g.length; i++) {
                float s = y[i];
                gx[i] += g[i] * s * (1f - s);
            }
        }
    },
    TANH("tanh") {
        void forward(float[] x, float[] y, float p) {
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) Math.tanh(x[i]);
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            for (int i = 0; i < g.length; i++) {
                float t = y[i];
                gx[i] += g[i] * (1f - t * t);
            }
        }
    },
    SOFTPLUS("softplus") {
        void forward(float[] x, float[] y, float p) {
            // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large |x|
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                y[i] = Math.max(v, 0f) + (float) Math.log1p(Math.exp(-Math.abs(v)));
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * sigmoid(x[i]);
            }
        }
    },
    ELU("elu") {
        void forward(float[] x, float[] y, float alpha) {
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                y[i] = v > 0f ? v : alpha * (float) Math.expm1(v);
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float alpha) {
            // for x <= 0: d/dx alpha (e^x - 1) = alpha e^x = y + alpha
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * (x[i] > 0f ? 1f : y[i] + alpha);
            }
        }
    },
    SELU("selu") {
        void forward(float[] x, float[] y, float p) {
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                y[i] = v > 0f ? SELU_SCALE * v : SELU_SCALE * SELU_ALPHA * (float) Math.expm1(v);
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * (x[i] > 0f ? SELU_SCALE : y[i] + SELU_SCALE * SELU_ALPHA);
            }
        }
    },
    GELU("gelu") {
        void forward(float[] x, float[] y, float p) {
            // 0.5 x (1 + erf(x / sqrt 2))
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = (float) (0.5 * v * (1 + Erf.erf(v * INV_SQRT2)));
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            // Phi(x) + x phi(x)
            for (int i = 0; i < g.length; i++) {
                double v = x[i];
                double cdf = 0.5 * (1 + Erf.erf(v * INV_SQRT2));
                double pdf = Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
                gx[i] += g[i] * (float) (cdf + v * pdf);
            }
        }
    },
    GELU_TANH("gelu_approximate") {
        void forward(float[] x, float[] y, float p) {
            // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                y[i] = (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))));
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            for (int i = 0; i < g.length; i++) {
                double v = x[i];
                double t = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
                double du = SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
                gx[i] += g[i] * (float) (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du);
            }
        }
    },
    SWISH("swish") {
        void forward(float[] x, float[] y, float p) {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] * sigmoid(x[i]);
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float p) {
            // s + x s (1 - s)
            for (int i = 0; i < g.length; i++) {
                float v = x[i];
                float s = sigmoid(v);
                gx[i] += g[i] * (s + v * s * (1f - s));
            }
        }
    },
    LEAKY_RELU("leaky_relu") {
        void forward(float[] x, float[] y, float slope) {
            for (int i = 0; i < x.length; i++) {
                float v = x[i];
                y[i] = v > 0f ? v : slope * v;
            }
        }

        void backward(float[] x, float[] y, float[] g, float[] gx, float slope) {
            for (int i = 0; i < g.length; i++) {
                gx[i] += x[i] > 0f ? g[i] : slope * g[i];
            }
        }
    };

    static final float SELU_ALPHA = 1.6732632423543772f;
    static final float SELU_SCALE = 1.0507009873554805f;
    static final double INV_SQRT2 = 1 / Math.sqrt(2);
    static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    final String label;

    ActivationLoops(String label) {
        this.label = label;
    }

    abstract void forward(float[] x, float[] y, float p);

    /** gx += g * f'(x). */
    abstract void backward(float[] x, float[] y, float[] g, float[] gx, float p);

    /** The logistic function, with exp's argument kept non-positive so that it never overflows. */
    static float sigmoid(float x) {
        if (x >= 0f) {
            return 1f / (1f + (float) Math.exp(-x));
        }
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }
}
