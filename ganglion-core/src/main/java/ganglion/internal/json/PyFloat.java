package ganglion.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (the closest such
 * decimal when several have that length), in fixed notation when the decimal exponent is in [-4, 16) and in
 * scientific notation otherwise: {@code 0.001}, {@code 1e-05}, {@code 1e+16}, {@code 1234.5}, {@code 2.0}.
 * {@code json.dumps} writes floats this way, so Keras files carry these strings.
 *
 * <p>Java 17's {@code Double.toString} is not always shortest and uses other thresholds, hence this class.
 */
public final class PyFloat {

    private PyFloat() {
    }

    /** {@code repr(x)} for a Python float; {@code nan}, {@code inf}, {@code -inf} for the special values. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (Double.doubleToRawLongBits(x) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(x, false);
        return format(x < 0, shortest);
    }

    /**
     * The repr of a float32 value as Python shows a float that was given as the shortest decimal for the
     * float32 (so {@code 0.001f} gives {@code "0.001"}, not the digits of its double widening).
     */
    public static String repr(float x) {
        if (Float.isNaN(x) || Float.isInfinite(x) || x == 0) {
            return repr((double) x);
        }
        return format(x < 0, shortest(x, true));
    }

    /** The shortest round-tripping decimal of |x|, read back as a float when {@code asFloat}. */
    private static BigDecimal shortest(double x, boolean asFloat) {
        double a = Math.abs(x);
        // For normal numbers at most one decimal of <= 15 digits (6 for float32) reads back as a given value
        // (DBL_DIG, FLT_DIG); so when such a decimal reads back, it is the shortest one.
        boolean normal = asFloat ? a >= Float.MIN_NORMAL : a >= Double.MIN_NORMAL;
        int unique = asFloat ? 6 : 15;
        if (normal) {
            BigDecimal java = new BigDecimal(asFloat ? Float.toString((float) a) : Double.toString(a))
                    .stripTrailingZeros();
            if (java.precision() <= unique) {
                return java;
            }
        }
        BigDecimal exact = new BigDecimal(a);
        int from = 1;
        if (normal) {
            BigDecimal r = exact.round(new MathContext(unique, RoundingMode.HALF_EVEN));
            if (readsBack(r, a, asFloat)) {
                return r.stripTrailingZeros();
            }
            from = unique + 1;
        }
        for (int p = from; p <= 17; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = readsBack(lo, a, asFloat);
            boolean hiOk = readsBack(hi, a, asFloat);
            if (loOk && hiOk) {
                int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (cmp < 0) {
                    return lo;
                }
                if (cmp > 0) {
                    return hi;
                }
                return lastDigitEven(lo) ? lo : hi;
            }
            if (loOk) {
                return lo;
            }
            if (hiOk) {
                return hi;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static boolean readsBack(BigDecimal d, double target, boolean asFloat) {
        if (asFloat) {
            return Float.parseFloat(d.toString()) == (float) target;
        }
        return Double.parseDouble(d.toString()) == target;
    }

    private static boolean lastDigitEven(BigDecimal d) {
        return d.unscaledValue().testBit(0) == false;
    }

    private static String format(boolean negative, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        // value = 0.digits * 10^decpt
        int decpt = digits.length() - stripped.scale();
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = 0; i < -decpt; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (decpt < digits.length()) {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        } else {
            sb.append(digits);
            for (int i = digits.length(); i < decpt; i++) {
                sb.append('0');
            }
            sb.append(".0");
        }
        return sb.toString();
    }
}
