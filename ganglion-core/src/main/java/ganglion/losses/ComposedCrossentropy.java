package ganglion.losses;

import ganglion.Tensor;

import static ganglion.losses.LossShapes.EPSILON;

/**
 * The crossentropies written with differentiable tensor ops, exactly as Keras's TensorFlow backend writes
 * them. They are the reference the fused ops are tested against, and the path taken when the labels need a
 * gradient or fusion is switched off. Inputs have the class (or averaged) axis last; outputs are per row.
 */
final class ComposedCrossentropy {

    private ComposedCrossentropy() {
    }

    /** −Σ y·log_softmax(z) over the last axis. */
    static Tensor softmaxLogits(Tensor y, Tensor z) {
        return y.mul(z.logSoftmax()).sum(-1, false).neg();
    }

    /** −Σ y·log(clip(p / Σp, ε, 1−ε)) over the last axis. */
    static Tensor softmaxProbs(Tensor y, Tensor p) {
        Tensor q = p.div(p.sum(-1, true)).clip(EPSILON, 1f - EPSILON);
        return y.mul(q.log()).sum(-1, false).neg();
    }

    /** The sparse forms: labels one-hot encoded, then TensorFlow's formulas. */
    static Tensor sparseLogits(int[] labels, Tensor z) {
        return softmaxLogits(oneHot(labels, z.shape()), z);
    }

    /** TensorFlow feeds log(clip(p)) to sparse_softmax_cross_entropy_with_logits. */
    static Tensor sparseProbs(int[] labels, Tensor p) {
        return softmaxLogits(oneHot(labels, p.shape()), p.clip(EPSILON, 1f - EPSILON).log());
    }

    /** mean over the last axis of softplus(z) − y·z (= max(z,0) − z·y + log1p(exp(−|z|))). */
    static Tensor sigmoidLogits(Tensor y, Tensor z) {
        return z.softplus().sub(z.mul(y)).mean(-1, false);
    }

    /** mean over the last axis of −(y·log(pc) + (1−y)·log(1−pc)), pc = clip(p, ε, 1−ε). */
    static Tensor sigmoidProbs(Tensor y, Tensor p) {
        Tensor pc = p.clip(EPSILON, 1f - EPSILON);
        Tensor bce = y.mul(pc.log()).add(y.rsub(1f).mul(pc.rsub(1f).log()));
        return bce.neg().mean(-1, false);
    }

    private static Tensor oneHot(int[] labels, int[] shape) {
        int cols = shape[shape.length - 1];
        float[] d = new float[labels.length * cols];
        for (int r = 0; r < labels.length; r++) {
            d[r * cols + labels[r]] = 1f;
        }
        return Tensor.wrap(d, shape);
    }
}
