package ganglion.layers;

import ganglion.Tensor;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.internal.ops.conv.ConvSettings;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ZeroPadding2D}: adds rows and columns of zeros at the top, bottom, left and right of each
 * image.
 *
 * <p><b>Input shape:</b> {@code (batch_size, height, width, channels)}. <b>Output shape:</b>
 * {@code (batch_size, top + height + bottom, left + width + right, channels)}.
 *
 * <pre>{@code
 * new ZeroPadding2D(3);              // ResNet's conv1_pad: (None, 224, 224, 3) -> (None, 230, 230, 3)
 * new ZeroPadding2D(0, 1, 0, 1);     // ((top, bottom), (left, right)) = ((0, 1), (0, 1))
 * }</pre>
 */
public class ZeroPadding2D extends Layer {

    private final int top, bottom, left, right;

    /** {@code ZeroPadding2D()}: one row or column on every side. */
    public ZeroPadding2D() {
        this(1);
    }

    /** {@code ZeroPadding2D(padding=p)}: p rows and columns on every side. */
    public ZeroPadding2D(int padding) {
        this(padding, padding);
    }

    /** {@code ZeroPadding2D(padding=(h, w))}: h rows above and below, w columns left and right. */
    public ZeroPadding2D(int height, int width) {
        this(height, height, width, width);
    }

    /** {@code ZeroPadding2D(padding=((top, bottom), (left, right)))}. */
    public ZeroPadding2D(int top, int bottom, int left, int right) {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("ZeroPadding2D: padding must be non-negative. Received: padding=(("
                    + top + ", " + bottom + "), (" + left + ", " + right + "))");
        }
        this.top = top;
        this.bottom = bottom;
        this.left = left;
        this.right = right;
    }

    /** The padding {top, bottom, left, right}. */
    public int[] padding() {
        return new int[]{top, bottom, left, right};
    }

    @Override
    public ZeroPadding2D inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public ZeroPadding2D name(String name) {
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
        return new int[]{in[0] < 0 ? -1 : in[0] + top + bottom, in[1] < 0 ? -1 : in[1] + left + right, in[2]};
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        return ConvOps.zeroPadding2d(input, top, bottom, left, right);
    }

    /** Keras's config: padding ((top, bottom), (left, right)), data_format. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("padding", List.of(List.of(top, bottom), List.of(left, right)));
        c.put("data_format", "channels_last");
        return c;
    }
}
