package ganglion.internal.ops;

/**
 * The error function. Uses the Taylor series near zero and Abramowitz &amp; Stegun's formula 7.1.26
 * (absolute error below 1.5e-7, under float32's resolution for GELU) elsewhere.
 */
final class Erf {

    private Erf() {
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 0.5) {
            // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
            double x2 = x * x, term = x, sum = x;
            for (int n = 1; n < 12; n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return sum * 1.1283791670955126;
        }
        double t = 1.0 / (1.0 + 0.3275911 * ax);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = 1.0 - poly * Math.exp(-ax * ax);
        return x < 0 ? -r : r;
    }
}
