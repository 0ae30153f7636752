package ganglion.layers;

import ganglion.Tensor;

import java.util.List;

/** Mask arithmetic shared by Attention and MultiHeadAttention: all masks are float tensors of 0/1. */
final class AttentionMasks {

    /** Keras's large negative number for float32 scores ({@code -1e9}). */
    static final float LARGE_NEGATIVE = 1e9f;

    private AttentionMasks() {
    }

    /** The i-th mask of a list that may be null or shorter. */
    static Tensor maskAt(List<Tensor> masks, int i) {
        return masks == null || masks.size() <= i ? null : masks.get(i);
    }

    /** A (tq, tv) lower-triangular matrix of ones: query step i may see key steps 0..i. */
    static Tensor causal(int tq, int tv) {
        float[] m = new float[tq * tv];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j <= i && j < tv; j++) {
                m[i * tv + j] = 1f;
            }
        }
        return Tensor.wrap(m, tq, tv);
    }

    /**
     * The product of the value mask (as [batch, 1, Tv]), the query mask (as [batch, Tq, 1], when
     * {@code withQuery}) and the causal mask ([Tq, Tv]); null when none applies.
     */
    static Tensor scoresMask(Tensor queryMask, Tensor valueMask, boolean withQuery, boolean causal, int tq, int tv) {
        Tensor m = null;
        if (valueMask != null) {
            m = valueMask.expandDims(1);
        }
        if (withQuery && queryMask != null) {
            Tensor q = queryMask.expandDims(2);
            m = m == null ? q : m.mul(q);
        }
        if (causal) {
            Tensor c = causal(tq, tv);
            m = m == null ? c.expandDims(0) : m.mul(c);
        }
        return m;
    }

    /**
     * {@code scores - 1e9 * (1 - mask)}: how Keras's {@code Attention} keeps masked keys out of the softmax (the
     * gradient still reaches every score).
     */
    static Tensor applyToScores(Tensor scores, Tensor mask) {
        if (mask == null) {
            return scores;
        }
        return scores.sub(mask.rsub(1f).mul(LARGE_NEGATIVE));
    }

    /**
     * {@code where(mask, scores, -1e9)}: how Keras's {@code Softmax} layer, and so {@code MultiHeadAttention}, masks
     * scores (masked scores get no gradient).
     */
    static Tensor fillMasked(Tensor scores, Tensor mask) {
        if (mask == null) {
            return scores;
        }
        return Tensor.where(mask, scores, -LARGE_NEGATIVE);
    }
}
