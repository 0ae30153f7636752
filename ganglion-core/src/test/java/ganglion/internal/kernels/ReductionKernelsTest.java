package ganglion.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sum, max, dot, column sums and row softmax on both implementations against double references. */
class ReductionKernelsTest {

    static Stream<Arguments> cases() {
        return ElementwiseKernelsTest.cases();
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void sumDotAndMax(String impl, int n) {
        Kernels k = KernelTesting.impl(impl);
        float[] a = KernelTesting.random(n + 1, n), b = KernelTesting.random(n + 2, n + 3L);
        double sum = 0, sumAbs = 0, dot = 0, dotAbs = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sum += a[1 + i];
            sumAbs += Math.abs(a[1 + i]);
            dot += (double) a[1 + i] * b[2 + i];
            dotAbs += Math.abs((double) a[1 + i] * b[2 + i]);
            max = Math.max(max, a[1 + i]);
        }
        double tol = 1e-6 * Math.sqrt(n + 1.0);
        assertEquals(sum, k.sum(a, 1, n), tol * sumAbs + 1e-30, "sum");
        assertEquals(dot, k.dot(a, 1, b, 2, n), tol * dotAbs + 1e-30, "dot");
        if (n > 0) {
            assertEquals(max, k.max(a, 1, n), "max");
        }
    }

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void maxPropagatesNaNAndHandlesNegatives(String impl) {
        Kernels k = KernelTesting.impl(impl);
        for (int n : new int[]{1, 5, 16, 17, 40, 1000}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = -5f - i;
            }
            assertEquals(-5f, k.max(a, 0, n), "all negative, n=" + n);
            a[n - 1] = Float.NaN;
            assertTrue(Float.isNaN(k.max(a, 0, n)), "NaN last, n=" + n);
            a[n - 1] = Float.POSITIVE_INFINITY;
            assertEquals(Float.POSITIVE_INFINITY, k.max(a, 0, n), "+inf, n=" + n);
        }
    }

    static Stream<Arguments> matrices() {
        int[][] shapes = {{1, 1}, {3, 7}, {5, 16}, {4, 17}, {9, 33}, {2, 130}, {7, 64}, {100, 1000}, {600, 520}};
        return KernelTesting.impls().flatMap(impl -> java.util.Arrays.stream(shapes).map(s -> Arguments.of(impl, s[0], s[1])));
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("matrices")
    void sumRowsIntoAddsEachColumnInRowOrder(String impl, int rows, int cols) {
        Kernels k = KernelTesting.impl(impl);
        float[] mat = KernelTesting.random(rows * cols + 1, rows * 7L + cols);
        float[] out = KernelTesting.random(cols + 2, cols);
        float[] expect = out.clone();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                expect[2 + c] += mat[1 + r * cols + c];
            }
        }
        k.sumRowsInto(mat, 1, rows, cols, out, 2);
        for (int i = 0; i < out.length; i++) {
            assertEquals(expect[i], out[i], "column " + (i - 2));   // same order of additions: exact
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("matrices")
    void softmaxRowsMatchesDoubleReferenceAndWorksInPlace(String impl, int rows, int cols) {
        Kernels k = KernelTesting.impl(impl);
        float[] a = KernelTesting.random(rows * cols + 1, rows + 13L * cols);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 20f;
        }
        float[] out = new float[rows * cols + 2];
        k.softmaxRows(a, 1, out, 2, rows, cols);
        for (int r = 0; r < rows; r++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                mx = Math.max(mx, a[1 + r * cols + c]);
            }
            double s = 0;
            for (int c = 0; c < cols; c++) {
                s += Math.exp(a[1 + r * cols + c] - mx);
            }
            for (int c = 0; c < cols; c++) {
                double ref = Math.exp(a[1 + r * cols + c] - mx) / s;
                assertEquals(ref, out[2 + r * cols + c], 2e-6 * ref + 1e-9, "row " + r + " col " + c);
            }
        }
        float[] inPlace = a.clone();
        k.softmaxRows(inPlace, 1, inPlace, 1, rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            assertEquals(out[2 + i], inPlace[1 + i], "in place at " + i);
        }
    }
}
