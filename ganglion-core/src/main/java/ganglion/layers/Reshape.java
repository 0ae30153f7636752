package ganglion.layers;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code Reshape}: reshapes each sample to {@code targetShape} (batch axis excluded); one entry may be
 * -1, inferred from the sample's size.
 *
 * <p><b>Input shape:</b> arbitrary, with as many values per sample as the target. <b>Output shape:</b>
 * {@code (batch_size, *targetShape)}.
 */
public class Reshape extends Layer {

    private final int[] targetShape;

    /**
     * @param targetShape the per-sample shape; at most one -1
     * @throws IllegalArgumentException for more than one -1 or a length that is 0 or below -1
     */
    public Reshape(int... targetShape) {
        if (targetShape == null) {
            throw new IllegalArgumentException("The `target_shape` argument must not be null");
        }
        int unknown = 0;
        for (int d : targetShape) {
            if (d == -1) {
                unknown++;
            } else if (d <= 0) {
                throw new IllegalArgumentException("The `target_shape` argument must contain positive lengths or a "
                        + "single -1. Received: target_shape=" + tuple(targetShape));
            }
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("The `target_shape` argument must not contain more than one `-1` "
                    + "value. Received: target_shape=" + tuple(targetShape));
        }
        this.targetShape = targetShape.clone();
    }

    public int[] targetShape() {
        return targetShape.clone();
    }

    @Override
    public Reshape inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Reshape name(String name) {
        super.name(name);
        return this;
    }

    /** The target shape with its -1 resolved against the input (left -1 when the input has unknown lengths). */
    @Override
    public int[] computeOutputShape(int[] inputShape) {
        long inSize = 1;
        for (int d : inputShape) {
            if (d < 0) {
                return targetShape.clone();
            }
            inSize *= d;
        }
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < targetShape.length; i++) {
            if (targetShape[i] == -1) {
                unknownAt = i;
            } else {
                known *= targetShape[i];
            }
        }
        int[] out = targetShape.clone();
        if (unknownAt >= 0) {
            if (inSize % known != 0) {
                throw sizeMismatch(inputShape);
            }
            out[unknownAt] = (int) (inSize / known);
        } else if (known != inSize) {
            throw sizeMismatch(inputShape);
        }
        return out;
    }

    private IllegalArgumentException sizeMismatch(int[] inputShape) {
        return new IllegalArgumentException("The total size of the tensor must be unchanged. Received: input_shape="
                + tuple(inputShape) + ", target_shape=" + tuple(targetShape) + " (" + describe() + ")");
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        int[] target = computeOutputShape(Arrays.copyOfRange(s, 1, s.length));
        int[] full = new int[target.length + 1];
        full[0] = s[0];
        System.arraycopy(target, 0, full, 1, target.length);
        return input.reshape(full);
    }

    /** Base keys plus "target_shape" (as given, -1 kept). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("target_shape", shapeListKeepingMinusOne(targetShape));
        return c;
    }

    private static java.util.List<Integer> shapeListKeepingMinusOne(int[] shape) {
        java.util.List<Integer> l = new java.util.ArrayList<>(shape.length);
        for (int d : shape) {
            l.add(d);
        }
        return l;
    }

    /** "(3, -1)" or "(12,)", as Python prints a tuple. */
    private static String tuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
