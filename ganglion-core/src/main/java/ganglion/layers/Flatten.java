package ganglion.layers;

import ganglion.Tensor;

import java.util.Map;

/**
 * Keras's {@code Flatten}: flattens every axis but the batch axis. With {@code dataFormat("channels_first")}
 * the channel axis is moved last first, as Keras does, so the order matches a channels-last model.
 *
 * <p><b>Input shape:</b> {@code (batch, ...)}. <b>Output shape:</b> {@code (batch, prod(...))}; an input with
 * no feature axis gives {@code (batch, 1)}; an unknown length gives an unknown (-1) output length.
 */
public class Flatten extends Layer {

    private String dataFormat = "channels_last";

    /**
     * @param dataFormat "channels_last" (default) or "channels_first"
     */
    public Flatten dataFormat(String dataFormat) {
        checkNotBuilt("dataFormat");
        if (!"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
            throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first', "
                    + "'channels_last'}. Received: data_format=" + dataFormat);
        }
        this.dataFormat = dataFormat;
        return this;
    }

    public String dataFormat() {
        return dataFormat;
    }

    @Override
    public Flatten inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Flatten name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        long n = 1;
        for (int d : inputShape) {
            if (d < 0) {
                return new int[]{-1};
            }
            n *= d;
        }
        return new int[]{(int) n};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        Tensor x = input;
        if ("channels_first".equals(dataFormat) && s.length > 2) {
            int[] perm = new int[s.length];
            perm[0] = 0;
            for (int i = 1; i < s.length - 1; i++) {
                perm[i] = i + 1;
            }
            perm[s.length - 1] = 1;
            x = x.permute(perm);
        }
        int features = 1;
        for (int i = 1; i < s.length; i++) {
            features *= s[i];
        }
        return x.reshape(s[0], features);
    }

    /** Base keys plus "data_format". */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", dataFormat);
        return c;
    }
}
