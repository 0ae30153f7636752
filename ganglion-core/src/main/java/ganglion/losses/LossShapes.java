package ganglion.losses;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;

/** Shape handling shared by the losses: Keras's rank alignment and the checks behind clear errors. */
final class LossShapes {

    /** Keras's {@code backend.epsilon()}: the clipping margin for probabilities. */
    static final float EPSILON = 1e-7f;

    private LossShapes() {
    }

    /**
     * Keras's {@code squeeze_or_expand_to_same_rank}: when the ranks differ by one and the longer tensor's last
     * axis has length 1, squeeze it, or expand the other when that one is 1-D. Returns {a', b'}.
     */
    static Tensor[] sameRank(Tensor a, Tensor b) {
        int ra = a.rank(), rb = b.rank();
        if (ra == rb + 1 && a.shape(-1) == 1) {
            if (rb == 1) {
                b = b.expandDims(-1);
            } else {
                a = a.squeeze(-1);
            }
        } else if (rb == ra + 1 && b.shape(-1) == 1) {
            if (ra == 1) {
                a = a.expandDims(-1);
            } else {
                b = b.squeeze(-1);
            }
        }
        return new Tensor[]{a, b};
    }

    /** The same alignment on shapes only: returns {aShape', bShape'}. */
    static int[][] sameRank(int[] a, int[] b) {
        int ra = a.length, rb = b.length;
        if (ra == rb + 1 && ra > 0 && a[ra - 1] == 1) {
            if (rb == 1) {
                b = append1(b);
            } else {
                a = Arrays.copyOf(a, ra - 1);
            }
        } else if (rb == ra + 1 && rb > 0 && b[rb - 1] == 1) {
            if (ra == 1) {
                a = append1(a);
            } else {
                b = Arrays.copyOf(b, rb - 1);
            }
        }
        return new int[][]{a, b};
    }

    private static int[] append1(int[] s) {
        int[] r = Arrays.copyOf(s, s.length + 1);
        r[s.length] = 1;
        return r;
    }

    /** The permutation that moves axis {@code ax} to the end and keeps the others in order. */
    static int[] axisLast(int rank, int ax) {
        int[] perm = new int[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if (i != ax) {
                perm[k++] = i;
            }
        }
        perm[rank - 1] = ax;
        return perm;
    }

    /** The shape without its last axis. */
    static int[] dropLast(int[] shape) {
        return Arrays.copyOf(shape, Math.max(0, shape.length - 1));
    }

    /** Throws unless the two shapes broadcast together (the elementwise regression losses). */
    static void requireBroadcastable(String loss, Tensor yTrue, Tensor yPred) {
        int[] a = yTrue.shape(), b = yPred.shape();
        for (int i = 1; i <= Math.min(a.length, b.length); i++) {
            int x = a[a.length - i], y = b[b.length - i];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(loss + ": labels of shape " + Shapes.str(a)
                        + " do not match predictions of shape " + Shapes.str(b)
                        + "; give y_true the shape of the model's output");
            }
        }
    }

    /**
     * The regression losses' alignment: Keras's rank alignment, then a check that the shapes broadcast and
     * that there is a last axis to average over. Returns {yTrue', yPred'}.
     */
    static Tensor[] aligned(String loss, Tensor yTrue, Tensor yPred) {
        Tensor[] al = sameRank(yTrue, yPred);
        requireBroadcastable(loss, al[0], al[1]);
        if (al[0].rank() == 0 && al[1].rank() == 0) {
            throw new IllegalArgumentException(loss + ": needs tensors with at least one axis (the last one is "
                    + "averaged); got scalars");
        }
        return al;
    }

    /** Checks that a rank-0 prediction is not passed where a class axis is needed. */
    static void requireRank1(String loss, Tensor yPred) {
        if (yPred.rank() < 1) {
            throw new IllegalArgumentException(loss + ": predictions must have at least one axis, got a scalar");
        }
    }
}
