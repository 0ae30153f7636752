package ganglion.regularizers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code L2} regularizer: {@code l2 * sum(square(w))} (no factor 1/2), with {@code l2} defaulting to
 * 0.01.
 */
public final class L2 implements Regularizer {

    private final float l2;

    /** Keras's default factor 0.01. */
    public L2() {
        this(0.01);
    }

    public L2(double l2) {
        this.l2 = Factors.check(l2, "l2");
    }

    public float l2() {
        return l2;
    }

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public Tensor apply(Tensor weight) {
        return weight.square().sum().mul(l2);
    }

    /** {"l2": factor as float32}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l2", Factors.configValue(l2));
        return c;
    }

    @Override
    public String toString() {
        return "L2(l2=" + l2 + ")";
    }
}
