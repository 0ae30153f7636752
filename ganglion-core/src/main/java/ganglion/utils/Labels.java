package ganglion.utils;

import ganglion.Tensor;

import java.util.Arrays;

/**
 * Class labels as integer indices, from the forms Keras code passes around: a vector of class indices
 * ([n] or [n, 1] holding whole numbers), probabilities of the positive class ([n] or [n, 1] in [0, 1] with
 * fractions, thresholded at 0.5) or one-hot / softmax rows ([n, k], arg-max per row).
 */
public final class Labels {

    private Labels() {
    }

    /** The class index of each row. */
    public static int[] toIndices(Tensor labels) {
        int[] s = labels.shape();
        if (s.length == 0 || s.length > 2) {
            throw new IllegalArgumentException("Labels: expected class indices [n], [n, 1] or one-hot rows [n, k]; got "
                    + "shape " + Arrays.toString(s));
        }
        float[] v = labels.toFloatArray();
        int n = s[0];
        int k = s.length == 2 ? s[1] : 1;
        int[] out = new int[n];
        if (k > 1) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (v[i * k + j] > v[i * k + best]) {
                        best = j;
                    }
                }
                out[i] = best;
            }
            return out;
        }
        boolean whole = true;
        for (float f : v) {
            if (f != Math.rint(f)) {
                whole = false;
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = whole ? (int) v[i] : (v[i] > 0.5f ? 1 : 0);
        }
        return out;
    }

    /** The sorted distinct values of the given label arrays. */
    static int[] uniqueSorted(int[]... arrays) {
        return Arrays.stream(arrays).flatMapToInt(Arrays::stream).distinct().sorted().toArray();
    }
}
