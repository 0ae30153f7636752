package ganglion.layers;

import ganglion.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code keras.layers.Dot(axes, normalize=False)}: the dot product of two batches of samples along the
 * given axes (counted with the batch axis). For {@code (None, n)} inputs and {@code axes=1} the output is
 * {@code (None, 1)}; for 3-D inputs a batched matrix product, e.g. {@code (None, t1, d)} and {@code (None, t2, d)}
 * with {@code axes=2} give {@code (None, t1, t2)}. With {@code normalize(true)} the inputs are L2-normalized
 * along those axes first, so the result is the cosine similarity.
 */
public class Dot extends Merge {

    private final int axis1;
    private final int axis2;
    private boolean normalize;

    /** The same axis on both inputs. */
    public Dot(int axes) {
        this(axes, axes);
    }

    /** Axis {@code axis1} of the first input against {@code axis2} of the second. */
    public Dot(int axis1, int axis2) {
        this.axis1 = axis1;
        this.axis2 = axis2;
    }

    @Override
    public Dot name(String name) {
        super.name(name);
        return this;
    }

    /** Whether to L2-normalize the inputs along the dot axes first (cosine proximity). */
    public Dot normalize(boolean normalize) {
        checkNotBuilt("normalize");
        this.normalize = normalize;
        return this;
    }

    private int axisIn(int axis, int fullRank) {
        int a = axis < 0 ? axis + fullRank : axis;
        if (a < 1 || a >= fullRank) {
            throw new IllegalArgumentException(describe() + ": axis " + axis + " is out of range for inputs of rank "
                    + fullRank);
        }
        return a;
    }

    @Override
    protected int[] mergedShape(List<int[]> shapes) {
        if (shapes.size() != 2) {
            throw new IllegalArgumentException(describe() + ": a Dot layer should be called on exactly 2 inputs. "
                    + "Received: " + shapes.size() + " inputs.");
        }
        int[] x = shapes.get(0);
        int[] y = shapes.get(1);
        if (x.length != y.length || x.length < 1 || x.length > 2) {
            throw new IllegalArgumentException(describe() + ": Dot supports two inputs of equal rank 2 or 3 (with "
                    + "batch axis); received " + withBatch(x) + " and " + withBatch(y));
        }
        int a = axisIn(axis1, x.length + 1) - 1;
        int b = axisIn(axis2, y.length + 1) - 1;
        if (x[a] >= 0 && y[b] >= 0 && x[a] != y[b]) {
            throw new IllegalArgumentException(describe() + ": incompatible input shapes: axis values " + x[a]
                    + " (at axis " + axis1 + ") != " + y[b] + " (at axis " + axis2 + "). Full input shapes: "
                    + withBatch(x) + ", " + withBatch(y));
        }
        if (x.length == 1) {
            return new int[]{1};
        }
        return new int[]{x[1 - a], y[1 - b]};
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Tensor y = inputs.get(1);
        int rank = x.rank();
        int a = axisIn(axis1, rank);
        int b = axisIn(axis2, rank);
        if (normalize) {
            x = l2Normalize(x, a);
            y = l2Normalize(y, b);
        }
        if (rank == 2) {
            return x.mul(y).sum(1, true);
        }
        return x.matmul(y, a == 1, b == 2);
    }

    private static Tensor l2Normalize(Tensor t, int axis) {
        return t.mul(t.square().sum(axis, true).maximum(1e-12f).rsqrt());
    }

    /** Keras's config: the base entries, "axes" and "normalize". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axes", axis1 == axis2 ? (Object) axis1 : List.of(axis1, axis2));
        c.put("normalize", normalize);
        return c;
    }
}
