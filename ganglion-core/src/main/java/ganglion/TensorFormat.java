package ganglion;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders tensors as numpy's {@code repr} renders a float32 array, with {@code tensor(} and
 * {@code , shape=(...))} around it: each value in the fewest digits that identify it (at most 8 after the
 * point), all values padded to one width, scientific notation when the values span a large range, rows
 * wrapped at 75 characters, and tensors over 1000 elements summarised with {@code ...} (3 items at each
 * end of every axis).
 */
final class TensorFormat {

    static final int EDGE_ITEMS = 3;
    static final int THRESHOLD = 1000;
    static final int LINE_WIDTH = 75;
    static final int PRECISION = 8;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {
    }

    static String format(Tensor t) {
        int[] shape = t.shape();
        float[] d = t.buffer();
        String suffix = ", shape=" + shapeString(shape) + ")";
        if (d.length == 0) {
            return PREFIX + "[]" + suffix;
        }
        boolean summarise = d.length > THRESHOLD;
        List<Float> shown = new ArrayList<>();
        collect(d, shape, 0, 0, summarise, shown);
        Values fmt = new Values(shown);
        if (shape.length == 0) {
            return PREFIX + fmt.format(d[0]) + suffix;
        }
        String hanging = " ".repeat(PREFIX.length() + 1);
        return PREFIX + render(d, shape, 0, 0, hanging, LINE_WIDTH - suffix.length(), fmt, summarise) + suffix;
    }

    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static int stride(int[] shape, int axis) {
        int s = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            s *= shape[i];
        }
        return s;
    }

    /** The values that will be printed (all of them, or the edges when summarising). */
    private static void collect(float[] d, int[] shape, int axis, int offset, boolean summarise, List<Float> out) {
        if (axis == shape.length) {
            out.add(d[offset]);
            return;
        }
        int n = shape[axis];
        int st = stride(shape, axis);
        boolean elide = summarise && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (elide && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS;
            }
            collect(d, shape, axis + 1, offset + i * st, summarise, out);
        }
    }

    private static String render(float[] d, int[] shape, int axis, int offset, String hanging, int width,
                                 Values fmt, boolean summarise) {
        int n = shape[axis];
        int st = stride(shape, axis);
        int axesLeft = shape.length - axis;
        boolean elide = summarise && n > 2 * EDGE_ITEMS;
        int leading = elide ? EDGE_ITEMS : 0;
        int trailing = elide ? EDGE_ITEMS : n;
        StringBuilder s = new StringBuilder();
        if (axesLeft == 1) {
            int elemWidth = width - 1; // room for the "," or "]" after an element
            StringBuilder line = new StringBuilder(hanging);
            for (int i = 0; i < leading; i++) {
                extend(s, line, fmt.format(d[offset + i]), elemWidth, hanging);
                line.append(", ");
            }
            if (elide) {
                extend(s, line, "...", elemWidth, hanging);
                line.append(", ");
            }
            for (int i = trailing; i > 1; i--) {
                extend(s, line, fmt.format(d[offset + (n - i) * st]), elemWidth, hanging);
                line.append(", ");
            }
            extend(s, line, fmt.format(d[offset + (n - 1) * st]), elemWidth, hanging);
            s.append(line);
        } else {
            String next = hanging + " ";
            String sep = "," + "\n".repeat(axesLeft - 1);
            for (int i = 0; i < leading; i++) {
                s.append(hanging).append(render(d, shape, axis + 1, offset + i * st, next, width - 1, fmt, summarise))
                        .append(sep);
            }
            if (elide) {
                s.append(hanging).append("...").append(sep);
            }
            for (int i = trailing; i > 1; i--) {
                s.append(hanging)
                        .append(render(d, shape, axis + 1, offset + (n - i) * st, next, width - 1, fmt, summarise))
                        .append(sep);
            }
            s.append(hanging).append(render(d, shape, axis + 1, offset + (n - 1) * st, next, width - 1, fmt, summarise));
        }
        return "[" + s.substring(hanging.length()) + "]";
    }

    /** Appends word to line, first moving line into s and starting a new one when it would pass width. */
    private static void extend(StringBuilder s, StringBuilder line, String word, int width, String hanging) {
        boolean wrap = line.length() + word.length() > width && line.length() > hanging.length();
        if (wrap) {
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            s.append(line, 0, end).append('\n');
            line.setLength(0);
            line.append(hanging);
        }
        line.append(word);
    }

    /** numpy's float formatting ("maxprec" mode, precision 8), fitted once to all values shown. */
    static final class Values {
        private final boolean exp;
        private int padLeft;
        private int padRight;
        private int precision;
        private int expDigits;

        Values(List<Float> values) {
            double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
            boolean anyFinite = false, negInf = false, nonFinite = false;
            for (float v : values) {
                if (Float.isFinite(v)) {
                    anyFinite = true;
                    if (v != 0f) {
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                        minAbs = Math.min(minAbs, Math.abs(v));
                    }
                } else {
                    nonFinite = true;
                    negInf |= v == Float.NEGATIVE_INFINITY;
                }
            }
            exp = maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3);
            if (anyFinite) {
                for (float v : values) {
                    if (!Float.isFinite(v)) {
                        continue;
                    }
                    if (exp) {
                        String[] p = scientificParts(v);
                        padLeft = Math.max(padLeft, p[0].length());
                        precision = Math.max(precision, p[1].length());
                        expDigits = Math.max(expDigits, p[2].length() - 1);
                    } else {
                        String[] p = positionalParts(v);
                        padLeft = Math.max(padLeft, p[0].length());
                        padRight = Math.max(padRight, p[1].length());
                    }
                }
                if (exp) {
                    padRight = expDigits + 2 + precision;
                }
            }
            if (nonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        String format(float v) {
            if (!Float.isFinite(v)) {
                String r = Float.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                return " ".repeat(Math.max(0, padLeft + padRight + 1 - r.length())) + r;
            }
            StringBuilder sb = new StringBuilder();
            if (exp) {
                String[] p = scientificParts(v);
                pad(sb, padLeft - p[0].length());
                sb.append(p[0]).append('.').append(p[1]);
                for (int i = p[1].length(); i < precision; i++) {
                    sb.append('0');
                }
                sb.append('e').append(p[2].charAt(0));
                for (int i = p[2].length() - 1; i < expDigits; i++) {
                    sb.append('0');
                }
                sb.append(p[2], 1, p[2].length());
            } else {
                String[] p = positionalParts(v);
                pad(sb, padLeft - p[0].length());
                sb.append(p[0]).append('.').append(p[1]);
                pad(sb, padRight - p[1].length());
            }
            return sb.toString();
        }

        private static void pad(StringBuilder sb, int n) {
            for (int i = 0; i < n; i++) {
                sb.append(' ');
            }
        }
    }

    /** The shortest decimal that reads back as exactly v (finite v). */
    static BigDecimal shortest(float v) {
        if (v == 0f) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 9; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.floatValue() == v) {
                return r;
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN));
    }

    private static String sign(float v) {
        return (v < 0f || (v == 0f && 1f / v < 0f)) ? "-" : "";
    }

    /** {integer part with sign, fraction digits} in positional notation, at most 8 fraction digits. */
    static String[] positionalParts(float v) {
        BigDecimal b = shortest(v).abs();
        if (b.scale() > PRECISION) {
            b = new BigDecimal(v).abs().setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        b = b.stripTrailingZeros();
        String s = b.signum() == 0 ? "0" : b.toPlainString();
        int dot = s.indexOf('.');
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        return new String[]{sign(v) + intPart, frac};
    }

    /** {sign and leading digit, further digits, exponent with sign} in scientific notation. */
    static String[] scientificParts(float v) {
        BigDecimal b = shortest(v).abs().stripTrailingZeros();
        if (b.signum() == 0) {
            return new String[]{sign(v) + "0", "", "+00"};
        }
        String digits = b.unscaledValue().toString();
        int e = digits.length() - 1 - b.scale();
        String es = Integer.toString(Math.abs(e));
        if (es.length() < 2) {
            es = "0" + es;
        }
        return new String[]{sign(v) + digits.charAt(0), digits.substring(1), (e < 0 ? "-" : "+") + es};
    }
}
