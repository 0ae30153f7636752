package ganglion.layers;

import ganglion.Tensor;

import java.util.Arrays;

/** Checks and shapes of Keras masks ([batch, time] tensors of 0/1) shared by the sequence layers. */
final class MaskSupport {

    private MaskSupport() {
    }

    /** Returns the mask after checking that it is [batch, time] for a (batch, time, ...) input. */
    static Tensor checkMask(String describe, Tensor input, Tensor mask) {
        int[] s = input.shape();
        int[] m = mask.shape();
        if (m.length != 2 || s.length < 2 || m[0] != s[0] || m[1] != s[1]) {
            throw new IllegalArgumentException(describe + ": the mask has shape " + Arrays.toString(m)
                    + " but the input has shape " + Arrays.toString(s) + "; a mask must be [batch, time] = ["
                    + (s.length > 0 ? s[0] : "?") + ", " + (s.length > 1 ? s[1] : "?") + "] with 1 for real steps");
        }
        return mask;
    }
}
