package ganglion.data;

import java.util.Arrays;
import java.util.Comparator;

/** Column statistics that skip missing values, as pandas does. */
final class Stats {

    private Stats() {
    }

    /** The non-NaN values. */
    static double[] present(double[] d) {
        return Arrays.stream(d).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double mean(double[] d) {
        double s = 0;
        int n = 0;
        for (double v : d) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Linear-interpolation quantile (numpy's default) of values without NaN. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    /** count, mean, std (ddof 1), min, 25%, 50%, 75%, max. */
    static double[] describe(double[] d) {
        double[] p = present(d);
        double m = mean(p);
        double ss = 0;
        for (double v : p) {
            ss += (v - m) * (v - m);
        }
        double std = p.length > 1 ? Math.sqrt(ss / (p.length - 1)) : Double.NaN;
        double min = p.length == 0 ? Double.NaN : Arrays.stream(p).min().getAsDouble();
        double max = p.length == 0 ? Double.NaN : Arrays.stream(p).max().getAsDouble();
        return new double[]{p.length, m, std, min, quantile(p, 0.25), quantile(p, 0.5), quantile(p, 0.75), max};
    }

    /** Pearson's r over the rows where both columns are present (pandas' pairwise-complete rule). */
    static double pearson(Column a, Column b) {
        int n = a.size();
        double sa = 0;
        double sb = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                sa += a.number(i);
                sb += b.number(i);
                k++;
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        double ma = sa / k;
        double mb = sb / k;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            if (!a.isNull(i) && !b.isNull(i)) {
                double x = a.number(i) - ma;
                double y = b.number(i) - mb;
                cov += x * y;
                va += x * x;
                vb += y * y;
            }
        }
        return va == 0 || vb == 0 ? Double.NaN : cov / Math.sqrt(va * vb);
    }

    /** 1, or NaN for a constant column or one with fewer than 2 values. */
    static double selfCorrelation(Column a) {
        double[] p = present(a.numbers());
        if (p.length < 2) {
            return Double.NaN;
        }
        for (double v : p) {
            if (v != p[0]) {
                return 1.0;
            }
        }
        return Double.NaN;
    }

    /** Orders numeric category strings by value. */
    static Comparator<String> numericOrder() {
        return Comparator.comparingDouble(Double::parseDouble);
    }
}
