package ganglion.internal.ops.rnn;

import java.util.Locale;

/**
 * The activations the fused recurrent kernels evaluate in place on runs of floats, with the derivative taken
 * from the output (so nothing but the activated value needs saving). One loop per constant: no per-element
 * virtual call.
 */
public enum RnnActivation {

    TANH {
        @Override
        void apply(float[] a, int off, int n) {
            GateMath.INSTANCE.tanh(a, off, n);
        }

        @Override
        void backward(float[] y, int yOff, float[] g, int gOff, int n) {
            for (int i = 0; i < n; i++) {
                float t = y[yOff + i];
                g[gOff + i] *= 1f - t * t;
            }
        }
    },
    SIGMOID {
        @Override
        void apply(float[] a, int off, int n) {
            GateMath.INSTANCE.sigmoid(a, off, n);
        }

        @Override
        void backward(float[] y, int yOff, float[] g, int gOff, int n) {
            for (int i = 0; i < n; i++) {
                float s = y[yOff + i];
                g[gOff + i] *= s * (1f - s);
            }
        }
    },
    RELU {
        @Override
        void apply(float[] a, int off, int n) {
            for (int i = off, e = off + n; i < e; i++) {
                a[i] = Math.max(a[i], 0f);
            }
        }

        @Override
        void backward(float[] y, int yOff, float[] g, int gOff, int n) {
            for (int i = 0; i < n; i++) {
                if (!(y[yOff + i] > 0f)) {
                    g[gOff + i] = 0f;
                }
            }
        }
    },
    /** Keras 3's hard_sigmoid: relu6(x + 3) / 6. */
    HARD_SIGMOID {
        @Override
        void apply(float[] a, int off, int n) {
            for (int i = off, e = off + n; i < e; i++) {
                a[i] = Math.min(Math.max(a[i] + 3f, 0f), 6f) / 6f;
            }
        }

        @Override
        void backward(float[] y, int yOff, float[] g, int gOff, int n) {
            for (int i = 0; i < n; i++) {
                float v = y[yOff + i];
                g[gOff + i] *= (v > 0f && v < 1f) ? 1f / 6f : 0f;
            }
        }
    },
    LINEAR {
        @Override
        void apply(float[] a, int off, int n) {
        }

        @Override
        void backward(float[] y, int yOff, float[] g, int gOff, int n) {
        }
    };

    /** a[off .. off+n) = f(a[off .. off+n)). */
    abstract void apply(float[] a, int off, int n);

    /** g[gOff + i] *= f'(x_i), computed from y = f(x). */
    abstract void backward(float[] y, int yOff, float[] g, int gOff, int n);

    /** The fused activation for a Keras activation name, or null when the fused kernels do not have it. */
    public static RnnActivation forName(String name) {
        return switch (name == null ? "linear" : name.toLowerCase(Locale.ROOT)) {
            case "tanh" -> TANH;
            case "sigmoid" -> SIGMOID;
            case "relu" -> RELU;
            case "hard_sigmoid" -> HARD_SIGMOID;
            case "linear" -> LINEAR;
            default -> null;
        };
    }

    /** The logistic function, without overflow for large |x|. */
    static float sigmoid(float x) {
        if (x >= 0f) {
            return 1f / (1f + (float) Math.exp(-x));
        }
        float e = (float) Math.exp(x);
        return e / (1f + e);
    }

    /** tanh through one exponential; a short series near zero keeps the relative error small. */
    static float tanh(float x) {
        float ax = Math.abs(x);
        float r;
        if (ax < 0.0625f) {
            float x2 = x * x;
            // x - x^3/3 + 2x^5/15 - 17x^7/315
            return x * (1f + x2 * (-1f / 3f + x2 * (2f / 15f + x2 * (-17f / 315f))));
        }
        if (ax > 9.1f) {
            r = 1f;
        } else {
            float e = (float) Math.exp(-2.0 * ax);
            r = (1f - e) / (1f + e);
        }
        return x < 0 ? -r : r;
    }
}
