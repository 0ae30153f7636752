package ganglion.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GEMM against a double-precision reference on both implementations: sizes around vector, tile and block
 * boundaries, all four transpose variants, beta 0 (over garbage) and 1, offsets and leading dimensions wider than
 * the rows. Elements of the buffers outside C's window must stay untouched.
 */
class GemmTest {

    static final int[] SIZES = {1, 2, 3, 7, 15, 16, 17, 31, 33, 64, 65, 127, 129, 255, 257};
    private static final float OUTSIDE = 7.25f;

    static Stream<Arguments> cubes() {
        return KernelTesting.impls().flatMap(impl -> java.util.Arrays.stream(SIZES).mapToObj(s -> Arguments.of(impl, s)));
    }

    @ParameterizedTest(name = "{0} {1}x{1}x{1}")
    @MethodSource("cubes")
    void cubesInAllTransposesAndBetas(String impl, int s) {
        Kernels kern = KernelTesting.impl(impl);
        for (int variant = 0; variant < 8; variant++) {
            check(kern, (variant & 1) != 0, (variant & 2) != 0, s, s, s, (variant & 4) != 0 ? 1f : 0f, 0, 0, variant);
        }
    }

    static Stream<Arguments> mixed() {
        Random r = new Random(42);
        List<Arguments> out = new ArrayList<>();
        for (int t = 0; t < 48; t++) {
            int m = SIZES[r.nextInt(SIZES.length)], n = SIZES[r.nextInt(SIZES.length)], k = SIZES[r.nextInt(SIZES.length)];
            int flags = r.nextInt(8);
            int pad = new int[]{0, 1, 5, 16}[r.nextInt(4)];
            int off = r.nextInt(9);
            for (String impl : new String[]{KernelTesting.SCALAR, KernelTesting.VECTOR}) {
                out.add(Arguments.of(impl, m, n, k, flags, pad, off));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} flags={4} pad={5} off={6}")
    @MethodSource("mixed")
    void mixedShapesWithOffsetsAndLeadingDimensions(String impl, int m, int n, int k, int flags, int pad, int off) {
        check(KernelTesting.impl(impl), (flags & 1) != 0, (flags & 2) != 0, m, n, k, (flags & 4) != 0 ? 1f : 0f,
                pad, off, flags * 31L + m);
    }

    static Stream<Arguments> larger() {
        int[][] shapes = {{300, 520, 700}, {1000, 70, 300}, {70, 1000, 513}, {6, 4096, 40}, {20, 2000, 300}, {2, 300, 900},
                {520, 1, 77}};
        List<Arguments> out = new ArrayList<>();
        for (String impl : new String[]{KernelTesting.SCALAR, KernelTesting.VECTOR}) {
            for (int[] s : shapes) {
                out.add(Arguments.of(impl, s[0], s[1], s[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("larger")
    void largerShapesSpanSeveralBlocks(String impl, int m, int n, int k) {
        Kernels kern = KernelTesting.impl(impl);
        for (int variant = 0; variant < 4; variant++) {
            check(kern, (variant & 1) != 0, (variant & 2) != 0, m, n, k, variant == 3 ? 0f : 1f, 3, 5, variant);
        }
    }

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void emptyProductsAndOtherBetas(String impl) {
        Kernels kern = KernelTesting.impl(impl);
        for (int variant = 0; variant < 4; variant++) {
            boolean tA = (variant & 1) != 0, tB = (variant & 2) != 0;
            check(kern, tA, tB, 5, 7, 0, 0f, 2, 1, 1);    // k = 0, beta 0: C becomes zero
            check(kern, tA, tB, 5, 7, 0, 1f, 2, 1, 2);    // k = 0, beta 1: C unchanged
            check(kern, tA, tB, 0, 7, 9, 1f, 2, 1, 3);
            check(kern, tA, tB, 5, 0, 9, 0f, 2, 1, 4);
            check(kern, tA, tB, 40, 70, 33, 0.5f, 2, 1, 5);
            check(kern, tA, tB, 3, 5, 4, -2f, 0, 0, 6);
        }
    }

    @ParameterizedTest
    @MethodSource("ganglion.internal.kernels.KernelTesting#impls")
    void rejectsLeadingDimensionsShorterThanRows(String impl) {
        Kernels kern = KernelTesting.impl(impl);
        float[] x = new float[100];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(false, false, 4, 5, 6, x, 0, 5, x, 0, 5, 0f, x, 0, 5));
        assertEquals(true, e.getMessage().contains("lda=5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kern.gemm(false, true, 4, 5, 6, x, 0, 6, x, 0, 5, 0f, x, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> kern.gemm(false, false, 4, 5, 6, x, 0, 6, x, 0, 5, 0f, x, 0, 4));
    }

    /** Runs one product and compares every element of C with the double-precision reference. */
    static void check(Kernels kern, boolean tA, boolean tB, int m, int n, int k, float beta, int pad, int off, long seed) {
        int lda = (tA ? m : k) + pad, ldb = (tB ? k : n) + pad, ldc = n + pad;
        int aRows = tA ? k : m, bRows = tB ? n : k;
        float[] a = KernelTesting.random(off + aRows * lda + 3, seed * 3 + 1);
        float[] b = KernelTesting.random(off + bRows * ldb + 3, seed * 3 + 2);
        float[] c = new float[off + m * ldc + 3];
        java.util.Arrays.fill(c, OUTSIDE);
        float[] init = KernelTesting.random(m * n, seed * 3 + 3);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[off + i * ldc + j] = beta == 0f ? Float.NaN : init[i * n + j];   // beta 0 must ignore garbage
            }
        }
        float[] before = c.clone();
        kern.gemm(tA, tB, m, n, k, a, off, lda, b, off, ldb, beta, c, off, ldc);
        double tol = 1e-5 * Math.sqrt(Math.max(k, 1));
        boolean[] inside = new boolean[c.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = off + i * ldc + j;
                inside[ci] = true;
                double ref = beta == 0f ? 0 : (double) beta * before[ci];
                double mag = Math.abs(ref);
                for (int p = 0; p < k; p++) {
                    double prod = (double) a[off + (tA ? p * lda + i : i * lda + p)] * b[off + (tB ? j * ldb + p : p * ldb + j)];
                    ref += prod;
                    mag += Math.abs(prod);
                }
                if (!(Math.abs(c[ci] - ref) <= tol * mag)) {
                    fail(String.format("%s tA=%b tB=%b m=%d n=%d k=%d beta=%s pad=%d off=%d: C[%d,%d]=%s, expected %s",
                            kern.name(), tA, tB, m, n, k, beta, pad, off, i, j, c[ci], ref));
                }
            }
        }
        for (int x = 0; x < c.length; x++) {
            if (!inside[x] && Float.floatToRawIntBits(c[x]) != Float.floatToRawIntBits(before[x])) {
                fail(kern.name() + " wrote outside C's window at index " + x + " (m=" + m + ", n=" + n + ", ldc=" + ldc
                        + ", off=" + off + ")");
            }
        }
    }
}
