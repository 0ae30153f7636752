package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code UpSampling2D}: repeats each row {@code size[0]} times and each column {@code size[1]} times
 * (nearest-neighbour interpolation, Keras's default and the only one implemented).
 *
 * <p><b>Input shape:</b> {@code (batch_size, rows, cols, channels)}. <b>Output shape:</b>
 * {@code (batch_size, rows * size[0], cols * size[1], channels)}.
 *
 * <pre>{@code
 * new UpSampling2D();        // (None, 7, 7, 16) -> (None, 14, 14, 16)
 * }</pre>
 */
public class UpSampling2D extends Layer {

    private final int sizeH, sizeW;
    private String interpolation = "nearest";

    /** {@code UpSampling2D()}: size (2, 2). */
    public UpSampling2D() {
        this(2, 2);
    }

    /** {@code UpSampling2D(size=n)}: rows and columns each repeated n times. */
    public UpSampling2D(int size) {
        this(size, size);
    }

    /** {@code UpSampling2D(size=(h, w))}. */
    public UpSampling2D(int sizeH, int sizeW) {
        ConvSettings.checkPositive("UpSampling2D", "size", sizeH, sizeW);
        this.sizeH = sizeH;
        this.sizeW = sizeW;
    }

    /** @param interpolation "nearest" (default; the only one supported so far) */
    public UpSampling2D interpolation(String interpolation) {
        checkNotBuilt("interpolation");
        String i = interpolation == null ? "" : interpolation.toLowerCase(Locale.ROOT);
        if (!i.equals("nearest")) {
            throw new IllegalArgumentException("UpSampling2D: interpolation=\"" + interpolation + "\" is not "
                    + "supported; Ganglion implements \"nearest\" (Keras's default).");
        }
        this.interpolation = i;
        return this;
    }

    /** The size {h, w}. */
    public int[] size() {
        return new int[]{sizeH, sizeW};
    }

    @Override
    public UpSampling2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public UpSampling2D name(String name) {
        super.name(name);
        return this;
    }

    /** As Keras's InputSpec(ndim=4): any image size and channel count. */
    @Override
    protected void checkInputShape(int[] shape) {
        requireInputRank(shape, 3);
    }

    @Override
    public int[] computeOutputShape(int[] in) {
        ConvSettings.checkImageInput(describe(), in);
        return new int[]{in[0] < 0 ? -1 : in[0] * sizeH, in[1] < 0 ? -1 : in[1] * sizeW, in[2]};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return ConvOps.upSampling2d(input, sizeH, sizeW);
    }

    /** Keras's config: size, data_format, interpolation. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("size", List.of(sizeH, sizeW));
        c.put("data_format", "channels_last");
        c.put("interpolation", interpolation);
        return c;
    }
}
