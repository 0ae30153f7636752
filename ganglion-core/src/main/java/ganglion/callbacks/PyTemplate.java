package ganglion.callbacks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Python's {@code str.format} for the templates Keras callbacks accept, such as ModelCheckpoint's
 * {@code "weights.{epoch:02d}-{val_loss:.4f}.keras"}: fields {@code {name}} or {@code {name:spec}} with the
 * format-spec mini-language ({@code [[fill]align][sign][0][width][,][.precision][type]}, types d, f, e, g,
 * %, s or none); {@code {{} and {@code }}} stand for literal braces. Numbers are formatted exactly as
 * Python does ({@link PyFormat}); a field without a type prints Python's {@code repr} of the value.
 */
final class PyTemplate {

    private PyTemplate() {
    }

    /**
     * Fills {@code template} from {@code values} (Integer, Long, Double, Float or String).
     *
     * @throws IllegalArgumentException naming the template and the missing key or bad spec
     */
    static String format(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Failed to format this callback filepath: \"" + template
                            + "\". Reason: Single '{' encountered in format string");
                }
                String field = template.substring(i + 1, close);
                int colon = field.indexOf(':');
                String name = colon < 0 ? field : field.substring(0, colon);
                String spec = colon < 0 ? "" : field.substring(colon + 1);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("Failed to format this callback filepath: \"" + template
                            + "\". Reason: KeyError '" + name + "' (available: " + values.keySet() + ")");
                }
                try {
                    out.append(formatValue(values.get(name), spec));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Failed to format this callback filepath: \"" + template
                            + "\". Reason: " + e.getMessage(), e);
                }
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Failed to format this callback filepath: \"" + template
                        + "\". Reason: Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One value with one spec, e.g. (3, "02d") gives "03", (0.12345678, ".4f") gives "0.1235". */
    static String formatValue(Object value, String spec) {
        Spec s = Spec.parse(spec);
        String body;
        boolean numeric = value instanceof Number;
        boolean integral = value instanceof Integer || value instanceof Long;
        switch (s.type) {
            case 'd' -> {
                if (!integral) {
                    throw new IllegalArgumentException("Unknown format code 'd' for object of type 'float'");
                }
                body = Long.toString(((Number) value).longValue());
                if (s.comma) {
                    body = String.format("%,d", ((Number) value).longValue());
                }
            }
            case 'f', 'F' -> body = PyFormat.fixed(num(value), s.precision < 0 ? 6 : s.precision);
            case 'e', 'E' -> body = PyFormat.scientific(num(value), s.precision < 0 ? 6 : s.precision);
            case 'g', 'G' -> body = general(num(value), s.precision < 0 ? 6 : Math.max(1, s.precision));
            case '%' -> body = PyFormat.fixed(num(value) * 100, s.precision < 0 ? 6 : s.precision) + "%";
            case 's' -> body = String.valueOf(value);
            default -> body = integral ? value.toString() : numeric ? repr(num(value)) : String.valueOf(value);
        }
        if (Character.isUpperCase(s.type)) {
            body = body.toUpperCase();
        }
        if (numeric && s.sign != 0 && !body.startsWith("-")) {
            body = (s.sign == '+' ? "+" : " ") + body;
        }
        if (body.length() >= s.width) {
            return body;
        }
        int pad = s.width - body.length();
        char align = s.align != 0 ? s.align : (numeric ? '>' : '<');
        char fill = s.fill;
        if (s.zero && s.align == 0 && numeric) {
            int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
            return body.substring(0, signLen) + "0".repeat(pad) + body.substring(signLen);
        }
        return switch (align) {
            case '<' -> body + String.valueOf(fill).repeat(pad);
            case '^' -> String.valueOf(fill).repeat(pad / 2) + body + String.valueOf(fill).repeat(pad - pad / 2);
            default -> String.valueOf(fill).repeat(pad) + body;
        };
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String repr(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0.0" : "-0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = bd.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder();
            if (v < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            return sb.append(e < 10 ? "0" : "").append(e).toString();
        }
        String plain = bd.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Python's {@code g}: precision significant digits, trailing zeros removed. */
    private static String general(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v == 0 ? (Double.doubleToRawLongBits(v) == 0 ? "0" : "-0") : repr(v);
        }
        String sci = PyFormat.scientific(v, precision - 1);
        int exp = Integer.parseInt(sci.substring(sci.indexOf('e') + 1));
        if (exp >= -4 && exp < precision) {
            String f = PyFormat.fixed(v, precision - 1 - exp);
            return f.contains(".") ? stripZeros(f) : f;
        }
        String mant = sci.substring(0, sci.indexOf('e'));
        return (mant.contains(".") ? stripZeros(mant) : mant) + sci.substring(sci.indexOf('e'));
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static double num(Object value) {
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("a number format was given for the non-number " + value);
        }
        return ((Number) value).doubleValue();
    }

    /** A parsed format spec. */
    private static final class Spec {
        char fill = ' ';
        char align;
        char sign;
        boolean zero;
        int width;
        boolean comma;
        int precision = -1;
        char type;

        static Spec parse(String spec) {
            Spec s = new Spec();
            int i = 0;
            int n = spec.length();
            if (n >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
                s.fill = spec.charAt(0);
                s.align = spec.charAt(1);
                i = 2;
            } else if (n >= 1 && "<>^=".indexOf(spec.charAt(0)) >= 0) {
                s.align = spec.charAt(0);
                i = 1;
            }
            if (s.align == '=') {
                s.align = 0;
                s.zero = true;
            }
            if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
                s.sign = spec.charAt(i) == '-' ? 0 : spec.charAt(i);
                i++;
            }
            if (i < n && spec.charAt(i) == '0') {
                s.zero = true;
                i++;
            }
            int start = i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i > start) {
                s.width = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n && spec.charAt(i) == ',') {
                s.comma = true;
                i++;
            }
            if (i < n && spec.charAt(i) == '.') {
                start = ++i;
                while (i < n && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("Format specifier missing precision in '" + spec + "'");
                }
                s.precision = Integer.parseInt(spec.substring(start, i));
            }
            if (i < n) {
                s.type = spec.charAt(i++);
                if ("dfFeEgGs%".indexOf(s.type) < 0) {
                    throw new IllegalArgumentException("Unknown format code '" + s.type + "' in '" + spec + "'");
                }
            }
            if (i != n) {
                throw new IllegalArgumentException("Invalid format specifier '" + spec + "'");
            }
            return s;
        }
    }
}
