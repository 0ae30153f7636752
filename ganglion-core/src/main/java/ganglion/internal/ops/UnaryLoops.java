package ganglion.internal.ops;

/**
 * Forward and backward loops of the {@link Elementwise.Unary} functions. One switch per call, one plain
 * loop per function: no per-element dispatch.
 */
final class UnaryLoops {

    private UnaryLoops() {
    }

    static void forward(Elementwise.Unary op, float[] x, float[] y) {
        int n = x.length;
        switch (op) {
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.sqrt(x[i]);
                }
            }
            case RSQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) (1.0 / Math.sqrt(x[i]));
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.exp(x[i]);
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.expm1(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.log(x[i]);
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.log1p(x[i]);
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(x[i]);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.signum(x[i]);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    y[i] = 1f / x[i];
                }
            }
            case SIN -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.sin(x[i]);
                }
            }
            case COS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.cos(x[i]);
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.floor(x[i]);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.ceil(x[i]);
                }
            }
            case ROUND -> {
                // numpy rounds half to even: round(0.5) = 0, round(1.5) = 2
                for (int i = 0; i < n; i++) {
                    y[i] = (float) Math.rint(x[i]);
                }
            }
        }
    }

    /** gx += g * f'(x), with y = f(x) available. */
    static void backward(Elementwise.Unary op, float[] x, float[] y, float[] g, float[] gx) {
        int n = g.length;
        switch (op) {
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * 2f * x[i];
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * 0.5f / y[i];
                }
            }
            case RSQRT -> {
                // d/dx x^-1/2 = -1/2 x^-3/2 = -0.5 * y^3
                for (int i = 0; i < n; i++) {
                    float v = y[i];
                    gx[i] -= g[i] * 0.5f * v * v * v;
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * y[i];
                }
            }
            case EXPM1 -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * (y[i] + 1f);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] / x[i];
                }
            }
            case LOG1P -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] / (1f + x[i]);
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * Math.signum(x[i]);
                }
            }
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++) {
                    gx[i] -= g[i] * y[i] * y[i];
                }
            }
            case SIN -> {
                for (int i = 0; i < n; i++) {
                    gx[i] += g[i] * (float) Math.cos(x[i]);
                }
            }
            case COS -> {
                for (int i = 0; i < n; i++) {
                    gx[i] -= g[i] * (float) Math.sin(x[i]);
                }
            }
            case SIGN, FLOOR, CEIL, ROUND -> {
                // piecewise constant: zero gradient
            }
        }
    }
}
