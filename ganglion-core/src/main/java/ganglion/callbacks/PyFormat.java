package ganglion.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting exactly as Python's {@code format()} does it for the few specs Keras's progress bar
 * uses ({@code .0f}, {@code .4f}, {@code .4e}): the exact binary value rounded half-to-even, "nan"/"inf"
 * spelled Python's way, and the sign of negative values (even when they round to zero) kept.
 */
final class PyFormat {

    private PyFormat() {
    }

    /** Python's {@code f"{v:.{digits}f}"}. */
    static String fixed(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(v);
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        if (negative(v) && s.charAt(0) != '-') {
            s = "-" + s;
        }
        return s;
    }

    /** Python's {@code f"{v:.{digits}e}"}, e.g. 1.2346e-04. */
    static String scientific(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(v);
        }
        StringBuilder sb = new StringBuilder(digits + 8);
        if (negative(v)) {
            sb.append('-');
        }
        double a = Math.abs(v);
        String mantissa;
        int exponent;
        if (a == 0) {
            mantissa = "0";
            exponent = 0;
        } else {
            BigDecimal bd = new BigDecimal(a).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            mantissa = bd.unscaledValue().toString();
            exponent = bd.precision() - bd.scale() - 1;
        }
        sb.append(mantissa.charAt(0));
        if (digits > 0) {
            sb.append('.');
            for (int i = 1; i <= digits; i++) {
                sb.append(i < mantissa.length() ? mantissa.charAt(i) : '0');
            }
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    private static boolean negative(double v) {
        return v < 0 || (v == 0 && Double.doubleToRawLongBits(v) != 0);
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
