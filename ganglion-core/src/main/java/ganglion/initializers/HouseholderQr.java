package ganglion.initializers;

/** Reduced QR factorisation by Householder reflections, in double precision, for {@link Orthogonal}. */
final class HouseholderQr {

    private HouseholderQr() {
    }

    /**
     * For a row-major {@code m x n} matrix A with {@code m >= n}, returns the {@code m x n} factor
     * {@code Q * diag(sign(diag(R)))} of A = QR: the orthonormal factor whose R has a non-negative diagonal.
     */
    static double[] orthonormalFactor(double[] a, int m, int n) {
        double[] r = a.clone();
        double[][] vs = new double[n][];
        double[] signs = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm += r[i * n + k] * r[i * n + k];
            }
            norm = Math.sqrt(norm);
            double x0 = r[k * n + k];
            double alpha = x0 > 0 ? -norm : norm;   // R[k][k] after the reflection
            double[] v = new double[m - k];
            for (int i = k; i < m; i++) {
                v[i - k] = r[i * n + k];
            }
            v[0] -= alpha;
            double vv = 0;
            for (double e : v) {
                vv += e * e;
            }
            if (vv > 0) {
                // A[k:, k:] -= 2 v (vᵀ A[k:, k:]) / (vᵀ v)
                for (int j = k; j < n; j++) {
                    double dot = 0;
                    for (int i = k; i < m; i++) {
                        dot += v[i - k] * r[i * n + j];
                    }
                    double f = 2 * dot / vv;
                    for (int i = k; i < m; i++) {
                        r[i * n + j] -= f * v[i - k];
                    }
                }
                vs[k] = v;
            }
            signs[k] = Math.signum(r[k * n + k]);
        }
        // Q (m x n) = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity
        double[] q = new double[m * n];
        for (int i = 0; i < n; i++) {
            q[i * n + i] = 1;
        }
        for (int k = n - 1; k >= 0; k--) {
            double[] v = vs[k];
            if (v == null) {
                continue;
            }
            double vv = 0;
            for (double e : v) {
                vv += e * e;
            }
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) {
                    dot += v[i - k] * q[i * n + j];
                }
                if (dot == 0) {
                    continue;
                }
                double f = 2 * dot / vv;
                for (int i = k; i < m; i++) {
                    q[i * n + j] -= f * v[i - k];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                q[i * n + j] *= signs[j];
            }
        }
        return q;
    }
}
