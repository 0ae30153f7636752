package ganglion.initializers;

import ganglion.Tensor;

import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code Orthogonal} (the default recurrent-kernel initializer): the weight is viewed as a matrix of
 * {@code rows = prod(shape[:-1])} by {@code cols = shape[-1]}; a normal matrix of shape
 * {@code (max(rows, cols), min(rows, cols))} is factored as {@code QR}, {@code Q} is multiplied column-wise by
 * {@code sign(diag(R))}, transposed when {@code rows < cols}, scaled by {@code gain} (default 1) and reshaped.
 * The result has orthonormal columns (or rows, when it is wide).
 */
public final class Orthogonal extends RandomInitializer {

    private final double gain;

    /** Keras's default gain 1. */
    public Orthogonal() {
        this(1.0, null);
    }

    public Orthogonal(double gain) {
        this(gain, null);
    }

    /** @param seed the initializer's own seed, or null to draw from Ganglion's shared source */
    public Orthogonal(double gain, Long seed) {
        super(seed);
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public Tensor create(int... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: "
                    + "shape=" + java.util.Arrays.toString(shape) + " of rank " + shape.length + ".");
        }
        int total = Sampling.size(shape, className());
        int cols = shape[shape.length - 1];
        int rows = cols == 0 ? 0 : total / cols;
        int m = Math.max(rows, cols), n = Math.min(rows, cols);
        Random rng = generator();
        double[] a = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();   // float32 samples, as Keras draws them
        }
        double[] q = HouseholderQr.orthonormalFactor(a, m, n);
        float[] out = new float[total];
        if (rows >= cols) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (gain * q[i]);
            }
        } else {
            // out (rows x cols) = qᵀ, q being (cols x rows)
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = (float) (gain * q[c * rows + r]);
                }
            }
        }
        return Tensor.wrap(out, shape.clone());
    }

    /** {"seed": ..., "gain": ...}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("gain", gain);
        return c;
    }
}
