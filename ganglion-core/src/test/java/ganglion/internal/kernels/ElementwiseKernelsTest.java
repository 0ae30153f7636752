package ganglion.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Element-wise kernels on both implementations, at lengths that exercise the vector body, the scalar tail and
 * the multi-threaded path, with offsets on every operand. Exactly rounded operations must match exactly.
 */
class ElementwiseKernelsTest {

    static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 1000, 4099, 300_007};

    static Stream<Arguments> cases() {
        return KernelTesting.impls().flatMap(impl -> java.util.Arrays.stream(LENGTHS).mapToObj(n -> Arguments.of(impl, n)));
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void binaryAndScalarOperations(String impl, int n) {
        Kernels k = KernelTesting.impl(impl);
        float[] a = KernelTesting.random(n + 1, n), b = KernelTesting.random(n + 2, n + 1L);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0f) {
                b[i] = 0.5f;
            }
        }
        float[] out = new float[n + 3];
        k.add(a, 1, b, 2, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] + b[2 + i], "add");
        k.sub(a, 1, b, 2, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] - b[2 + i], "sub");
        k.mul(a, 1, b, 2, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] * b[2 + i], "mul");
        k.div(a, 1, b, 2, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] / b[2 + i], "div");
        k.addScalar(a, 1, 0.3f, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] + 0.3f, "addScalar");
        k.mulScalar(a, 1, -1.7f, out, 3, n);
        expect(out, 3, n, i -> (double) a[1 + i] * -1.7f, "mulScalar");
        k.relu(a, 1, out, 3, n);
        expect(out, 3, n, i -> Math.max(a[1 + i], 0f), "relu");
    }

    @ParameterizedTest(name = "{0} n={1}")
    @MethodSource("cases")
    void axpyAndReluBackward(String impl, int n) {
        Kernels k = KernelTesting.impl(impl);
        float[] x = KernelTesting.random(n + 1, n), y = KernelTesting.random(n + 2, n + 7L);
        float[] y0 = y.clone();
        k.axpy(0.75f, x, 1, y, 2, n);
        for (int i = 0; i < n; i++) {
            double ref = y0[2 + i] + 0.75 * x[1 + i];
            assertEquals(ref, y[2 + i], 1e-6 * (Math.abs(y0[2 + i]) + Math.abs(x[1 + i])) + 1e-12, "axpy at " + i);
        }
        assertEquals(y0[0], y[0]);
        float[] g = KernelTesting.random(n + 3, n + 9L), gi = KernelTesting.random(n + 4, n + 11L);
        float[] gi0 = gi.clone();
        k.reluBackward(x, 1, g, 3, gi, 4, n);
        for (int i = 0; i < n; i++) {
            float ref = gi0[4 + i] + (x[1 + i] > 0f ? g[3 + i] : 0f);
            assertEquals(ref, gi[4 + i], "reluBackward at " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void reluHandlesSpecialValuesLikeMathMax(String impl) {
        Kernels k = KernelTesting.impl(impl);
        float[] special = {Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.MIN_VALUE,
                -Float.MIN_VALUE, 1e-40f, -1e-40f, 3f, -3f};
        float[] a = new float[special.length * 5];
        for (int i = 0; i < a.length; i++) {
            a[i] = special[i % special.length];
        }
        float[] out = new float[a.length];
        k.relu(a, 0, out, 0, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Float.floatToIntBits(Math.max(a[i], 0f)), Float.floatToIntBits(out[i]), "relu(" + a[i] + ")");
        }
    }

    @ParameterizedTest(name = "{0} rows={1}")
    @MethodSource("rowCases")
    void addRowVectorBroadcastsOverRows(String impl, int rows, int cols) {
        Kernels k = KernelTesting.impl(impl);
        float[] mat = KernelTesting.random(rows * cols + 2, rows), vec = KernelTesting.random(cols + 1, cols);
        float[] out = new float[rows * cols + 3];
        k.addRowVector(mat, 2, vec, 1, out, 3, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(mat[2 + r * cols + c] + vec[1 + c], out[3 + r * cols + c], "at " + r + "," + c);
            }
        }
        float[] inPlace = mat.clone();
        k.addRowVector(inPlace, 2, vec, 1, inPlace, 2, rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            assertEquals(out[3 + i], inPlace[2 + i], "in place at " + i);
        }
    }

    static Stream<Arguments> rowCases() {
        int[][] shapes = {{1, 1}, {3, 7}, {5, 16}, {4, 17}, {9, 33}, {2, 130}, {100, 1000}, {700, 520}};
        return KernelTesting.impls().flatMap(impl -> java.util.Arrays.stream(shapes).map(s -> Arguments.of(impl, s[0], s[1])));
    }

    private interface Ref {
        double at(int i);
    }

    private static void expect(float[] out, int off, int n, Ref ref, String op) {
        for (int i = 0; i < n; i++) {
            float want = (float) ref.at(i);
            if (Float.floatToIntBits(want) != Float.floatToIntBits(out[off + i])) {
                fail(op + " at " + i + " of " + n + ": " + out[off + i] + ", expected " + want);
            }
        }
    }
}
