package ganglion.regularizers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code L1L2} regularizer: {@code l1 * sum(abs(w)) + l2 * sum(square(w))}. As in Keras, both factors
 * default to 0 in the constructor (and in {@code Regularizers.get("l1_l2")}); a zero factor adds no term.
 */
public final class L1L2 implements Regularizer {

    private final float l1;
    private final float l2;

    /** Keras's defaults: l1 = l2 = 0. */
    public L1L2() {
        this(0.0, 0.0);
    }

    public L1L2(double l1, double l2) {
        this.l1 = Factors.check(l1, "l1");
        this.l2 = Factors.check(l2, "l2");
    }

    public float l1() {
        return l1;
    }

    public float l2() {
        return l2;
    }

    @Override
    public String name() {
        return "l1_l2";
    }

    @Override
    public Tensor apply(Tensor weight) {
        Tensor total = null;
        if (l1 != 0f) {
            total = weight.abs().sum().mul(l1);
        }
        if (l2 != 0f) {
            Tensor p = weight.square().sum().mul(l2);
            total = total == null ? p : total.add(p);
        }
        return total == null ? Tensor.scalar(0f) : total;
    }

    /** {"l1": ..., "l2": ...}, factors as float32. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l1", Factors.configValue(l1));
        c.put("l2", Factors.configValue(l2));
        return c;
    }

    @Override
    public String toString() {
        return "L1L2(l1=" + l1 + ", l2=" + l2 + ")";
    }
}
