package ganglion;

import java.util.Locale;

/** Renders tensors like numpy's repr, eliding the middle of large axes. */
final class TensorFormat {

    private static final int EDGE = 3;
    private static final int THRESHOLD = 1000;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        float[] d = t.buffer();
        boolean summarise = d.length > THRESHOLD;
        boolean allInts = true;
        float maxAbs = 0f;
        for (float v : d) {
            if (Float.isFinite(v)) {
                if (v != Math.rint(v)) {
                    allInts = false;
                }
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        boolean sci = !allInts && (maxAbs >= 1e8f || (maxAbs > 0 && maxAbs < 1e-4f));
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(number(d[0], allInts, sci));
        } else {
            render(sb, d, shape, 0, 0, allInts, sci, summarise, "tensor(".length() + 1);
        }
        sb.append(", shape=(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append("))").toString();
    }

    private static void render(StringBuilder sb, float[] d, int[] shape, int axis, int offset,
                               boolean ints, boolean sci, boolean summarise, int indent) {
        int n = shape[axis];
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        sb.append('[');
        boolean elide = summarise && n > 2 * EDGE;
        for (int i = 0; i < n; i++) {
            if (elide && i == EDGE) {
                sb.append(axis == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + axis));
                i = n - EDGE;
            }
            if (axis == shape.length - 1) {
                sb.append(number(d[offset + i], ints, sci));
            } else {
                render(sb, d, shape, axis + 1, offset + i * stride, ints, sci, summarise, indent);
            }
            if (i < n - 1) {
                sb.append(axis == shape.length - 1 ? ", " : ",\n" + "\n".repeat(Math.max(0, shape.length - axis - 2))
                        + " ".repeat(indent + axis));
            }
        }
        sb.append(']');
    }

    private static String number(float v, boolean ints, boolean sci) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (ints) {
            return (long) v + ".";
        }
        if (sci) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        // numpy trims trailing zeros but keeps the point: 0.5000 -> 0.5
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }
}
