package ganglion.regularizers;

import ganglion.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keras's {@code L1} regularizer: {@code l1 * sum(abs(w))}, with {@code l1} defaulting to 0.01. */
public final class L1 implements Regularizer {

    private final float l1;

    /** Keras's default factor 0.01. */
    public L1() {
        this(0.01);
    }

    public L1(double l1) {
        this.l1 = Factors.check(l1, "l1");
    }

    public float l1() {
        return l1;
    }

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public Tensor apply(Tensor weight) {
        return weight.abs().sum().mul(l1);
    }

    /** {"l1": factor as float32}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l1", Factors.configValue(l1));
        return c;
    }

    @Override
    public String toString() {
        return "L1(l1=" + l1 + ")";
    }
}
