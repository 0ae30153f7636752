package ganglion.losses;

import ganglion.Tensor;

/** Keras's {@code convert_binary_labels_to_hinge}: 0/1 labels become -1/1; any other labels stay as they are. */
final class HingeLabels {

    private HingeLabels() {
    }

    static Tensor toSigned(Tensor y) {
        for (float v : y.buffer()) {
            if (v != 0f && v != 1f) {
                return y;
            }
        }
        return y.mul(2f).sub(1f);
    }
}
